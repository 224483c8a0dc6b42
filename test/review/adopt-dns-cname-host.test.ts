import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runImport } from '../../lib/cli/import';
import { startScriptedDns } from '../verify/scripted-dns';

/**
 * Review defect: `cdktf-mx import --from dns`, an in-zone MX host that is a CNAME. A recursive
 * resolver answers the A query with the CNAME and the target's address (RFC 1034 §4.3.2); the
 * DNS client follows the chain and the source records the TARGET's address as an A record AT
 * the MX host. The generated app publishes `mail.odd.example A 198.51.100.7` where the live
 * zone has `mail.odd.example CNAME host.example.net` (README: adoption keeps "A/AAAA (or CNAME)
 * of MX hosts inside the zone" as they are), and the live mx-target-cname error is not reported.
 */
describe('review: import --from dns, an MX host that is a CNAME', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cdktf-mx-review-dns-cname-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('DEFECT adopt-dns-cname-host: the CNAME is adopted as a CNAME, never as an A record at the host', async () => {
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
