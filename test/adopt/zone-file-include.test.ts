import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runImport } from '../../lib/cli/import';

/**
 * `cdktf-mx import --from <zone file>` follows `$INCLUDE` relative to the zone file (as lint and
 * named-checkzone do), so the mail records of an included file are adopted, not silently missing;
 * a path out of the file's directory is refused and said, unless --allow-include-outside.
 */
describe('import --from <zone file> with $INCLUDE', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cdktf-mx-import-include-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const zones = join(dir, 'zones');
  mkdirSync(zones);
  writeFileSync(join(zones, 'mail.inc'), '@ MX 10 in1-smtp.messagingengine.com.\n@ MX 20 in2-smtp.messagingengine.com.\n');
  writeFileSync(join(dir, 'outside.inc'), '_dmarc TXT "v=DMARC1; p=none; ruf=mailto:marker-outside@inc.example"\n');
  const zone = join(zones, 'inc.example.zone');
  writeFileSync(zone, ['$ORIGIN inc.example.', '$TTL 300', '@ SOA ns h 1 2 3 4 5', '@ NS ns', 'ns A 192.0.2.1', '$INCLUDE mail.inc', '$INCLUDE ../outside.inc', ''].join('\n'));

  async function importFile(extra: string[]): Promise<{ code: number; stderr: string; text: string }> {
    const out = join(dir, `mail-${extra.length}.ts`);
    let stderr = '';
    const code = await runImport(['inc.example', '--from', zone, '--out', out, ...extra], { stdout: { write: () => undefined }, stderr: { write: (t: string) => (stderr += t) }, env: {} });
    return { code, stderr, text: readFileSync(out, 'utf8') };
  }

  test('the included MX set is adopted; the include out of the directory is refused and reported', async () => {
    const { code, stderr, text } = await importFile([]);
    expect(code).toBe(0);
    expect(text).toContain('new FastmailMx(');
    expect(stderr).toMatch(/not read: .*\$INCLUDE \.\.\/outside\.inc cannot be read: .*outside/);
    expect(text).not.toContain('marker-outside');
  });

  test('--allow-include-outside follows it', async () => {
    const { code, text } = await importFile(['--allow-include-outside']);
    expect(code).toBe(0);
    expect(text).toContain('marker-outside');
  });
});
