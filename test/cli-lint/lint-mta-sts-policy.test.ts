// `cdktf-mx lint <zone file> --mta-sts-policy <file>`: the policy, which is not in DNS, judged with the zone.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LintIo, run } from '../../lib/cli/lint';
import { App } from 'cdktf';
import { configureMxValidation, lintZone, MtaSts, MxRecords, TlsRpt } from '../../lib';
import { newStack } from '../helpers';

const dir = mkdtempSync(join(tmpdir(), 'cdktf-mx-lint-sts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

async function lint(argv: string[]): Promise<{ code: number; findings: Array<{ rule: string; severity: string; name: string; message: string }>; err: string }> {
  let out = '';
  let err = '';
  const io: LintIo = { stdout: { write: (t: string) => (out += t) }, stderr: { write: (t: string) => (err += t) }, readFile: (path) => readFileSync(path, 'utf8'), env: {} };
  const code = await run([...argv, '--format', 'json'], io);
  return { code, findings: code === 2 ? [] : JSON.parse(out), err };
}

/** A zone after a vendor switch: MX now at Fastmail, MTA-STS and TLS-RPT published. */
const ZONE = `$ORIGIN example.com.
$TTL 1h
@ IN MX 10 in1-smtp.messagingengine.com.
@ IN MX 20 in2-smtp.messagingengine.com.
@ IN TXT "v=spf1 include:spf.messagingengine.com -all"
_dmarc IN TXT "v=DMARC1; p=reject"
_mta-sts IN TXT "v=STSv1; id=20261206;"
_smtp._tls IN TXT "v=TLSRPTv1; rua=mailto:tls@example.com"
`;
const policy = (mx: string[]) => `version: STSv1\r\nmode: enforce\r\n${mx.map((p) => `mx: ${p}\r\n`).join('')}max_age: 604800\r\n`;

test('a policy still listing the old vendor fails lint (exit 1) naming each host and the pattern to add', async () => {
  const zone = file('switch.zone', ZONE);
  const stale = file('stale.txt', policy(['*.mail.protection.outlook.com']));
  const { code, findings } = await lint([zone, '--mta-sts-policy', stale]);
  expect(code).toBe(1);
  expect(findings.filter((f) => f.rule === 'mta-sts-mx-uncovered').map((f) => f.message)).toEqual([
    expect.stringContaining('MX in1-smtp.messagingengine.com is matched by no mx pattern of the enforce MTA-STS policy; senders that honour it will not deliver there. Add "mx: in1-smtp.messagingengine.com"'),
    expect.stringContaining('Add "mx: in2-smtp.messagingengine.com"'),
  ]);
});

test('the updated policy passes (exit 0); without --mta-sts-policy the policy is not judged', async () => {
  const zone = file('switch.zone', ZONE);
  const current = file('current.txt', policy(['in1-smtp.messagingengine.com', 'in2-smtp.messagingengine.com']));
  expect((await lint([zone, '--mta-sts-policy', current])).findings.filter((f) => f.severity !== 'info')).toEqual([]);
  expect((await lint([zone, '--mta-sts-policy', current])).code).toBe(0);
  expect((await lint([zone])).code).toBe(0);
});

test('<name>=<file> gives the policy of a sub-name; an unreadable file is exit 2', async () => {
  const zone = file('eu.zone', `${ZONE}eu IN MX 10 mx.eu.example.com.\n`);
  const eu = file('eu.txt', policy(['mx1.eu.example.com']));
  const { findings } = await lint([zone, '--mta-sts-policy', `eu=${eu}`]);
  expect(findings.filter((f) => f.rule === 'mta-sts-mx-uncovered').map((f) => f.name)).toEqual(['eu.example.com.']);
  const missing = await lint([zone, '--mta-sts-policy', join(dir, 'nope.txt')]);
  expect(missing.code).toBe(2);
  expect(missing.err).toContain('cannot read --mta-sts-policy');
});

test('lintZone takes mtaStsPolicies and reports a malformed entry instead of throwing', () => {
  const records = [{ name: '@', type: 'MX', priority: 10, value: 'mx1.example.com' }];
  expect(lintZone({ zone: 'example.com', records, mtaStsPolicies: [{ text: 'version: STSv1\nmode: enforce\nmx: mx2.example.com\nmax_age: 86400\n' }] }).map((f) => f.rule)).toContain('mta-sts-mx-uncovered');
  expect(lintZone({ zone: 'example.com', records, mtaStsPolicies: [{ text: 42 }] as never }).map((f) => `${f.rule}: ${f.message}`)).toContainEqual(expect.stringMatching(/^zone-invalid: mtaStsPolicies\[0\] must be/));
});

test('lint of synthesized output reads each MtaSts policy from the stack metadata', async () => {
  const outdir = join(dir, 'cdktf.out');
  const app = new App({ outdir });
  const stack = newStack('mail', app);
  // Synth lets the finding through as a warning here; lint of the output judges as synth did (the stack's settings are in its metadata).
  configureMxValidation(stack, { rules: { 'mta-sts-mx-uncovered': 'warning' } });
  const zone = { zoneId: 'zone-1', domain: 'example.com' };
  new MxRecords(stack, 'mail', { ...zone, records: [{ priority: 10, exchange: 'mx1.example.com' }, { priority: 20, exchange: 'backup.example.net' }] });
  new MtaSts(stack, 'sts', { ...zone, mode: 'enforce', mx: ['mx1.example.com'] });
  new TlsRpt(stack, 'rpt', { ...zone, rua: ['mailto:tls@example.com'] });
  app.synth();
  const cdkTfJson = JSON.parse(readFileSync(join(outdir, 'stacks', 'mail', 'cdk.tf.json'), 'utf8'));
  expect(cdkTfJson['//'].metadata['cdktf-mx'].mtaStsPolicies).toEqual({
    'mail/sts': { zoneId: 'zone-1', host: 'cloudflare', name: 'example.com', text: 'version: STSv1\r\nmode: enforce\r\nmx: mx1.example.com\r\nmax_age: 604800\r\n' },
  });
  const { code, findings } = await lint([outdir]);
  expect(findings.filter((f) => f.rule === 'mta-sts-mx-uncovered').map((f) => [f.severity, f.message])).toEqual([['warning', expect.stringContaining('MX backup.example.net is matched by no mx pattern of the enforce MTA-STS policy')]]);
  expect(code).toBe(0);
  expect((await lint([outdir, '--strict'])).code).toBe(1);
  expect((await lint([outdir, '--rule', 'mta-sts-mx-uncovered=error'])).code).toBe(1);
  const passing = await lint([outdir, '--rule', 'mta-sts-mx-uncovered=off']);
  expect(passing.findings.filter((f) => f.severity === 'error')).toEqual([]);
});
