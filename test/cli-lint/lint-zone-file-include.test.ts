import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBin } from '../cli/bin';

/**
 * `$INCLUDE` in `cdktf-mx lint`: a zone file may name any file (a `.env` beside the repo's zones).
 * Problems in an included file say the line and what is wrong, never its text (a secret would reach
 * the CI log), and paths out of the zone file's directory are refused unless --allow-include-outside.
 */
describe('cdktf-mx lint and $INCLUDE', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cdktf-mx-include-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const secret = 'cf-secret-value-8d1f0a';
  const zoneText = (include: string) => ['$ORIGIN example.com.', '$TTL 300', '@ SOA ns h 1 2 3 4 5', '@ NS ns', 'ns A 192.0.2.1', `$INCLUDE ${include}`, ''].join('\n');

  test('the text of an $INCLUDEd non-zone file is not printed, its line and problem are', async () => {
    writeFileSync(join(dir, '.env'), `CLOUDFLARE_API_TOKEN=${secret}\nwww IN A ${secret}\n`);
    const zone = join(dir, 'example.com.zone');
    writeFileSync(zone, zoneText('.env'));
    const { code, stdout, stderr } = await runBin(['lint', zone]);
    expect(stdout + stderr).toContain('.env:1: no record type after');
    expect(stdout + stderr).toContain('.env:2:');
    expect(stdout + stderr).toContain('is not an IPv4 address');
    expect(stdout + stderr).not.toContain(secret);
    expect(stdout + stderr).not.toContain('CLOUDFLARE_API_TOKEN');
    expect(code).toBe(1);
  });

  test('an $INCLUDE path out of the zone file\'s directory is refused, unless --allow-include-outside', async () => {
    const zones = join(dir, 'zones');
    mkdirSync(zones, { recursive: true });
    writeFileSync(join(dir, 'mail.inc'), 'mail A 192.0.2.25\n@ MX 10 mail\n');
    const zone = join(zones, 'example.com.zone');
    writeFileSync(zone, zoneText('../mail.inc'));
    const refused = await runBin(['lint', zone, '--format', 'json']);
    const findings = JSON.parse(refused.stdout) as Array<{ rule: string; message: string }>;
    expect(findings).toEqual(expect.arrayContaining([expect.objectContaining({ rule: 'zone-file-unreadable', message: expect.stringMatching(/\$INCLUDE \.\.\/mail\.inc cannot be read: .*is outside .*--allow-include-outside/) })]));
    expect(findings.map((f) => f.rule)).not.toContain('mx-single'); // the MX in mail.inc was not read
    expect(refused.code).toBe(1);

    const allowed = await runBin(['lint', zone, '--format', 'json', '--allow-include-outside']);
    const rules = (JSON.parse(allowed.stdout) as Array<{ rule: string }>).map((f) => f.rule);
    expect(rules).not.toContain('zone-file-unreadable');
    expect(rules).toContain('mx-single'); // the included MX was read
  });
});
