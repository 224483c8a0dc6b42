import { isIP } from 'node:net';
import { describeRecord } from './mx-exchange';
import { Rule, RuleHit } from './rule';

/** A record family and the IP version its value must be. */
const VERSION: Readonly<Record<string, number>> = { A: 4, AAAA: 6 };

/** An A record holds an IPv4 address and an AAAA record an IPv6 address, nothing else. */
export const addressInvalid: Rule = {
  id: 'address-invalid',
  severity: 'error',
  summary: 'A/AAAA value is not an IPv4/IPv6 address',
  why: 'RFC 1035 §3.4.1 and RFC 3596 §2.2: an A record holds one IPv4 address and an AAAA record one IPv6 address. A host name, an address of the other family or a typo there cannot be published (Cloudflare rejects it), and if the name is a mail exchange, senders find no address to connect to.',
  sources: ['RFC 1035 §3.4.1', 'RFC 3596 §2.2'],
  fix: 'Put the address in the record of its family (IPv4 in A, IPv6 in AAAA); use a CNAME for an alias to a host name (but never at a mail exchange).',
  *check({ zone }): Iterable<RuleHit> {
    for (const type of ['A', 'AAAA']) {
      for (const record of zone.ofType(type)) {
        const value = String(record.value ?? '').trim();
        if (isIP(value) !== VERSION[type]) {
          const other = isIP(value) !== 0 ? ` (it is an IPv${isIP(value)} address: use ${type === 'A' ? 'AAAA' : 'A'})` : '';
          yield { name: record.name, record, message: `${describeRecord(record)}: "${value}" is not an IPv${VERSION[type]} address${other}.` };
        }
      }
    }
  },
};
