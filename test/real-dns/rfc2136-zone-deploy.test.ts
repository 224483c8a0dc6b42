import { TerraformStack } from 'cdktf';
import { promises as dns } from 'node:dns';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NullMx, Rfc2136Zone, SpfInclude, VendorMx } from '../../lib';
import { runVerify } from '../../lib/cli/verify';
import { BindServer } from './bind';
import { DeployRun, DKIM_KEY, filesBelow, servedRecords, startDeploy, stopDeploy, synthDnsStack, txtRdata } from './deploy-fixtures';
import { TerraformWorkspace } from './terraform';
import { providerPin } from './providers';
import { describeWithTools } from './tools';

/*
 * A real deploy of cdktf-mx's OWN record sets: a stack of VendorMx (with SPF, a 2048-bit DKIM
 * key and a verification token), SpfInclude and NullMx on `Rfc2136Zone`s → cdktf synth →
 * terraform init (hashicorp/dns 3.6.1 from the filesystem mirror) → apply to BIND over
 * TSIG-signed RFC 2136 updates → dig AXFR and `cdktf-mx verify --server` reading cdktf.out →
 * re-plan → change vendor → destroy. The steps build on each other and run in order.
 */

const ZONE = 'mail.test';
const PARKED = 'parked.test';
const STACK = 'mail';

const DKIM = `v=DKIM1; k=rsa; p=${DKIM_KEY}`;
const TOKEN = 'rXOxyZounnZasA8Z7oaD3c14JdjS9aKSWvsR1EbUSIQ';

/** A TXT value hashicorp/dns mangles when written as is (docs/hosts.md). */
const NOTE = 'say "hi" back\\slash';

type Vendor = 'google-workspace' | 'fastmail';

/** Synthesize the stack for `vendor` with `App.synth` into `outdir`; returns the stack directory. */
function synth(outdir: string, statePath: string, vendor: Vendor): string {
  // The user declares the dns provider (here the prebuilt binding); our record sets carry its name.
  return synthDnsStack(outdir, statePath, STACK, (stack) => build(stack, vendor));
}

/** The stack's mail records for `vendor`, through cdktf-mx's constructs on Rfc2136Zone. */
function build(stack: TerraformStack, vendor: Vendor): void {
  const zone = Rfc2136Zone.of(ZONE);
  if (vendor === 'google-workspace') {
    new VendorMx(stack, 'mail', { zone, ttl: 300, preset: 'google-workspace', companions: { spf: true, dkim: { publicKey: DKIM_KEY }, verification: TOKEN } });
  } else {
    new VendorMx(stack, 'mail', { zone, ttl: 300, preset: 'fastmail', companions: { spf: true, dkim: true } });
  }
  new SpfInclude(stack, 'crm', { zone, ttl: 300, include: ['sendgrid.net'] });
  new NullMx(stack, 'parked', { zone: Rfc2136Zone.of(PARKED), ttl: 300 });
  // Text with `"` and `\` through the host's emission (zone-file escaped), which the provider mangles unescaped.
  zone.host.publish(stack, zone, { name: `note.${ZONE}`, type: 'TXT', value: NOTE, ttl: 300 }, 'note');
}

/** What the stack declares for `vendor`, as dig prints it: `name ttl TYPE rdata`, sorted. */
function declared(vendor: Vendor): { [zone: string]: string[] } {
  const mail = vendor === 'google-workspace'
    ? [
      `${ZONE}. 300 MX 1 smtp.google.com.`,
      `${ZONE}. 300 TXT "google-site-verification=${TOKEN}"`,
      `${ZONE}. 300 TXT "v=spf1 include:_spf.google.com include:sendgrid.net ~all"`,
      `google._domainkey.${ZONE}. 300 TXT ${txtRdata(DKIM)}`,
    ]
    : [
      `${ZONE}. 300 MX 10 in1-smtp.messagingengine.com.`,
      `${ZONE}. 300 MX 20 in2-smtp.messagingengine.com.`,
      `${ZONE}. 300 TXT "v=spf1 include:spf.messagingengine.com include:sendgrid.net ?all"`,
      ...[1, 2, 3].map((n) => `fm${n}._domainkey.${ZONE}. 300 CNAME fm${n}.${ZONE}.dkim.fmhosted.com.`),
    ];
  return {
    [ZONE]: [...mail, `note.${ZONE}. 300 TXT "say \\"hi\\" back\\\\slash"`].sort(),
    [PARKED]: [`${PARKED}. 300 MX 0 .`, `${PARKED}. 300 TXT "v=spf1 -all"`, `_dmarc.${PARKED}. 300 TXT "v=DMARC1; p=reject;"`].sort(),
  };
}

/**
 * Checks that are neither ok nor advice, leaving out the exchanges' address lookups, which this
 * server (authoritative for the test zones only) refuses: those must say exactly that.
 */
function checksNotOk(checks: ReadonlyArray<{ domain: string; check: string; status: string; message: string }>): unknown[] {
  return checks.filter((c) => {
    if (c.status === 'ok' || c.status === 'info') return false;
    return !(c.check.startsWith('exchange ') && c.status === 'warn' && /^not checked: the --server does not serve this name \(REFUSED\); give --resolver/.test(c.message));
  });
}

describeWithTools(['named', 'tsig-keygen', 'dig', 'terraform'], `real deploy of cdktf-mx's Rfc2136Zone record sets: terraform + hashicorp/dns ${providerPin('dns').version} → BIND`, (tools) => {
  let run: DeployRun | undefined;
  let bind: BindServer;
  let tf: TerraformWorkspace;
  let outdir: string;
  let statePath: string;
  let resolver: dns.Resolver;

  const deploy = (vendor: Vendor): string => synth(outdir, statePath, vendor);

  const served = (zone: string): string[] => servedRecords(tools.dig, bind, zone);

  /** `cdktf-mx verify --server` on cdktf.out: exit code and every check's status by domain. */
  const verify = async (): Promise<{ code: number; checks: Array<{ domain: string; check: string; status: string; message: string }> }> => {
    let out = '';
    const code = await runVerify([outdir, '--server', bind.address, '--format', 'json', '--timeout', '1000', '--retries', '0'], { stdout: { write: (text: string) => (out += text) }, stderr: { write: () => true } });
    const reports = (JSON.parse(out) as { domains: Array<{ domain: string; checks: Array<{ check: string; status: string; message: string }> }> }).domains;
    return { code, checks: reports.flatMap((r) => r.checks.map((c) => ({ domain: r.domain, ...c }))) };
  };

  beforeAll(async () => {
    run = await startDeploy(tools, [ZONE, PARKED], (dir, state) => synth(dir, state, 'google-workspace'));
    ({ bind, tf, outdir, statePath, resolver } = run);
  });

  afterAll(() => stopDeploy(run));

  test('synth: one resource per (zone, name, type), no lifecycle, no secret in cdktf.out', () => {
    const json = JSON.parse(readFileSync(join(tf.dir, 'cdk.tf.json'), 'utf8')) as { resource: Record<string, Record<string, Record<string, unknown>>> };
    const addresses = Object.entries(json.resource).flatMap(([type, byName]) => Object.keys(byName).map((name) => `${type}.${name}`)).sort();
    expect(addresses).toEqual([
      'dns_mx_record_set.mx__mail_test',
      'dns_mx_record_set.mx__parked_test',
      'dns_txt_record_set.txt__dmarc_parked_test_3cd77399',
      'dns_txt_record_set.txt__google_domainkey_mail_test_85d23af6',
      'dns_txt_record_set.txt__mail_test',
      'dns_txt_record_set.txt__note_mail_test',
      'dns_txt_record_set.txt__parked_test',
    ]);
    for (const byName of Object.values(json.resource)) for (const block of Object.values(byName)) expect(block).not.toHaveProperty('lifecycle');
    for (const file of filesBelow(outdir)) expect(readFileSync(file, 'latin1')).not.toContain(bind.key.secret);
  });

  test('apply: BIND serves exactly the declared MX and TXT (AXFR of both zones)', async () => {
    await tf.apply();
    const want = declared('google-workspace');
    expect(served(ZONE)).toEqual(want[ZONE]);
    expect(served(PARKED)).toEqual(want[PARKED]);
    // The 410-octet DKIM value travels as 255 + 155 octets and joins back whole.
    const dkim = await resolver.resolveTxt(`google._domainkey.${ZONE}.`);
    expect(dkim.map((strings) => strings.map((s) => s.length))).toEqual([[255, DKIM.length - 255]]);
    expect(dkim[0]!.join('')).toBe(DKIM);
    expect(await resolver.resolveMx(`${PARKED}.`)).toEqual([{ priority: 0, exchange: '' }]);
    // Escaped on the way in, served exactly: one string with the quotes and the backslash.
    expect(await resolver.resolveTxt(`note.${ZONE}.`)).toEqual([[NOTE]]);
  });

  test('cdktf-mx verify --server reads cdktf.out and finds the server as declared', async () => {
    const { code, checks } = await verify();
    expect(checksNotOk(checks)).toEqual([]);
    // The exchanges' addresses live outside this server (it refuses them): "not checked" (warn, with
    // the --resolver hint), and the MX that was checked is as declared: exit 0.
    expect(code).toBe(0);
    expect(checks.find((c) => c.domain === ZONE && c.check === 'MX')).toMatchObject({ status: 'ok', message: 'as declared: 1 smtp.google.com.' });
    expect(checks.find((c) => c.domain === PARKED && c.check === 'null MX')?.status).toBe('ok');
  });

  test('a second plan is empty (exit code 0)', async () => {
    expect(await tf.plan()).toBe(0);
  });

  test('changing vendor updates the MX and SPF sets in place (no moment without MX), then plans clean', async () => {
    deploy('fastmail');
    const changes = (await tf.planChanges()).map((c) => [c.address, c.actions.join(',')]).sort();
    expect(changes).toEqual([
      ['dns_cname_record.cname__fm1_domainkey_mail_test_34287f24', 'create'],
      ['dns_cname_record.cname__fm2_domainkey_mail_test_19fabac6', 'create'],
      ['dns_cname_record.cname__fm3_domainkey_mail_test_d21a7c26', 'create'],
      ['dns_mx_record_set.mx__mail_test', 'update'],
      ['dns_txt_record_set.txt__google_domainkey_mail_test_85d23af6', 'delete'],
      ['dns_txt_record_set.txt__mail_test', 'update'],
    ]);
    await tf.apply();
    const want = declared('fastmail');
    expect(served(ZONE)).toEqual(want[ZONE]);
    expect(served(PARKED)).toEqual(want[PARKED]);
    expect(await tf.plan()).toBe(0);
    const { code, checks } = await verify();
    expect(checksNotOk(checks)).toEqual([]);
    expect(code).toBe(0);
    expect(checks.find((c) => c.domain === ZONE && c.check === 'MX')).toMatchObject({ status: 'ok', message: 'as declared: 10 in1-smtp.messagingengine.com., 20 in2-smtp.messagingengine.com.' });
  });

  test('destroy: both zones hold only SOA and NS again', async () => {
    await tf.destroy();
    expect(served(ZONE)).toEqual([]);
    expect(served(PARKED)).toEqual([]);
  });
}, ['dns']);
