import { addressInvalid } from './address-invalid';
import { cnameAtApex } from './cname-at-apex';
import { cnameCoexists } from './cname-coexists';
import { danePartial } from './dane-partial';
import { daneTlsaStale } from './dane-tlsa-stale';
import { daneTlsaUsage } from './dane-tlsa-usage';
import { daneVendorPreconditions } from './dane-vendor-preconditions';
import { mtaStsMaxAge } from './mta-sts-max-age';
import { mtaStsMigration } from './mta-sts-migration';
import { mtaStsMultiple } from './mta-sts-multiple';
import { mtaStsMxUncovered } from './mta-sts-mx-uncovered';
import { mtaStsMxUncoveredTesting } from './mta-sts-mx-uncovered-testing';
import { mtaStsNullMx } from './mta-sts-null-mx';
import { mtaStsPolicySyntax } from './mta-sts-policy-syntax';
import { mtaStsRecordSyntax } from './mta-sts-record-syntax';
import { mtaStsWithoutTlsRpt } from './mta-sts-without-tls-rpt';
import { tlsRptMultiple } from './tls-rpt-multiple';
import { tlsRptSyntax } from './tls-rpt-syntax';
import { dmarcMisplaced } from './dmarc-misplaced';
import { dmarcMissing } from './dmarc-missing';
import { dmarcMultiple } from './dmarc-multiple';
import { dmarcSyntax } from './dmarc-syntax';
import { dnsLabelLength } from './dns-label-length';
import { dnsNameLength } from './dns-name-length';
import { implicitMx } from './implicit-mx';
import { mxDuplicate } from './mx-duplicate';
import { mxMixedVendors } from './mx-mixed-vendors';
import { mxPriorityGap } from './mx-priority-gap';
import { mxPriorityHigh } from './mx-priority-high';
import { mxPriorityRange } from './mx-priority-range';
import { mxSingle } from './mx-single';
import { mxTargetCname } from './mx-target-cname';
import { mxTargetEmpty } from './mx-target-empty';
import { mxTargetIp } from './mx-target-ip';
import { mxTargetNoAddress } from './mx-target-no-address';
import { mxTargetSyntax } from './mx-target-syntax';
import { mxTargetWildcard } from './mx-target-wildcard';
import { mxTtlHigh } from './mx-ttl-high';
import { mxVendorIncomplete } from './mx-vendor-incomplete';
import { nameRepeatsZone } from './name-repeats-zone';
import { nullMxAlone } from './null-mx-alone';
import { nullMxDmarc } from './null-mx-dmarc';
import { nullMxPriority } from './null-mx-priority';
import { nullMxSpf } from './null-mx-spf';
import { Rule } from './rule';
import { rrsetTtlMismatch } from './rrset-ttl-mismatch';
import { spfIncludeLoop } from './spf-include-loop';
import { spfLookupLimit } from './spf-lookup-limit';
import { spfMultiple } from './spf-multiple';
import { spfRecordType } from './spf-record-type';
import { spfSyntax } from './spf-syntax';
import { spfTerminator } from './spf-terminator';

/** Rules about records and the zone's structure, checked first. */
const STRUCTURE_RULES: readonly Rule[] = [
  // The MX record itself.
  mxPriorityRange,
  mxTargetEmpty,
  mxTargetIp,
  mxTargetSyntax,
  dnsLabelLength,
  dnsNameLength,
  nameRepeatsZone,
  addressInvalid,
  // The MX set at a name.
  mxDuplicate,
  nullMxAlone,
  nullMxPriority,
  // The exchange as the zone answers for it.
  mxTargetCname,
  cnameAtApex,
  cnameCoexists,
  mxTargetNoAddress,
  mxTargetWildcard,
];

/** Rules about mail policy and resilience, checked after the host's rules. */
const POLICY_RULES: readonly Rule[] = [
  // SPF and DMARC.
  spfMultiple,
  spfSyntax,
  spfLookupLimit,
  spfIncludeLoop,
  spfRecordType,
  dmarcMultiple,
  dmarcMisplaced,
  nullMxSpf,
  nullMxDmarc,
  spfTerminator,
  dmarcSyntax,
  // Transport security tied to the MX set: MTA-STS, TLS-RPT, DANE.
  mtaStsRecordSyntax,
  mtaStsMultiple,
  mtaStsPolicySyntax,
  mtaStsMaxAge,
  mtaStsNullMx,
  mtaStsMxUncovered,
  mtaStsMxUncoveredTesting,
  mtaStsMigration,
  mtaStsWithoutTlsRpt,
  tlsRptSyntax,
  tlsRptMultiple,
  daneTlsaUsage,
  danePartial,
  daneTlsaStale,
  daneVendorPreconditions,
  // Resilience and hygiene.
  mxSingle,
  mxPriorityGap,
  mxPriorityHigh,
  mxTtlHigh,
  rrsetTtlMismatch,
  mxMixedVendors,
  mxVendorIncomplete,
  implicitMx,
  dmarcMissing,
];

/** Every host-neutral rule: what any zone is checked against, wherever it is hosted. */
export const ZONE_RULES: readonly Rule[] = [...STRUCTURE_RULES, ...POLICY_RULES];

/**
 * The rules for a zone at a host, in the order findings are reported: records and the zone's
 * structure, then the host's own rules (API limits, proxying), then mail policy and resilience.
 */
export function rulesWithHost(hostRules: readonly Rule[]): readonly Rule[] {
  if (hostRules.length === 0) return ZONE_RULES;
  let rules = withHostRules.get(hostRules);
  if (!rules) {
    rules = [...STRUCTURE_RULES, ...hostRules, ...POLICY_RULES];
    withHostRules.set(hostRules, rules);
  }
  return rules;
}

/** One list per host: validation asks for it once per zone. */
const withHostRules = new WeakMap<readonly Rule[], readonly Rule[]>();
