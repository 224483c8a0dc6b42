import { CnameRecord } from '@cdktf/provider-dns/lib/cname-record';
import { MxRecordSet } from '@cdktf/provider-dns/lib/mx-record-set';
import { TxtRecordSet } from '@cdktf/provider-dns/lib/txt-record-set';
import { TerraformStack } from 'cdktf';
import { promises as dns } from 'node:dns';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runVerify } from '../../lib/cli/verify';
import { BindServer } from './bind';
import { DeployRun, DKIM_KEY, filesBelow, servedRecords, startDeploy, stopDeploy, synthDnsStack, txtRdata } from './deploy-fixtures';
import { TerraformWorkspace } from './terraform';
import { providerPin } from './providers';
import { describeWithTools } from './tools';

/*
 * A real deploy: cdktf synth → terraform init (hashicorp/dns 3.6.1 from the filesystem
 * mirror) → apply to BIND over TSIG-signed RFC 2136 updates → read back with dig, Node's
 * resolver and `cdktf-mx verify --server` → re-plan → change → destroy. The steps build on
 * each other and run in order. Raw prebuilt @cdktf/provider-dns resources, to pin down the
 * provider's behaviour (docs/hosts.md); rfc2136-zone-deploy.test.ts deploys cdktf-mx's own Rfc2136Zone sets.
 */

const ZONE = 'deploy.test';
const STACK = 'rfc2136';

const DKIM = `v=DKIM1; k=rsa; p=${DKIM_KEY}`;
const SPF = 'v=spf1 include:_spf.mail.example.net -all';
const DMARC = 'v=DMARC1; p=reject; rua=mailto:dmarc@deploy.test';
const QUOTED = 'say "hi" now';
/** A TXT value with a backslash, which the provider's zone-file line parser reads as an escape. */
const BACKSLASH = 'back\\slash';

/** A TXT value in zone-file escaping (`\"`, `\\`): the form hashicorp/dns writes and reads back unchanged. */
function escapeTxt(value: string): string {
  return value.replace(/["\\]/g, (c) => `\\${c}`);
}

/** What varies between the deploys of this test. */
interface Variant {
  /** Preference of the vendor set's second exchange. */
  readonly backup: number;
  /** TTL of the MX set at `plain` (no lifecycle settings). */
  readonly plainTtl: number;
  /** TTL of the MX set at `cbd` (create_before_destroy). */
  readonly cbdTtl: number;
  /**
   * How the TXT set at `quoted` (values with `"` and `\\`) is declared: not, as is, or zone-file
   * escaped; `escaped` also declares the escaped values at a fresh name, `escaped`.
   */
  readonly quoted: false | 'raw' | 'escaped';
}

const FIRST: Variant = { backup: 20, plainTtl: 300, cbdTtl: 300, quoted: false };

/** Synthesize the stack with `App.synth` into `outdir`; returns the stack directory. */
function synth(outdir: string, statePath: string, v: Variant): string {
  return synthDnsStack(outdir, statePath, STACK, (stack) => build(stack, v));
}

/** The stack's raw record sets for `v`. */
function build(stack: TerraformStack, v: Variant): void {
  const zone = `${ZONE}.`;
  const exchange1 = 'mx1.mail.example.net.';
  new MxRecordSet(stack, 'vendor', { zone, ttl: 300, mx: [{ preference: 10, exchange: exchange1 }, { preference: v.backup, exchange: 'mx2.mail.example.net.' }] });
  new MxRecordSet(stack, 'null-mx', { zone, name: 'noreply', ttl: 300, mx: [{ preference: 0, exchange: '.' }] });
  new MxRecordSet(stack, 'plain', { zone, name: 'plain', ttl: v.plainTtl, mx: [{ preference: 10, exchange: exchange1 }] });
  new MxRecordSet(stack, 'cbd', { zone, name: 'cbd', ttl: v.cbdTtl, mx: [{ preference: 10, exchange: exchange1 }], lifecycle: { createBeforeDestroy: true } });
  new TxtRecordSet(stack, 'spf', { zone, ttl: 300, txt: [SPF] });
  new TxtRecordSet(stack, 'dkim', { zone, name: 'sel1._domainkey', ttl: 300, txt: [DKIM] });
  new TxtRecordSet(stack, 'dmarc', { zone, name: '_dmarc', ttl: 300, txt: [DMARC] });
  new CnameRecord(stack, 'webmail', { zone, name: 'webmail', ttl: 300, cname: 'ghs.example.net.' });
  if (v.quoted) {
    const txt = v.quoted === 'raw' ? [QUOTED, BACKSLASH] : [QUOTED, BACKSLASH].map(escapeTxt);
    new TxtRecordSet(stack, 'quoted', { zone, name: 'quoted', ttl: 300, txt });
  }
  // The escaped values once more at a name the raw ones never touched.
  if (v.quoted === 'escaped') new TxtRecordSet(stack, 'escaped', { zone, name: 'escaped', ttl: 300, txt: [QUOTED, BACKSLASH].map(escapeTxt) });
}

/** The records this test's stack puts in the zone for `v` (quoted TXT aside): `name ttl TYPE rdata`. */
function declaredRecords(v: Variant): string[] {
  return [
    `${ZONE}. 300 MX 10 mx1.mail.example.net.`,
    `${ZONE}. 300 MX ${v.backup} mx2.mail.example.net.`,
    `${ZONE}. 300 TXT ${txtRdata(SPF)}`,
    `noreply.${ZONE}. 300 MX 0 .`,
    `plain.${ZONE}. ${v.plainTtl} MX 10 mx1.mail.example.net.`,
    `cbd.${ZONE}. ${v.cbdTtl} MX 10 mx1.mail.example.net.`,
    `sel1._domainkey.${ZONE}. 300 TXT ${txtRdata(DKIM)}`,
    `_dmarc.${ZONE}. 300 TXT ${txtRdata(DMARC)}`,
    `webmail.${ZONE}. 300 CNAME ghs.example.net.`,
  ].sort();
}

describeWithTools(['named', 'tsig-keygen', 'dig', 'terraform'], `real deploy: terraform + hashicorp/dns ${providerPin('dns').version} → BIND over TSIG-signed RFC 2136`, (tools) => {
  let run: DeployRun | undefined;
  let bind: BindServer;
  let tf: TerraformWorkspace;
  let outdir: string;
  let statePath: string;
  let resolver: dns.Resolver;

  const deploy = (v: Variant): string => synth(outdir, statePath, v);

  const served = (): string[] => servedRecords(tools.dig, bind, ZONE);

  beforeAll(async () => {
    run = await startDeploy(tools, [ZONE], (dir, state) => synth(dir, state, FIRST));
    ({ bind, tf, outdir, statePath, resolver } = run);
  });

  afterAll(() => stopDeploy(run));

  test('synth: provider pinned to the installed version, no update block, and the TSIG secret nowhere in cdktf.out', () => {
    const json = JSON.parse(readFileSync(join(tf.dir, 'cdk.tf.json'), 'utf8')) as {
      terraform: { required_providers: Record<string, { source: string; version: string }> };
      provider: Record<string, unknown[]>;
    };
    // The prebuilt binding names the source `dns`, which terraform reads as registry.terraform.io/hashicorp/dns.
    expect(json.terraform.required_providers.dns).toEqual({ source: 'dns', version: providerPin('dns').version });
    expect(json.provider.dns).toEqual([{}]);
    const files = filesBelow(outdir);
    expect(files).toContain(join(tf.dir, 'cdk.tf.json'));
    expect(files).toContain(join(tf.dir, '.terraform.lock.hcl')); // init wrote the lock file beside the stack
    for (const file of files) expect(readFileSync(file, 'latin1')).not.toContain(bind.key.secret);
  });

  test('apply: BIND serves exactly the declared records (AXFR)', async () => {
    await tf.apply();
    expect(served()).toEqual(declaredRecords(FIRST));
    expect(readFileSync(statePath, 'utf8')).not.toContain(bind.key.secret);
  });

  test("Node's resolver reads the MX sets, the null MX, SPF, the split DKIM key, DMARC and the CNAME", async () => {
    expect((await resolver.resolveMx(`${ZONE}.`)).sort((a, b) => a.priority - b.priority)).toEqual([{ priority: 10, exchange: 'mx1.mail.example.net' }, { priority: 20, exchange: 'mx2.mail.example.net' }]);
    expect(await resolver.resolveMx(`noreply.${ZONE}.`)).toEqual([{ priority: 0, exchange: '' }]);
    expect(await resolver.resolveTxt(`${ZONE}.`)).toEqual([[SPF]]);
    // The provider splits the 410-octet value itself: 255 + 155 octets, joined back whole.
    const dkim = await resolver.resolveTxt(`sel1._domainkey.${ZONE}.`);
    expect(dkim.map((strings) => strings.map((s) => s.length))).toEqual([[255, DKIM.length - 255]]);
    expect(dkim[0].join('')).toBe(DKIM);
    expect(await resolver.resolveTxt(`_dmarc.${ZONE}.`)).toEqual([[DMARC]]);
    expect(await resolver.resolveCname(`webmail.${ZONE}.`)).toEqual(['ghs.example.net']);
  });

  test('cdktf-mx verify --server reads the deployed MX and null MX back as declared', async () => {
    const declaration = join(run!.work, 'declared.json');
    writeFileSync(declaration, JSON.stringify({
      zone: ZONE,
      records: [
        { name: '@', type: 'MX', priority: 10, value: 'mx1.mail.example.net' },
        { name: '@', type: 'MX', priority: 20, value: 'mx2.mail.example.net' },
        { name: 'noreply', type: 'MX', priority: 0, value: '.' },
      ],
    }));
    let out = '';
    await runVerify([declaration, '--server', bind.address, '--format', 'json', '--timeout', '1000', '--retries', '0'], { stdout: { write: (text: string) => (out += text) }, stderr: { write: () => true } });
    const reports = (JSON.parse(out) as { domains: Array<{ domain: string; checks: Array<{ check: string; status: string; message: string }> }> }).domains;
    const check = (domain: string, name: string) => reports.find((r) => r.domain === domain)?.checks.find((c) => c.check === name);
    expect(check(ZONE, 'MX')).toMatchObject({ status: 'ok', message: 'as declared: 10 mx1.mail.example.net., 20 mx2.mail.example.net.' });
    expect(check(`noreply.${ZONE}`, 'null MX')?.status).toBe('ok');
  });

  test('a second plan is empty (exit code 0): the >255-octet TXT and the null MX read back without drift', async () => {
    expect(await tf.plan()).toBe(0);
  });

  test('changing an MX preference updates the set in place', async () => {
    const next = { ...FIRST, backup: 30 };
    deploy(next);
    const changes = await tf.planChanges();
    expect(changes.map((c) => [c.address, c.actions])).toEqual([['dns_mx_record_set.vendor', ['update']]]);
    await tf.apply();
    expect(served()).toEqual(declaredRecords(next));
    expect(await tf.plan()).toBe(0);
  });

  test('a TTL change replaces the set; without create_before_destroy: delete, then create, and the set is back', async () => {
    const next = { ...FIRST, backup: 30, plainTtl: 600 };
    deploy(next);
    const changes = await tf.planChanges();
    expect(changes.map((c) => [c.address, c.actions])).toEqual([['dns_mx_record_set.plain', ['delete', 'create']]]);
    await tf.apply();
    expect(served()).toEqual(declaredRecords(next));
    expect(await tf.plan()).toBe(0);
  });

  test('a TTL change with create_before_destroy: create, then delete, and the delete removes the NEW set (terraform-provider-dns #97)', async () => {
    const next = { ...FIRST, backup: 30, plainTtl: 600, cbdTtl: 600 };
    deploy(next);
    const changes = await tf.planChanges();
    expect(changes.map((c) => [c.address, c.actions])).toEqual([['dns_mx_record_set.cbd', ['create', 'delete']]]);
    await tf.apply();
    // The deposed set's delete is "remove the RRset cbd.deploy.test./MX": it takes the new records too.
    const lost = declaredRecords(next).filter((r) => !r.startsWith(`cbd.${ZONE}. `));
    expect(served()).toEqual(lost);
    await expect(resolver.resolveMx(`cbd.${ZONE}.`)).rejects.toMatchObject({ code: expect.stringMatching(/^(ENODATA|ENOTFOUND)$/) });
    // Terraform believes the set exists; the refresh finds it gone and plans to create it again.
    expect((await tf.planChanges()).map((c) => [c.address, c.actions])).toEqual([['dns_mx_record_set.cbd', ['create']]]);
    await tf.apply();
    expect(served()).toEqual(declaredRecords(next));
    expect(await tf.plan()).toBe(0);
  });

  test('TXT values with `"` or `\\` as they are (3.6.1): written mangled, the apply fails, the set is tainted and every later apply replaces it and fails again', async () => {
    const next: Variant = { ...FIRST, backup: 30, plainTtl: 600, cbdTtl: 600, quoted: 'raw' };
    deploy(next);
    // The provider writes `TXT "say "hi" now"` as a zone-file line: the quotes split the value into
    // three strings; in `"back\slash"` the backslash escapes the `s` and is lost. 3.6.1 then compares
    // what it reads back with the plan and fails the apply (3.2.4 applied and drifted instead).
    const mangled = [`quoted.${ZONE}. 300 TXT "say " "hi" " now"`, `quoted.${ZONE}. 300 TXT "backslash"`];
    await expect(tf.apply()).rejects.toThrow(/Provider produced inconsistent result after apply[\s\S]*dns_txt_record_set\.quoted/);
    expect(served()).toEqual([...declaredRecords(next), ...mangled].sort());
    expect((await resolver.resolveTxt(`quoted.${ZONE}.`)).sort()).toEqual([['backslash'], ['say ', 'hi', ' now']]);
    const state = JSON.parse(readFileSync(statePath, 'utf8')) as { resources: Array<{ name: string; instances: Array<{ status?: string; attributes: { txt: string[] } }> }> };
    const quoted = state.resources.find((r) => r.name === 'quoted')!.instances[0]!;
    expect(quoted.status).toBe('tainted');
    expect(quoted.attributes.txt.sort()).toEqual(['backslash', 'say hi now']);
    for (let round = 0; round < 2; round++) {
      const changes = await tf.planChanges();
      expect(changes.map((c) => [c.address, c.actions])).toEqual([['dns_txt_record_set.quoted', ['delete', 'create']]]);
      expect(changes[0].before?.txt).toEqual(expect.arrayContaining(['say hi now', 'backslash']));
      expect(changes[0].after?.txt).toEqual(expect.arrayContaining([QUOTED, BACKSLASH]));
      await expect(tf.apply()).rejects.toThrow(/Provider produced inconsistent result after apply/);
      expect(served()).toEqual([...declaredRecords(next), ...mangled].sort());
    }
  });

  test('zone-file escaped (`\\"`, `\\\\`) they are served exactly and plan clean; the replace of the tainted set removes the mangled records', async () => {
    const next: Variant = { ...FIRST, backup: 30, plainTtl: 600, cbdTtl: 600, quoted: 'escaped' };
    deploy(next);
    await tf.apply();
    expect((await resolver.resolveTxt(`escaped.${ZONE}.`)).sort()).toEqual([[BACKSLASH], [QUOTED]]);
    // The tainted set is replaced delete-first: the delete removes the RRset by name and type, mangled records included.
    expect((await resolver.resolveTxt(`quoted.${ZONE}.`)).sort()).toEqual([[BACKSLASH], [QUOTED]]);
    expect(await tf.plan()).toBe(0);
  });

  test('destroy: every name the stack wrote is empty again', async () => {
    await tf.destroy();
    expect(served()).toEqual([]);
    for (const name of [ZONE, `noreply.${ZONE}`, `plain.${ZONE}`, `cbd.${ZONE}`]) {
      await expect(resolver.resolveMx(`${name}.`)).rejects.toMatchObject({ code: expect.stringMatching(/^(ENODATA|ENOTFOUND)$/) });
    }
    // Delete removes the whole RRset by name and type, so the left-behind record goes too.
    for (const name of [ZONE, `sel1._domainkey.${ZONE}`, `_dmarc.${ZONE}`, `quoted.${ZONE}`, `escaped.${ZONE}`]) {
      await expect(resolver.resolveTxt(`${name}.`)).rejects.toMatchObject({ code: expect.stringMatching(/^(ENODATA|ENOTFOUND)$/) });
    }
    await expect(resolver.resolveCname(`webmail.${ZONE}.`)).rejects.toMatchObject({ code: expect.stringMatching(/^(ENODATA|ENOTFOUND)$/) });
  });
}, ['dns']);
