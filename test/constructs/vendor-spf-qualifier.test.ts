import { App, TerraformStack } from 'cdktf';
import { CloudflareProvider } from '@cdktf/provider-cloudflare/lib/provider';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../lib/cli/lint';
import { FastmailMx, lintZone, MxMigration, TODAY_CONTEXT } from '../../lib';
import { TODAY } from '../presets/examples';

const zoneId = '0123456789abcdef0123456789abcdef';

/** Warnings synth attached (what `cdktf synth` prints as warnings). */
const warnings = (stack: TerraformStack): string[] =>
  stack.node.findAll().flatMap((c) => c.node.metadata.filter((m) => /warn/.test(m.type)).map((m) => String(m.data)));

/**
 * Fastmail documents `?all` (for domains that also send elsewhere), and its constructs publish
 * it: an app written as the docs show must print no warning about our own default, at synth or
 * in `cdktf-mx lint --strict` of its output. A `?all` no vendor documents is still reported.
 */
describe('a vendor\'s documented SPF qualifier is not our own warning', () => {
  const outdir = mkdtempSync(join(tmpdir(), 'cdktf-mx-spf-qualifier-'));
  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  test('FastmailMx and MxMigration as the docs show them: synth and lint --strict print no warning', async () => {
    const app = new App({ outdir, context: { [TODAY_CONTEXT]: TODAY } });
    const stack = new TerraformStack(app, 'mail');
    new CloudflareProvider(stack, 'cloudflare', {});
    new FastmailMx(stack, 'fm', { zoneId: 'fedcba9876543210fedcba9876543210', domain: 'example.net', companions: { spf: true, dkim: true } });
    new MxMigration(stack, 'migration', { zoneId, domain: 'example.com', step: 'overlap',
      from: { preset: 'google-workspace', companions: { spf: true } },
      to: { preset: 'fastmail', companions: { spf: true, dkim: true } } });
    app.synth();
    expect(warnings(stack)).toEqual([]);
    const spf = readFileSync(join(outdir, 'stacks/mail/cdk.tf.json'), 'utf8');
    expect(spf).toContain('v=spf1 include:spf.messagingengine.com ?all');

    let stdout = '';
    const code = await run([outdir, '--strict'], { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: () => true }, readFile: (p) => readFileSync(p, 'utf8'), env: {} });
    expect({ code, spfTerminator: stdout.includes('spf-terminator') }).toEqual({ code: 0, spfTerminator: false });
  });

  test('?all that no included vendor documents is still a warning', () => {
    const records = [{ name: '@', type: 'MX', priority: 10, value: 'mx.example.net' }, { name: '@', type: 'TXT', value: 'v=spf1 include:_spf.google.com ?all' }];
    expect(lintZone({ zone: 'example.com', records }).filter((f) => f.rule === 'spf-terminator').map((f) => f.severity)).toEqual(['warning']);
    const fastmail = [{ name: '@', type: 'MX', priority: 10, value: 'mx.example.net' }, { name: '@', type: 'TXT', value: 'v=spf1 include:spf.messagingengine.com ?all' }];
    expect(lintZone({ zone: 'example.com', records: fastmail }).filter((f) => f.rule === 'spf-terminator')).toEqual([]);
  });
});
