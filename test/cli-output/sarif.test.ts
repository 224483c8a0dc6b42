import Ajv from 'ajv';
import { App } from 'cdktf';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { run as lint } from '../../lib/cli/lint';
import { run as planCheck } from '../../lib/cli/plan-check';
import { runVerify } from '../../lib/cli/verify';
import { toGithub } from '../../lib/cli/machine-output';
import { GoogleWorkspaceMx, MxRecords } from '../../lib';
import { newStack, withSynth } from '../helpers';
import { fromRecords, ScriptedDns, startScriptedDns } from '../verify/scripted-dns';
import { CLOUDFLARE, planBetween } from '../plan/plan-fixture';
import { runBin } from '../cli/bin';

/** The vendored OASIS SARIF 2.1.0 schema (see test/fixtures/sarif/README.md), compiled once. */
const ajv = new Ajv({ allErrors: true, strict: false });
// The formats the schema uses, checked (ajv knows none without ajv-formats).
ajv.addFormat('uri', (s: string) => URL.canParse(s));
ajv.addFormat('uri-reference', (s: string) => URL.canParse(s, 'file:///base/') && !/\s/.test(s));
ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/);
const validate = ajv.compile(JSON.parse(readFileSync(resolve(__dirname, '..', 'fixtures', 'sarif', 'sarif-schema-2.1.0.json'), 'utf8')) as object);

/** Asserts `text` is one SARIF 2.1.0 log valid against the schema; returns it parsed. */
function validSarif(text: string): SarifLog {
  const log = JSON.parse(text) as SarifLog;
  const ok = validate(log);
  expect(ok ? [] : validate.errors).toEqual([]);
  return log;
}

interface SarifLog {
  version: string;
  runs: Array<{
    tool: { driver: { name: string; rules: Array<{ id: string; shortDescription: { text: string }; help: { text: string }; properties?: { sources?: string[] } }> } };
    results: Array<{ ruleId: string; ruleIndex: number; level: string; message: { text: string }; locations: Array<{ physicalLocation?: { artifactLocation: { uri: string }; region?: { startLine: number } }; logicalLocations: Array<{ name?: string; fullyQualifiedName?: string }> }> }>;
  }>;
}

const dir = mkdtempSync(join(tmpdir(), 'cdktf-mx-sarif-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const capture = () => {
  const out = { stdout: '', stderr: '' };
  return { out, io: { stdout: { write: (t: string) => (out.stdout += t) }, stderr: { write: (t: string) => (out.stderr += t) }, env: {} } };
};

describe('the validator', () => {
  test('rejects a log that breaks the schema (so passing means something)', () => {
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: {} }, results: [{ level: 'fatal', message: {} }] }] })).toBe(false);
    expect(validate({ version: '2.0.0', runs: [] })).toBe(false);
  });
});

describe('--format sarif on every command: valid SARIF 2.1.0, one rule entry per id with its help and sources', () => {
  test('lint of a zone file: results at the file and line the reader names', async () => {
    const zone = join(dir, 'example.org.zone');
    writeFileSync(zone, '$TTL 3600\n@ IN MX 10 mail\nmail IN A 192.0.2.300\nwww IN ALIAS example.net.\n');
    const { out, io } = capture();
    const code = await lint([zone, '--format', 'sarif'], { ...io, readFile: (p: string) => readFileSync(p, 'utf8') });
    expect(code).toBe(1);
    const log = validSarif(out.stdout);
    const run = log.runs[0];
    expect(run.tool.driver.name).toBe('cdktf-mx');
    const ids = run.tool.driver.rules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    const ip = run.tool.driver.rules.find((r) => r.id === 'mx-target-ip')!;
    expect(ip.help.text).toContain('Fix: ');
    expect(ip.properties?.sources?.length).toBeGreaterThan(0);
    // The bad address (line 3) and the ALIAS (line 4) are errors at their lines.
    const unreadable = run.results.filter((r) => r.ruleId === 'zone-file-unreadable');
    expect(unreadable.map((r) => [r.level, r.locations[0].physicalLocation!.region?.startLine])).toEqual([['error', 3], ['error', 4]]);
    expect(unreadable[0].locations[0].physicalLocation!.artifactLocation.uri).toMatch(/example\.org\.zone$/);
    expect(run.tool.driver.rules[unreadable[0].ruleIndex].id).toBe('zone-file-unreadable');
    // Every result's file is the same relative reference.
    expect(new Set(run.results.map((r) => r.locations[0].physicalLocation?.artifactLocation.uri)).size).toBe(1);
  });

  test('lint of synthesized output (synth findings): results on the stack\'s cdk.tf.json, at the construct', async () => {
    let stdout = '';
    await new Promise<void>((done, fail) => withSynth((stack) => {
      new MxRecords(stack, 'self', { zoneId: 'z', domain: 'example.org', records: [{ priority: 10, exchange: 'mx.example.net' }] });
    }, (_stack, outdir) => {
      const { out, io } = capture();
      lint([outdir, '--format', 'sarif'], { ...io, readFile: (p: string) => readFileSync(p, 'utf8') }).then((code) => {
        stdout = out.stdout;
        expect(code).toBe(0);
        done();
      }, fail);
    }));
    const log = validSarif(stdout);
    const single = log.runs[0].results.find((r) => r.ruleId === 'mx-single')!;
    expect(single.level).toBe('warning');
    expect(single.locations[0].physicalLocation!.artifactLocation.uri).toMatch(/stacks\/mail\/cdk\.tf\.json$/);
    // At the resource holding the record (issue 19 consumer item 9), not only the owner name.
    expect(single.locations[0].logicalLocations[0].fullyQualifiedName).toMatch(/^cloudflare_dns_record\.mx__example_org__/);
  });

  test('plan-check: results at the record\'s Terraform address', async () => {
    const empty = { resource: {} };
    let after: object = {};
    withSynth((stack) => new GoogleWorkspaceMx(stack, 'mail', { zoneId: 'z', domain: 'example.com' }), (_s, outdir) => {
      after = JSON.parse(readFileSync(join(outdir, 'stacks', 'mail', 'cdk.tf.json'), 'utf8')) as object;
    });
    const file = join(dir, 'plan.json');
    writeFileSync(file, JSON.stringify(planBetween(after, empty, CLOUDFLARE)));
    const { out, io } = capture();
    expect(await planCheck([file, '--format', 'sarif'], { ...io, readStdin: () => '' })).toBe(1);
    const log = validSarif(out.stdout);
    expect(log.runs[0].results.map((r) => [r.ruleId, r.locations[0].logicalLocations[0].fullyQualifiedName])).toEqual([['plan-mx-removed', 'cloudflare_dns_record.mx__example_com__smtp_google_com']]);
    expect(log.runs[0].tool.driver.rules.map((r) => r.id)).toEqual(expect.arrayContaining(['plan-mx-removed', 'plan-mx-gap', 'plan-vendor-switch-no-overlap', 'plan-mail-blast-radius', 'plan-adopted-deleted', 'mx-single']));
  });

  describe('verify', () => {
    let server: ScriptedDns | undefined;
    afterEach(async () => server?.close());

    test('drift and a broken exchange as results; ok checks are not results', async () => {
      const declaration = join(dir, 'example.com.json');
      writeFileSync(declaration, JSON.stringify({ zone: 'example.com', records: [{ name: '@', type: 'MX', priority: 10, value: 'mx1.example.net' }] }));
      server = await startScriptedDns(fromRecords([{ name: 'example.com', type: 'MX', data: '20 mx9.example.net' }]));
      const { out, io } = capture();
      const code = await runVerify([declaration, '--server', server.address, '--format', 'sarif', '--timeout', '1000'], io);
      expect(code).toBe(1);
      const log = validSarif(out.stdout);
      expect(log.runs[0].results.map((r) => [r.ruleId, r.level])).toEqual(expect.arrayContaining([['verify-mx', 'error'], ['verify-exchange', 'error']]));
      expect(log.runs[0].results.every((r) => !/\(ok\)/.test(r.message.text))).toBe(true);
      const github = capture();
      await runVerify([declaration, '--server', server.address, '--format', 'github', '--timeout', '1000'], github.io);
      expect(github.out.stdout.split('\n')[0]).toMatch(/^::error file=[^,]*example\.com\.json,title=verify-mx example\.com\.::example\.com\. MX \(drift\): /);
    });
  });
});

describe('issue 19 P9: a lint that cannot read its input still writes the log an upload step needs', () => {
  interface FailedRun { results: unknown[]; invocations: Array<{ executionSuccessful: boolean; exitCode: number; toolExecutionNotifications: Array<{ level: string; message: { text: string }; locations?: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }> }> }

  test.each([
    ['a file that does not exist', () => join(dir, 'missing.zone'), /ENOENT: no such file or directory/],
    ['a zone file whose zone is unknown', () => { const path = join(dir, 'nozone.txt'); writeFileSync(path, 'www 60 IN A 192.0.2.1\n'); return path; }, /the zone name is unknown/],
  ])('%s: --format sarif is a valid log with the error as a tool notification; exit 2', async (_what, input, error) => {
    const path = input();
    const { code, stdout, stderr } = await runBin(['lint', path, '--format', 'sarif']);
    expect(code).toBe(2);
    expect(stderr).toMatch(error);
    const run = validSarif(stdout).runs[0] as unknown as FailedRun;
    expect(run.results).toEqual([]);
    expect(run.invocations).toEqual([{ executionSuccessful: false, exitCode: 2, toolExecutionNotifications: [{ level: 'error', message: { text: expect.stringMatching(error) }, locations: [{ physicalLocation: { artifactLocation: { uri: path } } }] }] }]);
  });

  test('--format github: one ::error command at the file with the message', async () => {
    const path = join(dir, 'missing.zone');
    const { code, stdout } = await runBin(['lint', path, '--format', 'github']);
    expect(code).toBe(2);
    expect(stdout).toBe(`::error file=${path},title=lint-failed .::ENOENT: no such file or directory, open '${path}'\n`);
  });

  test('plan-check of a plan file that does not exist: the same SARIF failure log', async () => {
    const path = join(dir, 'missing-plan.json');
    const { code, stdout } = await runBin(['plan-check', path, '--format', 'sarif']);
    expect(code).toBe(2);
    const run = validSarif(stdout).runs[0] as unknown as FailedRun;
    expect(run.invocations[0]).toMatchObject({ executionSuccessful: false, exitCode: 2, toolExecutionNotifications: [{ level: 'error', message: { text: expect.stringContaining('missing-plan.json') } }] });
  });
});

describe('issue 19 consumer item 9: findings about records carry where the record is written', () => {
  const zoneText = ['$TTL 3600', '@ IN MX 10 mx', '@ TXT "v=spf1 mx -all"', '_dmarc TXT "v=DMARC1; p=reject"', 'mx CNAME other.example.net.', '', 'bad\\032name MX 10 mx.example.net.', ''].join('\n');

  test('lint of a zone file: a rule finding in text, GitHub and SARIF names the file and the record\'s line; record-invalid names its line, not records[n]', async () => {
    const zone = join(dir, 'placed.example.com.zone');
    writeFileSync(zone, zoneText);
    const text = await runBin(['lint', zone, '--zone', 'example.com']);
    expect(text.stdout).toContain(`mx-target-cname  ${zone}:2: MX 10 mx.example.com: the exchange is a CNAME`);
    expect(text.stdout).toContain(`record-invalid  ${zone}:7: owner name "bad\\032name.example.com."`);
    expect(text.stdout).not.toContain('records[');
    const github = await runBin(['lint', zone, '--zone', 'example.com', '--format', 'github']);
    expect(github.stdout).toMatch(/^::error file=[^,]*placed\.example\.com\.zone,line=2,title=mx-target-cname example\.com\.::/m);
    expect(github.stdout).toMatch(/^::error file=[^,]*placed\.example\.com\.zone,line=7,title=record-invalid /m);
    const run = validSarif((await runBin(['lint', zone, '--zone', 'example.com', '--format', 'sarif'])).stdout).runs[0];
    const lines = Object.fromEntries(run.results.map((r) => [r.ruleId, r.locations[0].physicalLocation?.region?.startLine]));
    expect(lines).toEqual({ 'mx-target-cname': 2, 'mx-single': 2, 'record-invalid': 7 });
    const json = JSON.parse((await runBin(['lint', zone, '--zone', 'example.com', '--format', 'json'])).stdout) as Array<{ rule: string; file?: string; line?: number }>;
    expect(json.find((f) => f.rule === 'mx-target-cname')).toMatchObject({ file: zone, line: 2 });
  });

  test('lint of cdktf output: SARIF results at the resource address in cdk.tf.json, with the line where the resource starts', async () => {
    const outdir = join(dir, 'placed.out');
    const app = new App({ outdir });
    const stack = newStack('mail', app);
    new MxRecords(stack, 'corp', { zoneId: '${var.corp_zone_id}', domain: 'corp.example', records: [{ priority: 10, exchange: 'mx.example.net' }] });
    app.synth();
    const run = validSarif((await runBin(['lint', outdir, '--format', 'sarif'])).stdout).runs[0];
    const single = run.results.find((r) => r.ruleId === 'mx-single')!;
    const address = single.locations[0].logicalLocations[0].fullyQualifiedName!;
    expect(address).toMatch(/^cloudflare_dns_record\.\S+$/);
    const location = single.locations[0].physicalLocation!;
    expect(location.artifactLocation.uri).toMatch(/placed\.out\/stacks\/mail\/cdk\.tf\.json$/);
    const written = readFileSync(join(outdir, 'stacks', 'mail', 'cdk.tf.json'), 'utf8').split('\n');
    expect(written[location.region!.startLine - 1].trim()).toBe(`${JSON.stringify(address.split('.')[1])}: {`);
  });
});

describe('--format github', () => {
  test('lint of a zone file: one workflow command per finding, with file and line', async () => {
    const zone = join(dir, 'example.net.zone');
    writeFileSync(zone, '$TTL 3600\n@ IN MX 10 mx.example.org.\nwww IN ALIAS example.org.\n');
    const { out, io } = capture();
    expect(await lint([zone, '--format', 'github'], { ...io, readFile: (p: string) => readFileSync(p, 'utf8') })).toBe(1);
    const lines = out.stdout.trimEnd().split('\n');
    expect(lines.every((line) => /^::(error|warning|notice) /.test(line))).toBe(true);
    expect(lines).toContainEqual(expect.stringMatching(/^::error file=[^,]*example\.net\.zone,line=3,title=zone-file-unreadable example\.net\.::/));
    expect(lines).toContainEqual(expect.stringMatching(/^::warning file=[^,]*example\.net\.zone,line=2,title=mx-single example\.net\.::/));
  });

  test('escapes what the runner reads as syntax: % CR LF in data, and : , in properties', () => {
    expect(toGithub([{ rule: 'r', severity: 'info', name: 'a.example.', message: '100% sure\r\nnext', file: 'dir,x/a:b.json', line: 2 }])).toBe(
      '::notice file=dir%2Cx/a%3Ab.json,line=2,title=r a.example.::100%25 sure%0D%0Anext\n',
    );
  });
});
