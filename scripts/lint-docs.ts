import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderRulesReference, renderRulesSummary } from '../lib/lint/reference';
import { repoLink } from './repo-links';

/** The page the rules section lives on (README links to it), and its markers. */
export const RULES_SECTION_PAGE = join('docs', 'lint.md');
export const RULES_SECTION_START = '<!-- rules:start -->';
export const RULES_SECTION_END = '<!-- rules:end -->';

/** The rules section of docs/lint.md (between the markers), with the rule table generated from the catalogue. */
export function renderRulesSection(): string {
  return `## Rules: what synth and \`cdktf-mx lint\` check

Most mail-breaking mistakes are only visible across a whole zone, so every stack that uses
these constructs validates each zone it declares **together with your own raw
\`cloudflare_dns_record\` resources for the same zone id** (their configured inputs; zone ids
are compared after resolving tokens). Errors fail \`cdktf synth\`, \`App.synth()\` and
\`Testing.synth(stack, true)\` with \`[rule-id] name (construct path): what is wrong and how to fix
it\`; warnings and infos are printed by the CLI and do not fail (infos of one rule past three
names are summarised in one line, so a large estate's output stays readable).

\`\`\`ts
import { configureMxValidation, lintZone, MxRecords, suppressMxRule } from 'cdktf-mx';

configureMxValidation(stack, { warningsAsErrors: true, rules: { 'mx-ttl-high': 'off' }, minPriorityGap: 10 });
const selfHosted = new MxRecords(stack, 'self-hosted', { zoneId, domain: 'example.org', records: [{ priority: 10, exchange: 'mx.isp.example' }] });
suppressMxRule(selfHosted, { id: 'mx-single', reason: 'one box on purpose; senders queue during reboots' });

lintZone({ zone: 'example.com', records: [{ name: '@', type: 'MX', priority: 10, value: 'mail.example.com' }] });
// → [{ rule: 'mx-target-no-address', severity: 'warning', name: 'example.com.', message: '…' }, …]
\`\`\`

- **Suppressions** need a reason of at least 10 characters. They apply to findings on records
  declared at or below the construct (or the whole stack), are written to the synthesized
  \`cdk.tf.json\` under \`//.metadata["cdktf-mx"].suppressions\` with what they matched, and a
  suppression that matched nothing is a \`suppression-unused\` warning.
- **\`lintZone(input, options?)\`** never throws: bad input comes back as \`zone-invalid\`,
  \`record-invalid\`, \`record-unknown-field\`, \`record-outside-zone\` or \`options-invalid\` findings.
  Options: \`rules\` (per-rule \`error\`/\`warning\`/\`info\`/\`off\`), \`minPriorityGap\`, \`suppressions\`
  (\`{ id, reason, name? }\`), \`host\` (\`cloudflare\`, \`route53\`, \`google-dns\`, \`rfc2136\`: the zone-wide
  rules plus that host's own, e.g. \`cloudflare-ttl\` only for \`cloudflare\`; \`none\`: no host's rules; not
  given: every host's rules, for a zone whose host is unknown; \`rulesForHost(host)\` returns the list).
- **\`cdktf-mx lint <input>\`** reads the same JSON, a BIND zone file, or synthesized cdktf output
  (a \`cdktf.out\` directory, a stack directory or a \`cdk.tf.json\`: every zone in it, the apex of
  each zone of each stack told from its names as \`verify\` does (zone ids are compared within a
  stack: two stacks' \`var.zone_id\` are two zones); \`--zone\` picks one, \`--stack\` one stack;
  Cloudflare, Route 53, Google Cloud DNS and RFC 2136 resources, each zone checked with the rules of
  the host its resources are at, so a Route 53 zone with TTL 172800 gets no \`cloudflare-ttl\`; a zone
  file or JSON gets every host's rules unless \`--host cloudflare|route53|google-dns|rfc2136|none\` names
  its host, a usage error on cdktf output) and prints findings grouped by
  name (coloured on a terminal; \`--format json\` for machines, \`--format sarif\` for code scanning,
  \`--format github\` for pull-request annotations, see [In a pipeline](${repoLink('docs/pipelines.md')});
  \`--rule id=off\`, \`--config\`, \`--strict\`, \`--allow-include-outside\`, \`--list-rules\`, \`--help\`).
  Exit 1 on errors (or warnings with \`--strict\`), 2 on usage or read errors, 0 otherwise. Zone files are read as
  BIND's \`named-checkzone\` reads them, and every line that cannot be read is a
  \`zone-file-unreadable\` finding with its line number: see
  [Zone files in \`cdktf-mx lint\`](#zone-files-in-cdktf-mx-lint).
- **Vendor aware**: record sets from the presets are recognised by exchange (or by the construct
  that made them). A vendor's documented single host (Google \`smtp.google.com\`, Microsoft 365)
  raises no \`mx-single\`; documented priorities (Google's legacy 1/5/5/10/10) raise no
  \`mx-priority-gap\`; MX of two vendors, or Google's legacy and current sets, at one name are
  \`mx-mixed-vendors\`.
- **Scope decisions**: exchanges outside the zone or below a delegation cannot be checked and
  raise nothing; \`implicit-mx\` only looks at mail-relevant names (the apex, names with SPF, names
  with \`_dmarc\` records) so web hosts are not flagged; every rule is O(records) over indexes by
  owner name (no pairwise scans).

Every id, its default severity, why it matters (with the RFC or vendor source) and how to fix it:
[docs/rules.md](${repoLink('docs/rules.md')}) (generated by \`npm run docs:rules\`).

${renderRulesSummary(repoLink('docs/rules.md'))}`;
}

/** Write docs/rules.md and the rules section of docs/lint.md under `root`. */
export function writeRulesDocs(root: string): void {
  writeFileSync(join(root, 'docs', 'rules.md'), renderRulesReference());
  const pagePath = join(root, RULES_SECTION_PAGE);
  const page = readFileSync(pagePath, 'utf8');
  const start = page.indexOf(RULES_SECTION_START);
  const end = page.indexOf(RULES_SECTION_END);
  if (start < 0 || end < start) throw new Error(`${RULES_SECTION_PAGE} has no ${RULES_SECTION_START} … ${RULES_SECTION_END} markers`);
  writeFileSync(pagePath, `${page.slice(0, start + RULES_SECTION_START.length)}\n${renderRulesSection()}${page.slice(end)}`);
}

if (require.main === module) writeRulesDocs(join(__dirname, '..'));
