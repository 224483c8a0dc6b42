import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runImport } from '../../lib/cli/import';
import { startScriptedDns } from '../verify/scripted-dns';

/**
 * `cdktf-mx import --from dns`, an in-zone MX host that is a CNAME. A recursive resolver answers
 * the A query with the CNAME and the target's address (RFC 1034 §4.3.2); read that way, the app
 * would publish the target's address as an A record at the MX host. The source asks CNAME first
 * and keeps the alias as it is live, so the live mx-target-cname error is reported.
 */
describe('import --from dns, an MX host that is a CNAME', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cdktf-mx-dns-cname-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('the CNAME is adopted as a CNAME, never as an A record at the host', async () => {
    const dns = await startScriptedDns(({ name, type }) => {
      if (name === 'odd.example' && type === 'MX') return { answers: [{ name, type: 'MX', data: '10 mail.odd.example' }, { name, type: 'MX', data: '20 mx2.example.net' }] };
      if (name === 'mail.odd.example' && (type === 'A' || type === 'AAAA')) {
        return { answers: [{ name, type: 'CNAME', data: 'host.example.net' }, ...(type === 'A' ? [{ name: 'host.example.net', type: 'A', data: '198.51.100.7' }] : [])] };
      }
      if (name === 'mail.odd.example') return { answers: [{ name, type: 'CNAME', data: 'host.example.net' }] };
      if (name === 'odd.example' || name === '_dmarc.odd.example') return { answers: [] };
      return { rcode: 3 };
    });
    const out = join(dir, 'mail.ts');
    let stderr = '';
    try {
      const code = await runImport(['odd.example', '--from', 'dns', '--server', dns.address, '--timeout', '2000', '--out', out], {
        stdout: { write: () => undefined },
        stderr: { write: (t: string) => (stderr += t) },
        env: {},
      });
      expect(code).toBe(0);
    } finally {
      await dns.close();
    }
    const text = readFileSync(out, 'utf8');
    expect(text).not.toMatch(/name: 'mail\.odd\.example', type: 'A'/);
    expect(text).toMatch(/name: 'mail\.odd\.example', type: 'CNAME', content: 'host\.example\.net'/);
    expect(stderr).toContain('mx-target-cname');
  });
});
