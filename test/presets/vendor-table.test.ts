import { readFileSync } from 'node:fs';
import { MailPreset, presets } from '../../lib';
import { PRESETS_PAGE, renderVendorTable, TABLE_END, TABLE_START, withVendorTable } from '../../scripts/vendor-table';

describe('vendor table in docs/presets.md', () => {
  const readme = readFileSync(PRESETS_PAGE, 'utf8');

  test('is what npm run docs:vendors generates from presets/ (run it after changing a preset)', () => {
    expect(withVendorTable(readme)).toBe(readme);
  });

  test('sits inside the vendors section', () => {
    const section = readme.slice(readme.indexOf('<!-- vendors:start -->'), readme.indexOf('<!-- vendors:end -->'));
    expect(section).toContain(TABLE_START);
    expect(section).toContain(TABLE_END);
  });

  test('has a row per preset with its records, inputs, sources and checked date', () => {
    const table = renderVendorTable();
    const rows = table.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| Vendor') );
    expect(rows).toHaveLength(presets.length);
    presets.forEach((preset, index) => {
      expect(rows[index]).toContain(`\`${preset.id}\``);
      expect(rows[index]).toContain(`| ${preset.checked} |`);
      for (const source of preset.sources) expect(rows[index]).toContain(`(${source.url} `);
      for (const mx of preset.variants[preset.defaultVariant].mx) expect(rows[index]).toContain(mx.exchange);
      for (const name of Object.keys(preset.parameters ?? {})) expect(rows[index]).toContain(`\`${name}\``);
    });
    expect(rows.find((row) => row.includes('`amazon-workmail`'))).toContain('**deprecated**: end of support 2027-03-31');
  });

  test('a change in the data shows up in the table', () => {
    const changed: MailPreset[] = presets.map((p) => (p.id === 'fastmail' ? { ...p, checked: '2027-01-02' } : p));
    expect(renderVendorTable(changed)).not.toBe(renderVendorTable());
    expect(withVendorTable(readme, renderVendorTable(changed))).not.toBe(readme);
  });

  test('the table never breaks its Markdown row with a pipe', () => {
    const custom: MailPreset = { ...presets[0], name: 'A | B' };
    expect(renderVendorTable([custom])).toContain('A \\| B');
  });
});
