import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Runs the real `cdktf synth` CLI (offline) the way users and CI do. */
function cdktfSynth(app?: string): { status: number | null; output: string; outdir: string } {
  const outdir = mkdtempSync(join(tmpdir(), 'cdktf-mx-synth-'));
  const args = ['cdktf', 'synth', '--output', outdir, ...(app ? ['--app', app] : [])];
  const result = spawnSync('npx', args, {
    cwd: join(__dirname, '..'),
    env: { ...process.env, CHECKPOINT_DISABLE: '1', CI: 'true', FORCE_COLOR: '0' },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}`, outdir };
}

interface TfRecord { name: string; type: string; content: string; priority?: number; ttl: number; zone_id: string }

describe('cdktf synth (real CLI)', () => {
  let example: ReturnType<typeof cdktfSynth>;
  beforeAll(() => {
    example = cdktfSynth();
  });
  afterAll(() => rmSync(example.outdir, { recursive: true, force: true }));

  test('the example stack synthesizes every domain with the right hosts, priorities and full names', () => {
    expect(example.status).toBe(0);
    const json = JSON.parse(readFileSync(join(example.outdir, 'stacks', 'mail', 'cdk.tf.json'), 'utf8'));
    const records = Object.values(json.resource.cloudflare_dns_record as Record<string, TfRecord>);
    const mx = records.filter((r) => r.type === 'MX').map((r) => `${r.name} ${r.priority} ${r.content}`).sort();
    expect(mx).toEqual([
      'contoso.example 0 contoso-example.mail.protection.outlook.com',
      'example.com 1 smtp.google.com',
      'example.net 10 in1-smtp.messagingengine.com',
      'example.net 20 in2-smtp.messagingengine.com',
      'example.org 10 mail.example.org',
      'example.org 20 backup-mx.isp.example',
      'parked.example 0 .',
    ]);
    // The MTA-STS policy is a stack output; the _mta-sts id is the first 32 hex digits of its SHA-256.
    const policy = (Object.values(json.output) as Array<{ value: string; description: string }>).find((o) => o.description.includes('https://mta-sts.contoso.example/'))!.value;
    expect(policy).toBe('version: STSv1\r\nmode: enforce\r\nmx: *.mail.protection.outlook.com\r\nmax_age: 604800\r\n');
    const id = createHash('sha256').update(policy).digest('hex').slice(0, 32);
    expect(records.filter((r) => r.type === 'TXT').map((r) => `${r.name} ${r.content}`).sort()).toEqual([
      '_dmarc.parked.example "v=DMARC1; p=reject;"',
      `_mta-sts.contoso.example "v=STSv1; id=${id};"`,
      '_smtp._tls.contoso.example "v=TLSRPTv1; rua=mailto:tls-reports@contoso.example"',
      'example.net "v=spf1 include:spf.messagingengine.com ~all"',
      'parked.example "v=spf1 -all"',
    ]);
    expect(records.filter((r) => r.type === 'TLSA').map((r) => `${r.name} ${JSON.stringify((r as unknown as { data: unknown }).data)}`)).toEqual([
      '_25._tcp.mail.example.org {"certificate":"8cbd8d4a5bdc2ba8c8d8b8e3c1a2f0e4d6b7a9c8e1f2a3b4c5d6e7f8091a2b3c","matching_type":1,"selector":1,"usage":3}',
    ]);
    expect(records.filter((r) => r.type === 'CNAME').map((r) => `${r.name} ${r.content}`).sort()).toEqual([
      'fm1._domainkey.example.net fm1.example.net.dkim.fmhosted.com',
      'fm2._domainkey.example.net fm2.example.net.dkim.fmhosted.com',
      'fm3._domainkey.example.net fm3.example.net.dkim.fmhosted.com',
    ]);
    // Zone ids are variables, the provider gets its token from the environment: no secret in the output.
    expect(records.every((r) => /^\$\{var\.[a-z]+_zone_id\}$/.test(r.zone_id))).toBe(true);
    expect(json.provider.cloudflare).toEqual([{}]);
    expect(json.terraform.required_providers.cloudflare).toEqual({ source: 'cloudflare/cloudflare', version: '5.14.0' });
  });

  test('an invalid stack fails synth with the rule id, record, construct path and fix', () => {
    const broken = cdktfSynth('npx tsx test/fixtures/invalid-app.ts');
    rmSync(broken.outdir, { recursive: true, force: true });
    expect(broken.status).not.toBe(0);
    expect(broken.output).toContain('[mx-target-ip] example.org. (broken/self-hosted): MX 10 192.0.2.25: "192.0.2.25" is an IP address');
    expect(broken.output).toContain('Point the MX at a host name with an A/AAAA record');
  });
});
