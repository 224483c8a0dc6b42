import { Construct } from 'constructs';
import { describeValue, MxInputError } from '../dns/errors';
import { isInZone, parseHostname } from '../dns/names';
import { renderTlsa, smtpTlsaName, smtpUsageProblem, Tlsa, tlsaProblems } from '../transport/tlsa';
import { MailDomainProps } from './mail-domain-props';
import { MailRecordsBase } from './mail-records-base';

/** One TLSA record for an MX host. */
export interface DaneTlsaRecord {
  /** The MX host (exchange) the record is for, inside this zone; published at `_25._tcp.<exchange>`. */
  readonly exchange: string;
  /** Certificate usage: 3 (DANE-EE, default) or 2 (DANE-TA); RFC 7672 §3.1 rules out 0 and 1 for SMTP. */
  readonly usage?: 2 | 3;
  /** 1 (SubjectPublicKeyInfo, default) or 0 (full certificate). */
  readonly selector?: 0 | 1;
  /** 1 (SHA-256, default), 2 (SHA-512) or 0 (the data itself). */
  readonly matchingType?: 0 | 1 | 2;
  /** Certificate association data in hex: 32 octets for SHA-256, 64 for SHA-512. */
  readonly data: string;
}

/** Props of {@link DaneTlsa}. */
export interface DaneTlsaProps extends MailDomainProps {
  /** The TLSA records, at least one; give two per host (current and next key) to roll keys without a gap. */
  readonly records: readonly DaneTlsaRecord[];
}

/**
 * DANE for SMTP (RFC 7672): TLSA records at `_25._tcp.<exchange>` for MX hosts in this zone,
 * defaults `3 1 1` (DANE-EE, public key, SHA-256) as RFC 7672 §3.1 recommends. Senders use
 * them only when the zone is DNSSEC-signed. Publish them for every MX host of the name (the
 * `dane-partial` rule checks); a vendor's hosts carry the vendor's own TLSA in its zone.
 * Hosts without a TLSA resource (hashicorp/dns) refuse them with an error naming the host.
 */
export class DaneTlsa extends MailRecordsBase {
  constructor(scope: Construct, id: string, props: DaneTlsaProps) {
    super(scope, id, props);
    if (!Array.isArray(props.records) || props.records.length === 0) {
      throw new MxInputError('records', `give at least one { exchange, data } (${this.where()})`);
    }
    props.records.forEach((input, index) => {
      const field = `records[${index}]`;
      if (input === null || typeof input !== 'object') throw new MxInputError(field, `must be { exchange, data, usage?, selector?, matchingType? }, not ${describeValue(input)} (${this.where()})`);
      const host = typeof input.exchange === 'string' ? parseHostname(input.exchange.trim()).ascii : undefined;
      if (host === undefined) throw new MxInputError(`${field}.exchange`, `must be the MX host name, not ${describeValue(input.exchange)} (${this.where()})`);
      if (!isInZone(host, this.recordName)) {
        throw new MxInputError(`${field}.exchange`, `${host} is not in ${this.recordName}; TLSA records for it belong in the zone that holds ${host} (${this.where()})`);
      }
      const tlsa: Tlsa = { usage: input.usage ?? 3, selector: input.selector ?? 1, matchingType: input.matchingType ?? 1, data: typeof input.data === 'string' ? input.data.trim() : '' };
      const problems = [smtpUsageProblem(tlsa.usage), ...tlsaProblems(tlsa)].filter((p): p is string => p !== undefined);
      if (problems.length > 0) throw new MxInputError(field, `${problems.join('; ')} (${this.where()})`);
      const owner = smtpTlsaName(host);
      const value = renderTlsa(tlsa);
      this.publish({ type: 'TLSA', value, label: owner.slice(0, owner.length - this.recordName.length - 1), identity: `${tlsa.usage}-${tlsa.selector}-${tlsa.matchingType}-${tlsa.data.toLowerCase()}`, field });
    });
  }
}
