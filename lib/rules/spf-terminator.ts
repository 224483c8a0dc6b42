import { PRESETS } from '../presets/catalogue';
import { parseSpfTerm, SpfTerm, spfTerms } from './mail-policy';
import { Rule, RuleHit } from './rule';
import { ZoneIndex } from './zone-index';

/** An SPF record should end by saying what happens to everyone else: -all or ~all, or hand over with redirect=. */
export const spfTerminator: Rule = {
  id: 'spf-terminator',
  severity: 'warning',
  summary: 'SPF record does not end with -all or ~all (or redirect=)',
  why: 'RFC 7208 §4.7: without an "all" mechanism or a redirect=, the result for unlisted senders is neutral, the same as ?all, so the record does not stop anyone from sending as the domain; "+all" (or a bare "all") authorises every host on the internet. Terms after "all" are never evaluated (RFC 7208 §5.1), and redirect= is ignored when "all" is present (§6.1).',
  sources: ['RFC 7208 §4.7', 'RFC 7208 §5.1', 'RFC 7208 §6.1', 'M3AAWG Email Authentication Best Practices'],
  fix: 'End the record with -all (fail) or ~all (soft fail) as the last term, or with redirect=<domain> to use another domain\'s policy. "?all" is not reported when the record includes a vendor that documents ?all (Fastmail, for domains that also send elsewhere): it is what the vendor asks for; choose -all or ~all (the construct\'s companions.spf.all) when that vendor is the only sender.',
  *check({ zone }): Iterable<RuleHit> {
    const index = ZoneIndex.of(zone);
    for (const entry of index.names()) {
      for (const record of entry.spf) {
        const problem = index.memo('spf-terminator', String(record.value), (text) => terminatorProblem(spfTerms(text).map(parseSpfTerm).filter((t): t is SpfTerm => t !== undefined)));
        if (problem) yield { name: record.name, record, message: `SPF "${record.value}": ${problem}` };
      }
    }
  },
};

/** `include:` domains of vendors whose documented SPF ends with `?all` (from the presets). */
const NEUTRAL_BY_VENDOR: ReadonlySet<string> = new Set(
  Object.values(PRESETS).flatMap((preset) => (preset.companions?.spf?.all === '?all' && preset.companions.spf.include !== undefined && !preset.companions.spf.include.includes('{') ? [preset.companions.spf.include.toLowerCase()] : [])),
);

function terminatorProblem(terms: readonly SpfTerm[]): string | undefined {
  const mechanisms = terms.filter((t) => t.kind === 'mechanism');
  const allIndex = mechanisms.findIndex((t) => t.name === 'all');
  const redirect = terms.some((t) => t.kind === 'modifier' && t.name === 'redirect');
  if (allIndex < 0) {
    return redirect ? undefined : 'it has no "all" and no redirect=, so unlisted senders get a neutral result and anyone can send as the domain. End it with -all or ~all.';
  }
  const all = mechanisms[allIndex];
  if (all.qualifier === '+') return `"${all.raw}" authorises every host on the internet to send as the domain. Use -all or ~all.`;
  if (all.qualifier === '?') {
    // A vendor that documents ?all (Fastmail: for domains that also send through other services)
    // is followed, not warned about: our vendor constructs publish the documented qualifier, and
    // a clean app written as the docs show must print no warning. The preset's note says when to
    // choose ~all or -all instead.
    if (terms.some((t) => t.kind === 'mechanism' && t.name === 'include' && t.argument !== undefined && NEUTRAL_BY_VENDOR.has(t.argument.toLowerCase()))) return undefined;
    return '"?all" gives unlisted senders a neutral result, which protects nothing. Use -all or ~all unless your provider requires ?all.';
  }
  if (allIndex < mechanisms.length - 1) return `terms after "${all.raw}" (${mechanisms.slice(allIndex + 1).map((t) => t.raw).join(' ')}) are never evaluated (RFC 7208 §5.1). Move "${all.raw}" to the end.`;
  if (redirect) return `redirect= is ignored because "${all.raw}" is present (RFC 7208 §6.1). Keep one of them.`;
  return undefined;
}
