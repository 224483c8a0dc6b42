import { lintRecordOf, lintZone } from '../lint/lint-zone';
import { Finding } from '../rules/engine';
import { LiveZone } from './live-zone';

/**
 * The findings of the live zone: every rule over every record read (web records too, so
 * rules such as `cname-coexists` see the whole name), exactly as `cdktf-mx lint` reports them,
 * with Cloudflare's host rules: the generated app publishes to Cloudflare.
 */
export function liveFindings(zone: LiveZone): Finding[] {
  return lintZone({
    zone: zone.domain,
    records: zone.records.map(lintRecordOf),
  }, { host: 'cloudflare' });
}

/** `[rule] severity: message`, the one-line form findings take on stderr and in the generated file. */
export function formatFinding(finding: Finding): string {
  return `[${finding.rule}] ${finding.severity} at ${finding.name} ${finding.message}`;
}
