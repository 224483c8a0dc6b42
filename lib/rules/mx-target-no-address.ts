import { resolveExchange } from './exchange-resolution';
import { Rule, RuleHit } from './rule';
import { ZoneIndex } from './zone-index';

/** RFC 5321 §5.1: senders look up A/AAAA of the exchange; an in-zone exchange without them is unreachable. */
export const mxTargetNoAddress: Rule = {
  id: 'mx-target-no-address',
  severity: 'warning',
  summary: 'in-zone MX exchange has no A/AAAA record (includes MX loops)',
  why: 'RFC 5321 §5.1: a sender resolves the exchange to A/AAAA addresses and connects to them; MX records are not followed again at the exchange. An exchange inside this zone with no address records (a typo, a deleted host, or a name that only has MX records pointing back, i.e. a loop) is unreachable, and mail to the domain queues and bounces. Exchanges outside the zone, or below a delegation, cannot be checked here and are not reported.',
  sources: ['RFC 5321 §5.1', 'RFC 1034 §3.6.2'],
  fix: 'Add A and/or AAAA records for the exchange host, or point the MX at a host that has them.',
  *check({ zone }): Iterable<RuleHit> {
    const index = ZoneIndex.of(zone);
    for (const record of ZoneIndex.of(zone).routingMx) {
      const answer = resolveExchange(index, record);
      if (!answer) continue;
      let problem: string | undefined;
      if (answer.kind === 'missing') problem = `${answer.host} does not exist in the zone (NXDOMAIN)`;
      else if (answer.kind === 'empty') problem = `${answer.host} has no records of its own (only names below it)`;
      else if (answer.kind === 'records' && answer.records.address.length === 0 && answer.records.cname.length === 0) {
        const held = [...new Set(answer.records.all.map((r) => r.type))].join(', ');
        problem = answer.records.mx.length > 0
          ? `${answer.host} has MX records (${answer.host === record.name ? 'the MX points at its own name' : 'an MX chain'}) but no A/AAAA; senders never follow MX twice, so this loops or fails`
          : `${answer.host} holds only ${held}, no A/AAAA`;
      }
      if (problem) {
        yield { name: record.name, record, message: `MX ${record.priority} ${answer.host}: ${problem}. Senders cannot connect to it (RFC 5321 §5.1); add A/AAAA records for ${answer.host} or point the MX at a host that has them.` };
      }
    }
  },
};
