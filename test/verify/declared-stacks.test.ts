import { App, TerraformStack, TerraformVariable } from 'cdktf';
import { CloudflareProvider } from '@cdktf/provider-cloudflare/lib/provider';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FastmailMx, GoogleWorkspaceMx } from '../../lib';
import { readDeclaredMail } from '../../lib/verify/declared';

/**
 * `cdktf-mx verify cdktf.out` with several stacks that each take their zone id from their own
 * `var.zone_id` (prod/staging): the stacks are read apart, never merged by the zone_id text into
 * one MX set holding both stacks' records (which verify would report as drift).
 */
describe('verify reads the stacks of a cdktf.out apart', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  function synth(vendors: Record<string, 'google' | 'fastmail'>): string {
    const outdir = mkdtempSync(join(tmpdir(), 'cdktf-mx-verify-stacks-'));
    dirs.push(outdir);
    const app = new App({ outdir });
    for (const [id, vendor] of Object.entries(vendors)) {
      const stack = new TerraformStack(app, id);
      new CloudflareProvider(stack, 'cloudflare', {});
      const zoneId = new TerraformVariable(stack, 'zone_id', { type: 'string' }).stringValue;
      if (vendor === 'google') new GoogleWorkspaceMx(stack, 'mail', { zoneId, domain: 'example.com' });
      else new FastmailMx(stack, 'mail', { zoneId, domain: 'example.com' });
    }
    app.synth();
    return outdir;
  }

  test('one domain with the same MX set in two stacks is one declaration, each MX once', () => {
    expect(readDeclaredMail(synth({ prod: 'google', staging: 'google' }))).toEqual([{ domain: 'example.com', mx: [{ priority: 1, exchange: 'smtp.google.com.' }] }]);
  });

  test('one domain with different MX sets in two stacks is two declarations, never their union', () => {
    const declared = readDeclaredMail(synth({ prod: 'google', staging: 'fastmail' }));
    expect(declared.map((d) => d.mx.map((m) => m.exchange))).toEqual([['smtp.google.com.'], ['in1-smtp.messagingengine.com.', 'in2-smtp.messagingengine.com.']]);
  });
});
