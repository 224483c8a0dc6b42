import { App, TerraformStack, TerraformVariable } from 'cdktf';
import { CloudflareProvider } from '@cdktf/provider-cloudflare/lib/provider';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../lib/cli/lint';
import { GoogleWorkspaceMx, MxRecords } from '../../lib';

/**
 * `cdktf-mx lint cdktf.out` with several stacks. Two stacks that each declare their own
 * `zone_id` variable (what `cdktf-mx import` generates, and the usual prod/staging split) both
 * synthesize `"zone_id": "${var.zone_id}"`: zones are told apart per stack, never merged by the
 * zone_id text (which gave false `mx-duplicate` and `spf-multiple` errors).
 */
describe('lint of a cdktf.out with several stacks', () => {
  const outdir = mkdtempSync(join(tmpdir(), 'cdktf-mx-stacks-'));
  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  test('two stacks with their own var.zone_id are two zones, not one', async () => {
    const app = new App({ outdir });
    for (const id of ['prod', 'staging']) {
      const stack = new TerraformStack(app, id);
      new CloudflareProvider(stack, 'cloudflare', {});
      const zoneId = new TerraformVariable(stack, 'zone_id', { type: 'string' }).stringValue;
      new GoogleWorkspaceMx(stack, 'mail', { zoneId, domain: 'example.com', companions: { spf: true } });
    }
    app.synth(); // each stack validates cleanly

    let stdout = '';
    let stderr = '';
    const code = await run([outdir, '--format', 'json'], {
      stdout: { write: (t: string) => (stdout += t) },
      stderr: { write: (t: string) => (stderr += t) },
      readFile: (path: string) => readFileSync(path, 'utf8'),
      env: {},
    });
    const rules = stdout.trim() === '' ? [] : (JSON.parse(stdout) as Array<{ rule: string }>).map((f) => f.rule);
    expect({ code, stderr, errors: rules.filter((r) => r === 'mx-duplicate' || r === 'spf-multiple') }).toEqual({ code: 0, stderr: '', errors: [] });
  });
});

/** Issue 19 item 10: the same finding in two stacks is two lines that say which stack. */
describe('lint text output of several stacks names the stack', () => {
  const outdir = mkdtempSync(join(tmpdir(), 'cdktf-mx-stack-names-'));
  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  test('prod and staging with the same single MX: each finding heading says its stack', async () => {
    const app = new App({ outdir });
    for (const id of ['prod', 'staging']) {
      const stack = new TerraformStack(app, id);
      new CloudflareProvider(stack, 'cloudflare', {});
      new MxRecords(stack, 'mail', { zoneId: `${id}-zone`, domain: 'example.com', records: [{ priority: 10, exchange: 'mx.example.net' }] });
    }
    app.synth();
    let stdout = '';
    const code = await run([outdir, '--no-color'], { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: () => true }, readFile: (p: string) => readFileSync(p, 'utf8'), env: {} });
    expect(code).toBe(0);
    const headings = stdout.split('\n').filter((line) => line.startsWith('example.com.'));
    expect(headings).toEqual(['example.com. (stack prod)', 'example.com. (stack staging)']);
  });
});
