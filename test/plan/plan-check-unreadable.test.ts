// P8 (issue 19): what plan-check cannot read is reported, never passed silently; what it can
// read it does not overstate. A create-first replace whose new content is known only after apply
// was an MX removal (error); a deleted provider 4.x `cloudflare_record` or `azurerm_dns_mx_record`
// MX, a delete without `before` and actions ["delete","forget"] passed with exit 0 and no output.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../lib/cli/plan-check';
import { checkPlan, PlanFinding } from '../../lib/plan/check-plan';
import { readPlanJson } from '../../lib/plan/plan-json';

const ZONE_ID = '023e105f4ecef8ad9ca31a8372d0c353';

function plan(...changes: Array<{ address: string; type: string; actions: string[]; before: object | null; after: object | null; after_unknown?: object }>): object {
  return {
    format_version: '1.2',
    planned_values: { root_module: {} },
    resource_changes: changes.map(({ address, type, actions, before, after, after_unknown }) => ({ address, mode: 'managed', type, name: address.split('.').at(-1), change: { actions, before, after, after_unknown: after_unknown ?? {} } })),
  };
}
const brief = (findings: readonly PlanFinding[]) => findings.map((f) => [f.rule, f.severity, f.address]);
const check = (p: object) => checkPlan(readPlanJson(JSON.stringify(p), 'fixture'), { endState: false });

/** The CLI on `p`: exit code and text output. */
async function cli(p: object, ...argv: string[]): Promise<{ code: number; stdout: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'cdktf-mx-plan-unreadable-'));
  try {
    writeFileSync(join(dir, 'plan.json'), JSON.stringify(p));
    let stdout = '';
    const code = await run([join(dir, 'plan.json'), '--no-color', '--rule', 'dmarc-missing=off', ...argv], { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: () => true }, env: {}, readStdin: () => '' });
    return { code, stdout };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const MX = { zone_id: ZONE_ID, name: 'example.com', type: 'MX', content: 'mx.example.net', priority: 10, ttl: 3600 };

describe('plan-check: unreadable changes are reported, not passed or overstated', () => {
  test('a create-first replace whose new content is known only after apply: a plan-unreadable warning, not an MX removal (exit 0; --strict 1)', async () => {
    const p = plan({ address: 'cloudflare_dns_record.mx', type: 'cloudflare_dns_record', actions: ['create', 'delete'], before: MX, after: { zone_id: ZONE_ID, name: 'example.com', type: 'MX', priority: 10, ttl: 3600 }, after_unknown: { content: true, id: true } });
    const findings = check(p);
    expect(brief(findings)).toEqual([['plan-unreadable', 'warning', 'cloudflare_dns_record.mx']]);
    expect(findings[0].message).toContain('values known only after apply');
    expect((await cli(p)).code).toBe(0);
    expect((await cli(p, '--strict')).code).toBe(1);
  });

  test('a deleted provider 4.x cloudflare_record MX (value, or content with data as a list) is read: plan-mx-removed, exit 1', async () => {
    const v4 = { zone_id: ZONE_ID, name: 'example.com', type: 'MX', value: 'mx.example.net', priority: 10, ttl: 3600, proxied: false, hostname: 'example.com', data: [] };
    const p = plan({ address: 'cloudflare_record.mx', type: 'cloudflare_record', actions: ['delete'], before: v4, after: null });
    expect(brief(check(p))).toEqual([['plan-mx-removed', 'error', 'cloudflare_record.mx']]);
    const result = await cli(p);
    expect(result.stdout).toContain('example.com. (Cloudflare 023e105f4ecef8ad9ca31a8372d0c353) loses every MX: cloudflare_record.mx is deleted (MX 10 mx.example.net)');
    expect(result.code).toBe(1);
    const v4Content = { zone_id: ZONE_ID, name: 'example.com', type: 'MX', content: 'mx.example.net', priority: 10, ttl: 3600 };
    expect(brief(check(plan({ address: 'cloudflare_record.mx', type: 'cloudflare_record', actions: ['delete'], before: v4Content, after: null })))).toEqual([['plan-mx-removed', 'error', 'cloudflare_record.mx']]);
  });

  test('a deleted azurerm_dns_mx_record (a host plan-check does not read): plan-unreadable naming the type; a no-op of it says nothing', async () => {
    const azure = { name: '@', zone_name: 'example.com', resource_group_name: 'rg', ttl: 3600, record: [{ preference: 10, exchange: 'mx.example.net' }] };
    const p = plan({ address: 'azurerm_dns_mx_record.mx', type: 'azurerm_dns_mx_record', actions: ['delete'], before: azure, after: null });
    const findings = check(p);
    expect(brief(findings)).toEqual([['plan-unreadable', 'warning', 'azurerm_dns_mx_record.mx']]);
    expect(findings[0].message).toContain('azurerm_dns_mx_record is not a DNS resource type plan-check reads');
    const result = await cli(p);
    expect(result.stdout).toContain('plan-unreadable');
    expect(check(plan({ address: 'azurerm_dns_mx_record.mx', type: 'azurerm_dns_mx_record', actions: ['no-op'], before: azure, after: azure }))).toEqual([]);
    // Not DNS at all: nothing to say.
    expect(check(plan({ address: 'aws_s3_bucket.b', type: 'aws_s3_bucket', actions: ['delete'], before: { bucket: 'b' }, after: null }))).toEqual([]);
  });

  test('a delete without `before`: plan-unreadable (what it deletes is not in the plan)', () => {
    const findings = check(plan({ address: 'cloudflare_dns_record.mx', type: 'cloudflare_dns_record', actions: ['delete'], before: null, after: null }));
    expect(brief(findings)).toEqual([['plan-unreadable', 'warning', 'cloudflare_dns_record.mx']]);
    expect(findings[0].message).toContain('what it deletes');
  });

  test('actions ["delete","forget"] are read as the delete they say: plan-mx-removed and plan-unreadable, exit 1', async () => {
    const p = plan({ address: 'cloudflare_dns_record.mx', type: 'cloudflare_dns_record', actions: ['delete', 'forget'], before: MX, after: null });
    const findings = check(p);
    expect(brief(findings)).toEqual([['plan-mx-removed', 'error', 'cloudflare_dns_record.mx'], ['plan-unreadable', 'warning', 'cloudflare_dns_record.mx']]);
    expect(findings[1].message).toContain('its actions [delete, forget] (not a combination Terraform documents; read as a delete)');
    expect((await cli(p)).code).toBe(1);
    // A plain `forget` (a `removed` block) leaves the records: clean.
    expect(check(plan({ address: 'cloudflare_dns_record.mx', type: 'cloudflare_dns_record', actions: ['forget'], before: MX, after: null }))).toEqual([]);
  });
});
