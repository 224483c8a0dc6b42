// verify and transport security: the policy fetched over HTTPS from a loopback server with a test CA,
// the _mta-sts id and TLSA records from a real Knot, the declaration from a real cdktf synth.
import { DnsRecord } from '@cdktf/provider-cloudflare/lib/dns-record';
import { App } from 'cdktf';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, Server } from 'node:https';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DaneTlsa, MtaSts, MxRecords, renderZone } from '../../lib';
import { runVerify } from '../../lib/cli/verify';
import type { DomainReport } from '../../lib/verify/check';
import { readSynthesizedPolicies } from '../../lib/testing/synthesized';
import { newStack } from '../helpers';
import { KnotServer, startKnot } from '../real-dns/knot';
import { describeWithTools } from '../real-dns/tools';

const DOMAINS = ['ok', 'stale', 'miss', 'tlsa', 'redirect', 'badcert', 'evil', 'big', 'html'] as const;
const DANE = '0a'.repeat(32);
const OTHER_DANE = 'b1'.repeat(32);
/** What the miss.test policy host still serves: a policy from before its MX moved. */
const OLD_POLICY = 'version: STSv1\r\nmode: enforce\r\nmx: old.miss.test\r\nmax_age: 604800\r\n';

describeWithTools(['knotd', 'openssl'], 'cdktf-mx verify: MTA-STS over HTTPS and TLSA against Knot', ({ knotd, openssl }) => {
  const work = mkdtempSync(join(tmpdir(), 'cdktf-mx-verify-sts-'));
  const outdir = join(work, 'out');
  const app = new App({ outdir });
  const stack = newStack('mail', app);
  for (const name of DOMAINS) {
    const domain = `${name}.test`;
    const zoneId = `\${var.${name}_zone_id}`;
    new MxRecords(stack, `${name}-mx`, { zoneId, domain, records: [{ priority: 10, exchange: `mail.${domain}` }] });
    new DnsRecord(stack, `${name}-a`, { zoneId, name: `mail.${domain}`, type: 'A', content: '127.0.0.1', ttl: 300 });
    new MtaSts(stack, `${name}-sts`, { zoneId, domain, mode: 'enforce' });
    if (name === 'ok' || name === 'tlsa') new DaneTlsa(stack, `${name}-dane`, { zoneId, domain, records: [{ exchange: `mail.${domain}`, data: DANE }] });
  }
  app.synth();
  const policies = new Map(readSynthesizedPolicies(outdir).map((p) => [p.name, p.text]));

  /** The live zone: rendered from the synth output, with the policy host's address and each domain's drift. */
  const liveZone = (name: (typeof DOMAINS)[number]): string => {
    const apex = `${name}.test`;
    let text = `${renderZone(outdir, apex, { soa: true })}mta-sts.${apex}. 300 IN A 127.0.0.1\n`;
    if (name === 'stale') text = text.replace(/id=[0-9a-f]{32}/, 'id=0123456789abcdef');
    if (name === 'tlsa') text = text.replace(DANE, OTHER_DANE);
    // Live text is data: an escape sequence in the record must reach no terminal.
    if (name === 'evil') text = text.replace(/"v=STSv1; id=[0-9a-f]{32};"/, '"v=STSv1; id=\\027[31mred;"');
    return text;
  };

  let knot: KnotServer | undefined;
  let https: Server | undefined;
  let port = 0;
  const caFile = join(work, 'ca.pem');
  beforeAll(async () => {
    // A test CA and a certificate it signs for every policy host but mta-sts.badcert.test.
    const run = (...args: string[]) => execFileSync(openssl, args, { cwd: work, stdio: 'pipe' });
    const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
    run('req', '-x509', ...ec, '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '1', '-subj', '/CN=cdktf-mx test CA', '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign');
    run('req', ...ec, '-keyout', 'server.key', '-out', 'server.csr', '-subj', '/CN=mta-sts.ok.test');
    writeFileSync(join(work, 'san.cnf'), `subjectAltName=${DOMAINS.filter((d) => d !== 'badcert').map((d) => `DNS:mta-sts.${d}.test`).join(',')}\n`);
    run('x509', '-req', '-in', 'server.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'server.pem', '-days', '1', '-extfile', 'san.cnf');

    https = createServer({ key: readFileSync(join(work, 'server.key')), cert: readFileSync(join(work, 'server.pem')) }, (req, res) => {
      const domain = String(req.headers.host ?? '').replace(/^mta-sts\./, '');
      const body = domain === 'miss.test' ? OLD_POLICY : policies.get(domain);
      if (req.url !== '/.well-known/mta-sts.txt' || body === undefined) res.writeHead(404).end();
      else if (domain === 'redirect.test') res.writeHead(301, { location: 'https://elsewhere.example/mta-sts.txt' }).end();
      else if (domain === 'big.test') res.writeHead(200, { 'content-type': 'text/plain' }).end(`${body}${'# padding\n'.repeat(7000)}`);
      else if (domain === 'html.test') res.writeHead(200, { 'content-type': 'text/html' }).end(body);
      else res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end(body);
    });
    await new Promise<void>((resolve, reject) => https!.once('error', reject).listen(0, '127.0.0.1', resolve));
    port = (https.address() as AddressInfo).port;
    knot = await startKnot(knotd, DOMAINS.map((name) => ({ apex: `${name}.test`, text: liveZone(name) })));
  });
  afterAll(async () => {
    await knot?.stop();
    if (https?.listening) await new Promise<void>((resolve) => https!.close(() => resolve()));
    rmSync(work, { recursive: true, force: true });
  });

  const verify = async (...args: string[]): Promise<{ code: number; out: string; reports: Map<string, DomainReport> }> => {
    let out = '';
    const io = { stdout: { write: (t: string) => (out += t) }, stderr: { write: () => true }, env: {} };
    const code = await runVerify([outdir, '--server', knot!.address, '--mta-sts-port', String(port), '--timeout', '3000', ...args], io);
    const reports = args.includes('json') ? new Map((JSON.parse(out) as { domains: DomainReport[] }).domains.map((r) => [r.domain, r])) : new Map<string, DomainReport>();
    return { code, out, reports };
  };
  const checks = (report: DomainReport | undefined) => Object.fromEntries((report?.checks ?? []).filter((c) => c.check.startsWith('MTA-STS') || c.check.startsWith('TLSA')).map((c) => [c.check, c.status]));

  test('a domain served as declared: id, policy, coverage and TLSA ok, exit 0', async () => {
    const { code, reports } = await verify('--format', 'json', '--ca', caFile, '--domain', 'ok.test');
    expect(checks(reports.get('ok.test'))).toEqual({ 'MTA-STS id': 'ok', 'MTA-STS policy': 'ok', 'MTA-STS coverage': 'ok', 'TLSA mail.ok.test': 'ok' });
    expect(code).toBe(0);
  });

  test('a stale _mta-sts id is drift, exit 1', async () => {
    const { code, reports } = await verify('--format', 'json', '--ca', caFile, '--domain', 'stale.test');
    const report = reports.get('stale.test')!;
    expect(checks(report)).toEqual({ 'MTA-STS id': 'drift', 'MTA-STS policy': 'ok', 'MTA-STS coverage': 'ok' });
    expect(report.checks.find((c) => c.check === 'MTA-STS id')!.message).toContain('live id="0123456789abcdef", declared id=');
    expect(code).toBe(1);
  });

  test('a served policy that misses the MX host: the policy differs (drift) and the exchange is uncovered (fail)', async () => {
    const { code, reports } = await verify('--format', 'json', '--ca', caFile, '--domain', 'miss.test');
    const report = reports.get('miss.test')!;
    expect(checks(report)).toEqual({ 'MTA-STS id': 'ok', 'MTA-STS policy': 'drift', 'MTA-STS coverage': 'fail' });
    expect(report.checks.find((c) => c.check === 'MTA-STS coverage')!.message).toContain('live MX mail.miss.test is matched by no mx line of the enforce policy');
    expect(report.checks.find((c) => c.check === 'MTA-STS coverage')!.message).toContain('"mx: mail.miss.test"');
    expect(code).toBe(1);
  });

  test('a TLSA record for another key is drift naming both', async () => {
    const { code, reports } = await verify('--format', 'json', '--ca', caFile, '--domain', 'tlsa.test');
    const tlsa = reports.get('tlsa.test')!.checks.find((c) => c.check === 'TLSA mail.tlsa.test')!;
    expect(tlsa.status).toBe('drift');
    expect(tlsa.message).toContain(`missing 3 1 1 ${DANE}`);
    expect(tlsa.message).toContain(`extra 3 1 1 ${OTHER_DANE}`);
    expect(code).toBe(1);
  });

  test('a redirect is not followed and a certificate for other names is refused: fail, exit 1', async () => {
    const { code, reports } = await verify('--format', 'json', '--ca', caFile, '--domain', 'redirect.test', '--domain', 'badcert.test');
    const redirect = reports.get('redirect.test')!.checks.find((c) => c.check === 'MTA-STS policy')!;
    expect(redirect).toMatchObject({ status: 'fail', message: expect.stringContaining('answered 301 (a redirect to "https://elsewhere.example/mta-sts.txt"); senders do not follow redirects') });
    const badcert = reports.get('badcert.test')!.checks.find((c) => c.check === 'MTA-STS policy')!;
    expect(badcert).toMatchObject({ status: 'fail', message: expect.stringContaining('the certificate is not valid for mta-sts.badcert.test') });
    expect(code).toBe(1);
  });

  test('a body above 64 KiB and a media type other than text/plain are refused as senders refuse them', async () => {
    const { code, reports } = await verify('--format', 'json', '--ca', caFile, '--domain', 'big.test', '--domain', 'html.test');
    expect(reports.get('big.test')!.checks.find((c) => c.check === 'MTA-STS policy')).toMatchObject({ status: 'fail', message: expect.stringContaining('larger than 65536 octets') });
    expect(reports.get('html.test')!.checks.find((c) => c.check === 'MTA-STS policy')).toMatchObject({ status: 'fail', message: expect.stringContaining('Content-Type is "text/html", not text/plain') });
    expect(code).toBe(1);
  });

  test('without --ca the test CA is not trusted: verification is never off', async () => {
    const { reports } = await verify('--format', 'json', '--domain', 'ok.test');
    expect(reports.get('ok.test')!.checks.find((c) => c.check === 'MTA-STS policy')).toMatchObject({ status: 'fail', message: expect.stringContaining('the certificate is not valid for mta-sts.ok.test') });
  });

  test('a policy host nobody answers on could not be checked: exit 2', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    let out = '';
    const code = await runVerify([outdir, '--server', knot!.address, '--mta-sts-port', String(closedPort), '--ca', caFile, '--domain', 'ok.test', '--format', 'json'], { stdout: { write: (t: string) => (out += t) }, stderr: { write: () => true } });
    const policy = (JSON.parse(out) as { domains: DomainReport[] }).domains[0].checks.find((c) => c.check === 'MTA-STS policy')!;
    expect(policy.status).toBe('error');
    expect(code).toBe(2);
  });

  test('live text is escaped in the table: an escape sequence in _mta-sts reaches no terminal', async () => {
    const { code, out } = await verify('--ca', caFile, '--domain', 'evil.test');
    expect(out).not.toContain('\u001b');
    expect(out).toContain('\\x1b[31mred');
    expect(code).toBe(1);
  });
});
