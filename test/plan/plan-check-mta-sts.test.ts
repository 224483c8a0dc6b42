// plan-check and MTA-STS: the policy each MtaSts writes into the stack metadata against the plan's MX and _mta-sts changes.
import { App } from 'cdktf';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MtaSts, MxRecords } from '../../lib';
import { run } from '../../lib/cli/plan-check';
import { checkPlan, PlanFinding } from '../../lib/plan/check-plan';
import { readPlanJson } from '../../lib/plan/plan-json';
import { readSynthesizedPolicies } from '../../lib/testing/synthesized';
import { mtaStsPolicyId } from '../../lib/transport/mta-sts-policy';
import { newStack } from '../helpers';
import { CLOUDFLARE, planBetween, StackJson } from './plan-fixture';

const zone = { zoneId: '023e105f4ecef8ad9ca31a8372d0c353', domain: 'example.com' } as const;
const MX1 = { priority: 10, exchange: 'mx1.example.com' };
const MX2 = { priority: 20, exchange: 'mx2.example.net' };

const dir = mkdtempSync(join(tmpdir(), 'cdktf-mx-plan-sts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * A Cloudflare stack with MX and an enforce MtaSts, synthesized by a real App (its cdk.tf.json
 * carries the //.metadata the policies are in); `validate: false` synthesizes as `cdktf synth`
 * with validation skipped does, so a stack the zone rules would stop reaches the plan.
 */
function stack(records: Array<{ priority: number; exchange: string }>, sts: { mx?: string[]; extraMx?: string[] } = {}, validate = true): StackJson {
  const outdir = mkdtempSync(join(dir, 'out-'));
  const app = new App({ outdir, skipValidation: !validate });
  const s = newStack('mail', app);
  new MxRecords(s, 'mail', { ...zone, records });
  new MtaSts(s, 'sts', { ...zone, mode: 'enforce', ...sts });
  app.synth();
  return JSON.parse(readFileSync(join(outdir, 'stacks', 'mail', 'cdk.tf.json'), 'utf8')) as StackJson;
}

/** The stack JSON written as cdk.tf.json in its own directory (as `cdktf synth` writes it). */
function written(json: StackJson): string {
  const stackDir = mkdtempSync(join(dir, 'stack-'));
  writeFileSync(join(stackDir, 'cdk.tf.json'), JSON.stringify(json));
  return join(stackDir, 'cdk.tf.json');
}

/** checkPlan on the plan from `before` to `after`, with the policies read from `after`'s metadata as the CLI reads them. */
function check(before: StackJson, after: StackJson, plannedAfter: StackJson = after): PlanFinding[] {
  const policies = readSynthesizedPolicies(written(after)).map((p) => ({ name: p.name, text: p.text, source: p.path }));
  return checkPlan(readPlanJson(JSON.stringify(planBetween(before, plannedAfter, CLOUDFLARE)), 'fixture'), { mtaStsPolicies: policies, rules: { 'dmarc-missing': 'off', 'mta-sts-without-tls-rpt': 'off' } });
}
const stsFindings = (findings: readonly PlanFinding[]) => findings.filter((f) => f.rule.includes('mta-sts')).map((f) => [f.rule, f.severity, f.name]);

/** The `_mta-sts` TXT resource of a stack: its address and attributes. */
function stsRecord(json: StackJson): Record<string, unknown> {
  const found = Object.values(json.resource?.cloudflare_dns_record ?? {}).find((r) => String(r.content).includes('v=STSv1'));
  if (!found) throw new Error('no _mta-sts record in the fixture');
  return found;
}

describe('plan-mta-sts-uncovered', () => {
  const before = stack([MX1], { mx: ['mx1.example.com'] });

  test('a plan that adds an MX the enforce policy does not list is an error naming the host and the pattern to add', async () => {
    const after = stack([MX1, MX2], { mx: ['mx1.example.com'] }, false);
    const findings = check(before, after);
    expect(stsFindings(findings)).toEqual([['plan-mta-sts-uncovered', 'error', 'example.com.']]);
    const [finding] = findings.filter((f) => f.rule === 'plan-mta-sts-uncovered');
    expect(finding.message).toContain('MX mx2.example.net is matched by no mx pattern of the enforce MTA-STS policy');
    expect(finding.message).toContain('Add "mx: mx2.example.net"');
    expect(finding.address).toMatch(/^cloudflare_dns_record\.mx__example_com__mx2_example_net/);

    // The CLI reads the policy from the cdk.tf.json beside the plan JSON, and exits 1.
    const synth = written(after);
    const planFile = join(synth, '..', 'plan.json');
    writeFileSync(planFile, JSON.stringify(planBetween(before, after, CLOUDFLARE)));
    let stdout = '';
    const code = await run([planFile, '--no-color', '--rule', 'dmarc-missing=off', '--rule', 'mta-sts-without-tls-rpt=off'], { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: () => true }, env: {}, readStdin: () => '' });
    expect(code).toBe(1);
    expect(stdout).toContain('plan-mta-sts-uncovered');
    expect(stdout).not.toContain('mta-sts-mx-uncovered ');
  });

  test('the same MX change with the host added to the policy (extraMx) passes', () => {
    expect(stsFindings(check(before, stack([MX1, MX2], { mx: ['mx1.example.com'], extraMx: ['mx2.example.net'] })))).toEqual([]);
    // Derived patterns (no mx given) cover the MX set by construction.
    expect(stsFindings(check(stack([MX1]), stack([MX1, MX2])))).toEqual([]);
  });

  test('a policy change that drops a host still in the MX set is an error too', () => {
    const was = stack([MX1, MX2], { mx: ['mx1.example.com', 'mx2.example.net'] });
    const findings = check(was, stack([MX1, MX2], { mx: ['mx1.example.com'] }, false));
    expect(stsFindings(findings)).toEqual([['plan-mta-sts-uncovered', 'error', 'example.com.']]);
    expect(findings.find((f) => f.rule === 'plan-mta-sts-uncovered')!.message).toContain('the plan changes the policy (id ');
  });

  test('an uncovered MX the plan does not touch is the end-state zone rule\'s finding, not a transition', () => {
    const uncovered = stack([MX1, MX2], { mx: ['mx1.example.com'] }, false);
    expect(stsFindings(check(uncovered, uncovered))).toEqual([['mta-sts-mx-uncovered', 'error', 'example.com.']]);
  });
});

describe('plan-mta-sts-id-unchanged', () => {
  const before = stack([MX1]);

  test('a new policy text under the old _mta-sts id (record pinned, as ignore_changes plans it) is an error', () => {
    const after = stack([MX1, MX2]);
    // What Terraform plans when the record ignores changes to its content: the old value stays.
    const pinned = JSON.parse(JSON.stringify(after)) as StackJson;
    Object.assign(stsRecord(pinned), { content: stsRecord(before).content });
    const findings = check(before, after, pinned);
    expect(stsFindings(findings)).toEqual([['plan-mta-sts-id-unchanged', 'error', 'example.com.']]);
    const policy = readSynthesizedPolicies(written(after))[0].text;
    expect(findings.find((f) => f.rule === 'plan-mta-sts-id-unchanged')!.message).toContain(`Publish "v=STSv1; id=${mtaStsPolicyId(policy)};"`);
  });

  test('the id MtaSts derives changes with the policy: no finding; an unchanged policy keeps its id: no finding', () => {
    expect(stsFindings(check(before, stack([MX1, MX2])))).toEqual([]);
    expect(stsFindings(check(before, before))).toEqual([]);
  });
});
