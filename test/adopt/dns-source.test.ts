import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runImport } from '../../lib/cli/import';
import { KnotServer, silentServer, startKnot } from '../real-dns/knot';
import { describeWithTool } from '../real-dns/tools';

const ZONE = `$ORIGIN fm.example.
@ 300 IN SOA ns.invalid. hostmaster.invalid. 1 7200 3600 1209600 300
@ 300 IN NS ns.invalid.
@ 900 IN MX 10 in1-smtp.messagingengine.com.
@ 900 IN MX 20 in2-smtp.messagingengine.com.
@ 900 IN TXT "v=spf1 include:spf.messagingengine.com ?all"
@ 900 IN TXT "some-other-verification=1"
_dmarc 7200 IN TXT "v=DMARC1; p=none"
fm1._domainkey 900 IN CNAME fm1.fm.example.dkim.fmhosted.com.
fm2._domainkey 900 IN CNAME fm2.fm.example.dkim.fmhosted.com.
fm3._domainkey 900 IN CNAME fm3.fm.example.dkim.fmhosted.com.
www 300 IN A 192.0.2.80
`;
const SELF = `$ORIGIN self.example.
@ 300 IN SOA ns.invalid. hostmaster.invalid. 1 7200 3600 1209600 300
@ 300 IN NS ns.invalid.
@ 300 IN MX 10 mail.self.example.
mail 1800 IN A 192.0.2.25
mail 600 IN AAAA 2001:db8::25
`;

describeWithTool('knotd', 'cdktf-mx import --from dns against a real DNS server (Knot)', (knotd) => {
  let server: KnotServer;
  let dir: string;
  beforeAll(async () => {
    server = await startKnot(knotd, [{ apex: 'fm.example', text: ZONE }, { apex: 'self.example', text: SELF }]);
    dir = mkdtempSync(join(tmpdir(), 'cdktf-mx-import-dns-'));
  });
  afterAll(async () => {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const run = async (args: string[]) => {
    let stderr = '';
    const code = await runImport(args, { stdout: { write: () => true }, stderr: { write: (t: string) => (stderr += t) }, env: {} });
    return { code, stderr };
  };

  test('MX, SPF, DMARC and the vendor\'s DKIM names by lookup become the vendor construct with the TTLs the server answered; no import ids', async () => {
    const out = join(dir, 'fm.ts');
    const { code, stderr } = await run(['fm.example', '--from', 'dns', '--server', server.address, '--out', out]);
    expect({ code, stderr }).toEqual({ code: 0, stderr: expect.stringContaining(`wrote ${out}`) });
    const text = readFileSync(out, 'utf8');
    expect(text).toMatch(/new FastmailMx\(this, 'mail', \{\s+zoneId,\s+domain,\s+companions: \{ dkim: true, spf: true \},\s+ttl: 900,\s+\}\);/);
    expect(text).toMatch(/content: '"v=DMARC1; p=none"',\s+ttl: 7200\b/);
    expect(text).not.toContain('3600');
    expect(text).not.toContain('importFrom');
    expect(stderr).toContain('left out 1 record that is not mail:\n  fm.example TXT some-other-verification=1');
    // Asked of the zone's own server: its TTLs are the zone's, nothing to say about them.
    expect(stderr).not.toContain('TTLs');
  });

  test('A/AAAA of in-zone exchanges are looked up', async () => {
    const out = join(dir, 'self.ts');
    expect((await run(['self.example', '--from', 'dns', '--server', server.address, '--out', out])).code).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text).toMatch(/name: 'mail\.self\.example',\s+type: 'A',\s+content: '192\.0\.2\.25',\s+ttl: 1800\b/);
    expect(text).toMatch(/name: 'mail\.self\.example',\s+type: 'AAAA',\s+content: '2001:db8::25',\s+ttl: 600\b/);
  });

  test('a name server that does not answer fails the import and writes nothing', async () => {
    const silent = await silentServer();
    try {
      const out = join(dir, 'silent.ts');
      const { code, stderr } = await run(['fm.example', '--from', 'dns', '--server', silent.address, '--timeout', '500', '--out', out]);
      expect(code).toBe(2);
      expect(stderr).toMatch(/DNS lookup of MX fm\.example failed: no answer for fm\.example within 500 ms/);
      expect(existsSync(out)).toBe(false);
    } finally {
      await silent.close();
    }
  });

  test('a domain with no mail records writes nothing', async () => {
    const out = join(dir, 'none.ts');
    const { code, stderr } = await run(['www.fm.example', '--from', 'dns', '--server', server.address, '--out', out]);
    expect(code).toBe(2);
    expect(stderr).toContain('www.fm.example has no mail records in DNS lookups');
    expect(existsSync(out)).toBe(false);
  });
});
