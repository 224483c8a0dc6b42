// verify --smtp with DANE: STARTTLS to a real SMTP server on loopback (test certificate made by openssl),
// the key it presents against the declared TLSA records, the records served by Knot.
import { createHash, X509Certificate } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { formatZone } from '../../lib';
import { runVerify } from '../../lib/cli/verify';
import type { DomainReport } from '../../lib/verify/check';
import { KnotServer, startKnot } from '../real-dns/knot';
import { describeWithTools } from '../real-dns/tools';

describeWithTools(['knotd', 'openssl'], 'cdktf-mx verify --smtp: the key presented after STARTTLS against TLSA', ({ knotd, openssl }) => {
  const dir = mkdtempSync(join(tmpdir(), 'cdktf-mx-dane-smtp-'));
  const declaration = join(dir, 'zones.json');
  let dns: KnotServer | undefined;
  let smtp: SMTPServer | undefined;
  let plain: SMTPServer | undefined;
  let port = 0;
  let plainPort = 0;
  let spki = '';

  beforeAll(async () => {
    execFileSync(openssl, ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', 'mx.key', '-out', 'mx.pem', '-days', '1', '-subj', '/CN=mail.dane.test'], { cwd: dir, stdio: 'pipe' });
    const cert = readFileSync(join(dir, 'mx.pem'));
    spki = createHash('sha256').update(new X509Certificate(cert).publicKey.export({ type: 'spki', format: 'der' })).digest('hex');
    smtp = new SMTPServer({ name: 'mail.dane.test', logger: false, disabledCommands: ['AUTH'], key: readFileSync(join(dir, 'mx.key')), cert });
    plain = new SMTPServer({ name: 'mail.plain.test', logger: false, disabledCommands: ['AUTH', 'STARTTLS'] });
    await new Promise<void>((resolve) => smtp!.listen(0, '127.0.0.1', resolve));
    await new Promise<void>((resolve) => plain!.listen(0, '127.0.0.1', resolve));
    port = (smtp.server.address() as AddressInfo).port;
    plainPort = (plain.server.address() as AddressInfo).port;
    // dane.test declares the key the server has; rolled.test a key it no longer has.
    const zones = [['dane.test', spki], ['rolled.test', 'c3'.repeat(32)]].map(([apex, data]) => ({
      zone: apex,
      records: [
        { name: '@', type: 'MX', priority: 10, value: `mail.${apex}` },
        { name: 'mail', type: 'A', value: '127.0.0.1' },
        { name: '_25._tcp.mail', type: 'TLSA', value: `3 1 1 ${data}` },
      ],
    }));
    writeFileSync(declaration, JSON.stringify({ zones }));
    dns = await startKnot(knotd, zones.map((z) => ({
      apex: z.zone,
      text: formatZone(z.zone, z.records.map((r) => ({ ...r, name: r.name === '@' ? z.zone : `${r.name}.${z.zone}`, ttl: 300 })), { soa: true }),
    })));
  });
  afterAll(async () => {
    await dns?.stop();
    if (smtp) await new Promise<void>((resolve) => smtp!.close(() => resolve()));
    if (plain) await new Promise<void>((resolve) => plain!.close(() => resolve()));
    rmSync(dir, { recursive: true, force: true });
  });

  const verify = async (smtpPort: number, ...domains: string[]) => {
    let out = '';
    const io = { stdout: { write: (t: string) => (out += t) }, stderr: { write: () => true }, env: {} };
    const code = await runVerify([declaration, '--server', dns!.address, '--smtp', '--smtp-port', String(smtpPort), '--timeout', '3000', '--format', 'json', ...domains.flatMap((d) => ['--domain', d])], io);
    return { code, reports: new Map((JSON.parse(out) as { domains: DomainReport[] }).domains.map((r) => [r.domain, r])) };
  };
  const dane = (report: DomainReport | undefined) => report?.checks.find((c) => c.check.startsWith('DANE '));

  test('the key presented matches the declared 3 1 1 record: ok, exit 0', async () => {
    const { code, reports } = await verify(port, 'dane.test');
    expect(dane(reports.get('dane.test'))).toEqual({ check: 'DANE mail.dane.test', status: 'ok', message: `the key 127.0.0.1:${port} presents matches 3 1 1 ${spki}` });
    expect(reports.get('dane.test')!.checks.find((c) => c.check === 'TLSA mail.dane.test')?.status).toBe('ok');
    expect(code).toBe(0);
  });

  test('a key no declared record matches (a rollover without a new TLSA): fail naming the key in use, exit 1', async () => {
    const { code, reports } = await verify(port, 'rolled.test');
    expect(dane(reports.get('rolled.test'))).toMatchObject({ status: 'fail', message: expect.stringContaining(`presents (3 1 1 ${spki}) matches no declared DANE-EE record`) });
    expect(code).toBe(1);
  });

  test('an exchange without STARTTLS fails: DANE senders need TLS', async () => {
    const { reports } = await verify(plainPort, 'dane.test');
    expect(dane(reports.get('dane.test'))).toMatchObject({ status: 'fail', message: expect.stringContaining('does not offer STARTTLS') });
  });
});
