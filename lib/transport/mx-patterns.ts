import { identifyVendor, PRESETS } from '../presets/catalogue';
import { mxPatternMatches, normalizePattern } from './mta-sts-policy';

/**
 * The `mx:` pattern that covers an MX host: the wildcard its vendor documents when one matches
 * (the preset that declared the record, else the vendor the host belongs to), else the host
 * itself. What constructs derive a policy from, and what findings tell users to add.
 */
export function coveringPattern(exchange: string, presetId?: string): string {
  const host = normalizePattern(exchange);
  const preset = (presetId !== undefined ? PRESETS[presetId] : undefined) ?? identifyVendor(host)?.preset;
  return preset?.transportSecurity?.mtaStsMx?.find(({ pattern }) => mxPatternMatches(pattern, host))?.pattern ?? host;
}
