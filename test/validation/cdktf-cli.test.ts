import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The real `cdktf synth` CLI, offline, on the fixture app. */
function cdktfSynth(env: Record<string, string>): { status: number | null; output: string; json?: Record<string, unknown> } {
  const outdir = mkdtempSync(join(tmpdir(), 'cdktf-mx-validation-'));
  try {
    const result = spawnSync('npx', ['cdktf', 'synth', '--output', outdir, '--app', 'npx tsx test/validation/fixtures/mail-app.ts'], {
      cwd: join(__dirname, '..', '..'),
      env: { ...process.env, ...env, CHECKPOINT_DISABLE: '1', CI: 'true', FORCE_COLOR: '0' },
      encoding: 'utf8',
      timeout: 120_000,
    });
    let json: Record<string, unknown> | undefined;
    try {
      json = JSON.parse(readFileSync(join(outdir, 'stacks', 'mail', 'cdk.tf.json'), 'utf8'));
    } catch {
      json = undefined;
    }
    return { status: result.status, output: `${result.stdout}\n${result.stderr}`, json };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

describe('cdktf synth (real CLI) validates the zone with the user\'s raw records', () => {
  test('an MX whose exchange is a raw CNAME fails synth with mx-target-cname, both construct paths and the fix', () => {
    const result = cdktfSynth({ CASE: 'cname' });
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('[mx-target-cname] example.com. (mail/self-hosted): MX 10 mail.example.com: the exchange is a CNAME (declared at mail/mail-alias) → host.example.net');
    expect(result.output).toContain('Point the MX at host.example.net, or replace the CNAME with A/AAAA records.');
  });

  test('warnings are printed and do not fail; the suppression is in cdk.tf.json', () => {
    const result = cdktfSynth({ CASE: 'a' });
    expect(result.status).toBe(0);
    expect(result.output).toContain('[mx-single] example.com. (mail/self-hosted): example.com has one MX host (mail.example.com)');
    const metadata = (result.json?.['//'] as { metadata: Record<string, unknown> }).metadata['cdktf-mx'];
    expect(metadata).toEqual({ suppressions: [{ rule: 'dmarc-missing', scope: 'mail', reason: 'DMARC is managed in another stack', matched: [expect.stringContaining('[dmarc-missing] example.com.')] }] });
  });
});
