// Generates the vendor table in docs/presets.md from presets/ (npm run docs:vendors).
// test/presets/vendor-table.test.ts fails when docs/presets.md and the data disagree.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MailPreset, presets } from '../lib/presets';

export const TABLE_START = '<!-- vendor-table:start -->';
export const TABLE_END = '<!-- vendor-table:end -->';
/** The page holding the vendor table. */
export const PRESETS_PAGE = join(__dirname, '..', 'docs', 'presets.md');

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const code = (text: string) => `\`${text}\``;

function records(preset: MailPreset): string {
  return Object.entries(preset.variants)
    .map(([name, variant]) => {
      const mx = variant.mx.map((m) => `${m.priorityParameter ? `{${m.priorityParameter}}` : m.priority} ${m.exchange}`).join(', ');
      const label = Object.keys(preset.variants).length > 1 || variant.legacy ? `${name}${variant.legacy && name !== 'legacy' ? ' (legacy)' : ''}: ` : '';
      return `${label}${code(mx)}`;
    })
    .join('<br>');
}

function inputs(preset: MailPreset): string {
  const parts: string[] = [];
  if (preset.regions) {
    const regions = Object.entries(preset.regions).map(([id, region]) => (region.unverified ? `${id}*` : id));
    parts.push(`region${preset.defaultRegion ? ` (default ${preset.defaultRegion})` : ''}: ${regions.join(', ')}${preset.openRegions ? ', newer regions with a warning' : ''}`);
  }
  for (const name of Object.keys(preset.parameters ?? {})) parts.push(code(name));
  return parts.join('<br>') || '–';
}

function companions(preset: MailPreset): string {
  const c = preset.companions ?? {};
  const parts: string[] = [];
  if (c.spf) parts.push(`spf ${c.spf.include ? code(`include:${c.spf.include}`) : ''} ${code(c.spf.all)}`.replace(/\s+/g, ' '));
  for (const group of ['dkim', 'verification', 'autodiscover', 'dmarc'] as const) {
    const data = c[group];
    if (!data) continue;
    const names = [...new Set(data.records.map((r) => `${r.type} ${r.name}`))].join(', ');
    const needs = Object.keys(data.parameters ?? {});
    parts.push(`${group}: ${code(names)}${needs.length ? ` (${needs.join(', ')})` : ''}`);
  }
  return parts.join('<br>') || '–';
}

function notes(preset: MailPreset): string {
  const parts = [`${preset.confidence} confidence`];
  if (preset.singleMxRedundant) parts.push('single MX documented');
  if (preset.deprecated) parts.push(`**deprecated**: end of support ${preset.deprecated.endOfSupport}`);
  return parts.join('; ');
}

/** The vendor table as Markdown, one row per preset, in catalogue order. */
export function renderVendorTable(list: readonly MailPreset[] = presets): string {
  const rows = list.map((preset) =>
    [
      `${preset.name}<br>${code(preset.id)}`,
      records(preset),
      inputs(preset),
      companions(preset),
      preset.sources.map((source, index) => `[${index + 1}](${source.url} "${source.title.replace(/"/g, "'")}")`).join(' '),
      preset.checked,
      notes(preset),
    ]
      .map(cell)
      .join(' | '),
  );
  return [
    '| Vendor | MX records | Region / parameters | Companions (opt-in) | Sources | Checked | Notes |',
    '|---|---|---|---|---|---|---|',
    ...rows.map((row) => `| ${row} |`),
    '',
    '`*` region whose hosts follow the vendor\'s pattern but were not confirmed; using it warns at synth. `{name}` is a parameter or region value.',
  ].join('\n');
}

/** Page text with the table between its markers replaced by `table`. */
export function withVendorTable(page: string, table: string = renderVendorTable()): string {
  const start = page.indexOf(TABLE_START);
  const end = page.indexOf(TABLE_END);
  if (start < 0 || end < start) throw new Error(`docs/presets.md needs ${TABLE_START} … ${TABLE_END} inside the vendors section`);
  return `${page.slice(0, start + TABLE_START.length)}\n${table}\n${page.slice(end)}`;
}

if (require.main === module) {
  const before = readFileSync(PRESETS_PAGE, 'utf8');
  const after = withVendorTable(before);
  if (after !== before) writeFileSync(PRESETS_PAGE, after);
  console.log(after === before ? 'docs/presets.md vendor table is up to date' : 'docs/presets.md vendor table updated');
}
