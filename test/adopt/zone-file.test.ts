import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { readLiveZoneFile } from '../../lib/adopt/zone-file-source';
import { runImport } from '../../lib/cli/import';
import { renderZone } from '../../lib/testing/render-zone';
import { findTool, namedCheckzone } from '../real-dns/tools';

const ROOT = resolve(__dirname, '../..');
const LIB = join(ROOT, 'lib/index');
const TSX = join(ROOT, 'node_modules/tsx/dist/cli.mjs');

/** A Cloudflare dashboard export: SOA owner without the trailing dot, TTL 1 for "automatic", cf_tags for the proxy. */
const EXPORT = `;;
;; Domain:     example.org.
;; Exported:   2026-11-29 10:00:00
;;
;; This file is intended for use for informational and archival
;; purposes ONLY and MUST be edited before use on a production
;; DNS server.
;;
;; SOA Record
example.org	3600	IN	SOA	ada.ns.cloudflare.com. dns.cloudflare.com. 2051234567 10000 2400 604800 3600

;; NS Records
example.org.	86400	IN	NS	ada.ns.cloudflare.com.
example.org.	86400	IN	NS	bob.ns.cloudflare.com.

;; A Records
example.org.	1	IN	A	192.0.2.80 ; cf_tags=cf-proxied:true
mail.example.org.	1	IN	A	192.0.2.25 ; cf_tags=cf-proxied:true
mx2.example.org.	3600	IN	A	192.0.2.26 ; cf_tags=cf-proxied:false

;; MX Records
example.org.	1	IN	MX	10 mail.example.org. ; own servers since 2019
example.org.	1	IN	MX	20 mx2.example.org. ; own servers since 2019

;; TXT Records
example.org.	1	IN	TXT	"v=spf1 mx -all"
_dmarc.example.org.	1	IN	TXT	"v=DMARC1; p=reject; rua=mailto:dmarc@example.org" ; policy: security team cf_tags=team:sec,prod
www.example.org.	1	IN	TXT	"hello"
`;

/** The mail records of EXPORT, written by hand. */
const MAIL_ZONE = `; cdktf-mx zone example.org.
; TTL 1 (Cloudflare automatic) is shown as 300, the TTL Cloudflare serves for it.
example.org. 300 IN MX 10 mail.example.org.
example.org. 300 IN MX 20 mx2.example.org.
example.org. 300 IN TXT "v=spf1 mx -all"
_dmarc.example.org. 300 IN TXT "v=DMARC1; p=reject; rua=mailto:dmarc@example.org"
mail.example.org. 300 IN A 192.0.2.25 ; proxied: Cloudflare serves its own addresses here
mx2.example.org. 3600 IN A 192.0.2.26
`;

describe('zone file source (Cloudflare dashboard export)', () => {
  test('reads the SOA owner without trailing dot and honours cf-proxied tags', () => {
    const zone = readLiveZoneFile(EXPORT, 'example.org', 'export.txt');
    const proxied = zone.records.filter((r) => r.proxied).map((r) => `${r.name} ${r.type}`);
    expect(proxied).toEqual(['example.org A', 'mail.example.org A']);
    // Comments and tags after a record (a `;` inside the TXT's quotes is not one) are the record's.
    expect(zone.records.find((r) => r.name === '_dmarc.example.org')).toMatchObject({ comment: 'policy: security team', tags: ['team:sec', 'prod'] });
    expect(zone.records.filter((r) => r.type === 'MX').map((r) => r.comment)).toEqual(['own servers since 2019', 'own servers since 2019']);
    expect(zone.records.find((r) => r.name === 'mx2.example.org')).not.toHaveProperty('proxied', true);
    // In a zone file that is not a Cloudflare export, comments are only comments.
    expect(readLiveZoneFile('$ORIGIN a.example.\n@ 300 IN MX 10 mx.a.example. ; primary\n', 'a.example', 'plain').records[0]).not.toHaveProperty('comment');
    expect(zone.records.find((r) => r.type === 'SOA')?.name).toBe('example.org');
    expect(zone.records.every((r) => r.id === undefined)).toBe(true);
  });

  describe('import → app and construct → synth', () => {
    let dir: string;
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'cdktf-mx-zonefile-'));
      symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
      writeFileSync(join(dir, 'export.txt'), EXPORT);
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    const importTo = async (out: string, extra: string[] = []) => {
      let stderr = '';
      const code = await runImport(['example.org', '--from', join(dir, 'export.txt'), '--out', join(dir, out), '--module', LIB, ...extra], {
        stdout: { write: () => true },
        stderr: { write: (t: string) => (stderr += t) },
        env: {},
      });
      return { code, stderr, text: readFileSync(join(dir, out), 'utf8') };
    };
    const runTsx = (file: string, outdir: string) => {
      const run = spawnSync(process.execPath, [TSX, file], { cwd: dir, encoding: 'utf8', env: { ...process.env, CHECKPOINT_DISABLE: '1', CDKTF_OUTDIR: outdir }, timeout: 120_000 });
      expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: expect.anything() });
    };

    test('the app publishes exactly the live mail records, proxied flag kept, no import ids', async () => {
      const { code, stderr, text } = await importTo('app.ts');
      expect(code).toBe(0);
      // A proxied mail host is an error in the live zone: reported, adopted as is, suppressed with a reason.
      expect(stderr).toMatch(/finding \[cloudflare-proxied-mail-host\] error at example\.org\. MX 10 mail\.example\.org: A 192\.0\.2\.25 at mail\.example\.org is proxied/);
      expect(text).toContain(`suppressMxRule(this, { id: 'cloudflare-proxied-mail-host'`);
      expect(text).toContain(`new TerraformVariable(this, 'zone_id'`);
      expect(text).not.toContain('importFrom');
      expect(text).toContain(`comment: 'own servers since 2019'`);
      expect(text).toMatch(/comment: 'policy: security team',\s+tags: \[\s+'team:sec',\s+'prod',\s+\]/);
      expect(stderr).toContain('left out 5 records that are not mail');
      runTsx(join(dir, 'app.ts'), join(dir, 'app.out'));
      const synth = JSON.parse(readFileSync(join(dir, 'app.out/stacks/mail/cdk.tf.json'), 'utf8')) as { import?: unknown };
      expect(synth.import).toBeUndefined();
      expect(renderZone(join(dir, 'app.out'), 'example.org')).toBe(MAIL_ZONE);
      const checkzone = findTool('named-checkzone');
      if (checkzone) expect(namedCheckzone(checkzone, 'example.org', renderZone(join(dir, 'app.out'), 'example.org', { soa: true })).loaded).toBe(true);
    });

    test('a live error is suppressed for the adopted zone and name only: a second domain with two SPF records still fails synth', async () => {
      writeFileSync(join(dir, 'two-spf.txt'), '$ORIGIN example.org.\n$TTL 300\n@ IN MX 10 mail.example.org.\n@ IN TXT "v=spf1 mx -all"\n@ IN TXT "v=spf1 a -all"\nmail IN A 192.0.2.25\n');
      let stderr = '';
      const code = await runImport(['example.org', '--from', join(dir, 'two-spf.txt'), '--out', join(dir, 'two-spf.ts'), '--module', LIB], {
        stdout: { write: () => true },
        stderr: { write: (t: string) => (stderr += t) },
        env: {},
      });
      expect({ code, stderr }).toEqual({ code: 0, stderr: expect.stringContaining('[spf-multiple] error at example.org.') });
      const adopted = readFileSync(join(dir, 'two-spf.ts'), 'utf8');
      expect(adopted).toContain(`suppressMxRule(this, { id: 'spf-multiple', zone: domain, name: '@',`);
      // The generated app synthesizes as it is: the live error is suppressed for example.org.
      runTsx(join(dir, 'two-spf.ts'), join(dir, 'two-spf.out'));
      // The user then adds a second domain to the same stack, with two SPF records of its own.
      const zoneId = `zoneId: '0123456789abcdef0123456789abcdef', domain: 'example.net'`;
      const second = [
        `    new SecondMx(this, 'second', { ${zoneId}, records: [{ priority: 10, exchange: 'mx.example.net' }] });`,
        `    new SecondSpf(this, 'second-spf', { ${zoneId}, include: '_spf.example.com', all: '-all' });`,
        `    new SecondRaw(this, 'second-raw-spf', { zoneId: '0123456789abcdef0123456789abcdef', name: 'example.net', type: 'TXT', content: '"v=spf1 -all"', ttl: 300 });`,
      ];
      const close = adopted.indexOf('\n  }\n}\n');
      const head = [
        `import { MxRecords as SecondMx, SpfInclude as SecondSpf } from ${JSON.stringify(LIB)};`,
        `import { DnsRecord as SecondRaw } from '@cdktf/provider-cloudflare/lib/dns-record';`,
      ].join('\n');
      const extended = `${head}\n${adopted.slice(0, close)}\n${second.join('\n')}${adopted.slice(close)}`;
      writeFileSync(join(dir, 'two-domains.ts'), extended);
      const run = spawnSync(process.execPath, [TSX, join(dir, 'two-domains.ts')], { cwd: dir, encoding: 'utf8', env: { ...process.env, CHECKPOINT_DISABLE: '1', CDKTF_OUTDIR: join(dir, 'two-domains.out') }, timeout: 120_000 });
      expect(run.status).not.toBe(0);
      expect(run.stderr).toMatch(/\[spf-multiple\] example\.net\./);
      expect(run.stderr).not.toMatch(/\[spf-multiple\] example\.org\./);
    });

    test('--construct writes a class a stack of your own can hold', async () => {
      const { code, text } = await importTo('mail-construct.ts', ['--construct']);
      expect(code).toBe(0);
      expect(text).toContain('export class ExampleOrgMail extends Construct {');
      expect(text).not.toContain('new App(');
      writeFileSync(
        join(dir, 'main.ts'),
        [
          `import { App, TerraformStack } from 'cdktf';`,
          `import { CloudflareProvider } from '@cdktf/provider-cloudflare/lib/provider';`,
          `import { ExampleOrgMail } from './mail-construct';`,
          `const app = new App();`,
          `const stack = new TerraformStack(app, 'mine');`,
          `new CloudflareProvider(stack, 'cloudflare', {});`,
          `new ExampleOrgMail(stack, 'adopted', { zoneId: '0123456789abcdef0123456789abcdef' });`,
          `app.synth();`,
        ].join('\n'),
      );
      runTsx(join(dir, 'main.ts'), join(dir, 'construct.out'));
      expect(renderZone(join(dir, 'construct.out'), 'example.org')).toBe(MAIL_ZONE);
      // Addresses stay content-derived inside the construct: nesting renames nothing.
      const synth = JSON.parse(readFileSync(join(dir, 'construct.out/stacks/mine/cdk.tf.json'), 'utf8')) as { resource: { cloudflare_dns_record: Record<string, unknown> } };
      expect(Object.keys(synth.resource.cloudflare_dns_record).sort()).toEqual([
        'a__mail_example_org__192_0_2_25',
        'a__mx2_example_org__192_0_2_26',
        'mx__example_org__mail_example_org',
        'mx__example_org__mx2_example_org',
        'txt__dmarc_example_org__v_dmarc1_p_reject_rua_mailto_dmarc_example_org_b19ac1fb',
        'txt__example_org__v_spf1_mx_-all_b90993b6',
      ].sort());

      const tsc = spawnSync(
        process.execPath,
        [join(ROOT, 'node_modules/typescript/bin/tsc'), '--strict', '--noEmit', '--skipLibCheck', '--target', 'ES2022', '--module', 'commonjs', '--moduleResolution', 'node', '--esModuleInterop', '--types', 'node', join(dir, 'main.ts'), join(dir, 'app.ts')],
        { cwd: dir, encoding: 'utf8', timeout: 180_000 },
      );
      expect({ status: tsc.status, output: tsc.stdout + tsc.stderr }).toEqual({ status: 0, output: '' });
    });
  });
});
