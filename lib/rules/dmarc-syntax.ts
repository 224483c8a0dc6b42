import { DMARC_LABEL, DMARC_POLICIES, dmarcTags } from './mail-policy';
import { Rule, RuleHit } from './rule';
import { ZoneIndex } from './zone-index';

/** Problems of a DMARC record as receivers read it, each a phrase; empty when it is usable. */
export function dmarcProblems(text: string): string[] {
  const problems: string[] = [];
  const tags = dmarcTags(text);
  if (tags.length === 0 || tags[0][0] !== 'v' || tags[0][1] !== 'DMARC1') problems.push('it must start with exactly "v=DMARC1;"');
  // The last of a repeated tag counts, as a Map of the tags would keep it.
  let p: string | undefined;
  let sp: string | undefined;
  let pct: string | undefined;
  for (const [tag, value] of tags) {
    if (tag === 'p') p = value;
    else if (tag === 'sp') sp = value;
    else if (tag === 'pct') pct = value;
  }
  if (p === undefined) problems.push('it has no p= policy');
  else if (!DMARC_POLICIES.has(p.toLowerCase())) problems.push(`p=${p} is not none, quarantine or reject`);
  if (sp !== undefined && !DMARC_POLICIES.has(sp.toLowerCase())) problems.push(`sp=${sp} is not none, quarantine or reject`);
  if (pct !== undefined && !(/^\d{1,3}$/.test(pct) && Number(pct) <= 100)) problems.push(`pct=${pct} is not an integer from 0 to 100`);
  return problems;
}

/** A DMARC record receivers cannot use is as good as none. */
export const dmarcSyntax: Rule = {
  id: 'dmarc-syntax',
  severity: 'warning',
  summary: 'DMARC record is malformed (version, p=, sp= or pct=)',
  why: 'RFC 7489 §6.3–6.4: the record must start with "v=DMARC1" and carry a p= of none, quarantine or reject. Receivers discard a record whose version is wrong and apply no policy when p= is missing or invalid (RFC 7489 §6.6.3 treats it as p=none at best, when rua= is present), so a typo such as p=rejected leaves the domain unprotected.',
  sources: ['RFC 7489 §6.3', 'RFC 7489 §6.4', 'RFC 7489 §6.6.3'],
  fix: 'Write it as "v=DMARC1; p=reject;" (or quarantine/none), then optional tags such as rua=mailto:…, sp=, pct=.',
  *check({ zone }): Iterable<RuleHit> {
    const index = ZoneIndex.of(zone);
    for (const entry of index.names()) {
      if (!entry.name.startsWith(`${DMARC_LABEL}.`)) continue;
      for (const record of entry.dmarc) {
        const problems = index.memo('dmarc-problems', String(record.value), dmarcProblems);
        if (problems.length > 0) yield { name: entry.name, record, message: `DMARC "${record.value}": ${problems.join('; ')}. Receivers may ignore the record, leaving the domain without a policy.` };
      }
    }
  },
};
