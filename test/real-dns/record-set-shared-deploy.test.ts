import { MxRecordSet } from '@cdktf/provider-dns/lib/mx-record-set';
import { TerraformStack } from 'cdktf';
import { execFileSync } from 'node:child_process';
import { MxRecords, Rfc2136Zone } from '../../lib';
import { run as planCheckRun } from '../../lib/cli/plan-check';
import { DeployRun, servedRecords, startDeploy, stopDeploy, synthDnsStack } from './deploy-fixtures';
import { providerPin } from './providers';
import { describeWithTools } from './tools';

/*
 * P1 of issue 19, deployed: cdktf-mx's MX set (MxRecords on Rfc2136Zone) and the user's own raw
 * `dns_mx_record_set` at the same name are two resources holding one RRset. terraform + hashicorp/dns
 * 3.6.1 (filesystem mirror) → BIND: the first apply serves all 3 MX and fails, every later apply
 * replaces a tainted set (the RRset deleted first) and fails again. Synth now refuses the stack
 * (record-set-shared), plan-check flags its plans, and the fix (the raw resource out of the state,
 * its value declared through the construct) applies clean and converges.
 */

const ZONE = 'shared.test';
const STACK = 'shared';
const OURS = [{ priority: 10, exchange: 'mx1.mail.example.net' }, { priority: 20, exchange: 'mx2.mail.example.net' }];
const RAW = { preference: 30, exchange: 'mx3.other.example.' };
const ALL = [`${ZONE}. 300 MX 10 mx1.mail.example.net.`, `${ZONE}. 300 MX 20 mx2.mail.example.net.`, `${ZONE}. 300 MX 30 mx3.other.example.`];

/** The stack as the user wrote it: our set plus the raw one (`shared`), or the raw value declared through the construct (`fixed`). */
function build(stack: TerraformStack, shape: 'shared' | 'fixed'): void {
  const zone = Rfc2136Zone.of(ZONE);
  if (shape === 'shared') {
    new MxRecords(stack, 'mail', { zone, ttl: 300, records: OURS });
    new MxRecordSet(stack, 'raw', { zone: `${ZONE}.`, ttl: 300, mx: [RAW] });
  } else {
    new MxRecords(stack, 'mail', { zone, ttl: 300, records: [...OURS, { priority: RAW.preference, exchange: RAW.exchange }] });
  }
}

describeWithTools(['named', 'tsig-keygen', 'dig', 'terraform'], `real deploy: a construct's MX set and a raw dns_mx_record_set at one name (hashicorp/dns ${providerPin('dns').version} → BIND)`, (tools) => {
  let run: DeployRun | undefined;
  const served = () => servedRecords(tools.dig, run!.bind, ZONE);
  const synth = (shape: 'shared' | 'fixed', skipValidation = false) => synthDnsStack(run!.outdir, run!.statePath, STACK, (stack) => build(stack, shape), { skipValidation });

  /** `cdktf-mx plan-check` of the stack directory in terraform's environment: exit code and JSON findings. */
  const planCheck = async () => {
    let stdout = '';
    let stderr = '';
    const code = await planCheckRun([run!.tf.dir, '--format', 'json', '--no-color'], {
      stdout: { write: (t: string) => (stdout += t) },
      stderr: { write: (t: string) => (stderr += t) },
      env: run!.tf.env,
      readStdin: () => '',
    });
    expect(stderr).toBe('');
    return { code, findings: JSON.parse(stdout) as Array<{ rule: string; severity: string; name: string; message: string }> };
  };

  beforeAll(async () => {
    run = await startDeploy(tools, [ZONE], (outdir, statePath) => synthDnsStack(outdir, statePath, STACK, (stack) => build(stack, 'shared'), { skipValidation: true }));
  });
  afterAll(() => stopDeploy(run));

  test('synth with validation refuses the stack, naming both resources and the fix', () => {
    expect(() => synth('shared')).toThrow(/\[record-set-shared\] shared\.test\. \(shared\/raw\): MX at shared\.test is one record set, held by 2 resources: dns_mx_record_set\.mx__shared_test \(shared\/mail: MX 10 mx1\.mail\.example\.net, MX 20 mx2\.mail\.example\.net\) and dns_mx_record_set\.raw \(shared\/raw: MX 30 mx3\.other\.example\)[\s\S]*drop the raw resource/);
    synth('shared', true); // what was deployed: written with validation skipped
  });

  test('plan-check flags the first plan (both sets created): record-set-shared, exit 1', async () => {
    const { code, findings } = await planCheck();
    expect(findings.filter((f) => f.rule === 'record-set-shared').map((f) => [f.severity, f.name])).toEqual([['error', `${ZONE}.`]]);
    expect(findings.find((f) => f.rule === 'record-set-shared')!.message).toContain('dns_mx_record_set.mx__shared_test (MX 10 mx1.mail.example.net, MX 20 mx2.mail.example.net) and dns_mx_record_set.raw (MX 30 mx3.other.example)');
    expect(code).toBe(1);
  });

  test('the hazard, applied: the first apply serves 3 MX and fails (the second set reads back all 3), and no later apply converges', async () => {
    // 3.6.1 reads the RRset back after writing it: whichever set is written second finds 3 MX where it
    // planned its own and fails the apply, tainted (3.2.4, per issue 19: first apply 3 MX, second NO MX).
    await expect(run!.tf.apply()).rejects.toThrow(/Provider produced inconsistent result after apply[\s\S]*dns_mx_record_set\.(mx__shared_test|raw)/);
    expect(served()).toEqual(ALL);
    for (let round = 0; round < 2; round++) {
      // Each set reads all 3 MX as its own and plans to cut them back to its values: a replace of the
      // tainted one (delete-first: the RRset is gone until the create) and an update of the other.
      const changes = await run!.tf.planChanges();
      expect(changes.map((c) => c.address).sort()).toEqual(['dns_mx_record_set.mx__shared_test', 'dns_mx_record_set.raw']);
      expect(changes.some((c) => c.actions.join() === 'delete,create')).toBe(true);
      await expect(run!.tf.apply()).rejects.toThrow(/Provider produced inconsistent result after apply/);
    }
  });

  test('plan-check flags the drifting plan too', async () => {
    const { code, findings } = await planCheck();
    expect(findings.map((f) => f.rule)).toContain('record-set-shared');
    expect(code).toBe(1);
  });

  test('dropping the raw resource from the code alone is flagged: its delete would remove the whole RRset, the construct\'s records too', async () => {
    synth('fixed');
    const { code, findings } = await planCheck();
    expect(findings.filter((f) => f.rule === 'plan-record-set-delete-shared').map((f) => [f.severity, f.name])).toEqual([['error', `${ZONE}.`]]);
    expect(findings.find((f) => f.rule === 'plan-record-set-delete-shared')!.message).toContain('terraform state rm dns_mx_record_set.raw');
    expect(code).toBe(1);
  });

  test('the fix: the raw resource leaves the state (not deleted: its delete would remove the whole RRset), its value is declared through the construct; synth and plan-check are clean, apply serves the same 3 MX and converges', async () => {
    execFileSync(tools.terraform, ['state', 'rm', '-no-color', 'dns_mx_record_set.raw'], { cwd: run!.tf.dir, env: run!.tf.env, encoding: 'utf8' });
    synth('fixed');
    // Which set the failed applies left tainted varies from run to run; a tainted construct set is
    // replaced delete-first, which plan-check reports as the gap it is (plan-mx-gap).
    const replaced = (await run!.tf.planChanges()).some((c) => c.address === 'dns_mx_record_set.mx__shared_test' && c.actions.join() === 'delete,create');
    const { code, findings } = await planCheck();
    expect(findings.filter((f) => f.severity === 'error').map((f) => f.rule)).toEqual(replaced ? ['plan-mx-gap'] : []);
    expect(code).toBe(replaced ? 1 : 0);
    await run!.tf.apply();
    expect(served()).toEqual(ALL);
    expect(await run!.tf.plan()).toBe(0);
    await run!.tf.apply();
    expect(served()).toEqual(ALL);
  });
}, ['dns']);
