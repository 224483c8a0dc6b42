import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { formatZone } from '../../lib';
import { runVerify } from '../../lib/cli/verify';
import type { DomainReport } from '../../lib/verify/check';
import { KnotServer, startKnot } from '../real-dns/knot';
import { describeWithTool } from '../real-dns/tools';

describeWithTool('knotd', 'cdktf-mx verify --smtp against a real SMTP server on loopback', (knotd) => {
  const dir = mkdtempSync(join(tmpdir(), 'cdktf-mx-smtp-'));
  const declaration = join(dir, 'zone.json');
  const mx = [{ priority: 10, exchange: 'mx1.smtp.example' }, { priority: 20, exchange: 'mx2.smtp.example' }];
  writeFileSync(declaration, JSON.stringify({ zone: 'smtp.example', records: mx.map((m) => ({ name: '@', type: 'MX', priority: m.priority, value: m.exchange })) }));

  // mx1 is a real SMTP server on 127.0.0.1; mx2's address is loopback too, where nothing listens.
  const smtp = new SMTPServer({ name: 'mx1.smtp.example', banner: 'cdktf-mx test', logger: false, disabledCommands: ['AUTH', 'STARTTLS'] });
  let dns: KnotServer;
  let smtpPort: number;
  beforeAll(async () => {
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    smtpPort = (smtp.server.address() as AddressInfo).port;
    const zone = formatZone('smtp.example', [
      ...mx.map((m) => ({ name: 'smtp.example', type: 'MX', value: m.exchange, priority: m.priority, ttl: 300 })),
      { name: 'mx1.smtp.example', type: 'A', value: '127.0.0.1', ttl: 300 },
      { name: 'mx2.smtp.example', type: 'A', value: '127.0.0.2', ttl: 300 },
    ], { soa: true });
    dns = await startKnot(knotd, [{ apex: 'smtp.example', text: zone }]);
  });
  afterAll(async () => {
    await dns?.stop();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
    rmSync(dir, { recursive: true, force: true });
  });

  test('the greeting of a live server, and a host where nothing answers', async () => {
    let out = '';
    const io = { stdout: { write: (t: string) => (out += t) }, stderr: { write: () => true }, env: {} };
    const code = await runVerify([declaration, '--server', dns.address, '--smtp', '--smtp-port', String(smtpPort), '--timeout', '2000', '--format', 'json'], io);
    const [report] = (JSON.parse(out) as { domains: DomainReport[] }).domains;
    const smtpChecks = report.checks.filter((c) => c.check.startsWith('smtp '));
    expect(smtpChecks).toEqual([
      { check: 'smtp mx1.smtp.example.', status: 'ok', message: `127.0.0.1:${smtpPort} 220 mx1.smtp.example ESMTP cdktf-mx test` },
      { check: 'smtp mx2.smtp.example.', status: 'fail', message: `127.0.0.2:${smtpPort} connection refused` },
    ]);
    expect(code).toBe(1);
  });

  test('without --smtp nothing connects to port 25', async () => {
    let out = '';
    const io = { stdout: { write: (t: string) => (out += t) }, stderr: { write: () => true }, env: {} };
    expect(await runVerify([declaration, '--server', dns.address, '--format', 'json'], io)).toBe(0);
    expect(out).not.toContain('"smtp ');
  });
});
