import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bindLoad, ourLoad } from './bind';

/**
 * Differential fuzzing against BIND: random zone files from the pieces people write
 * (owners that look like TTLs, escapes, TTL/class in either order, parentheses, comments,
 * unquoted TXT, $ORIGIN/$TTL/$GENERATE, bad data). Whenever named-checkzone loads a file,
 * the reader reads the same records with no error; whenever it refuses one, the reader
 * reports an error (or the CNAME conflict). Seeded, so a failure reproduces.
 * Not generated: BIND's post-load zone checks (in-zone NS without address, NS below a
 * DNAME), which are about the zone's content, not reading it.
 */
const dir = mkdtempSync(join(tmpdir(), 'cdktf-mx-fuzz-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const owner = fc.constantFrom('@', 'www', '1mx', '300', '20161025._domainkey', 'A.B', 'x.example.com.', '*.w', '\\065b', 'a\\.b', '"q"', 'xn--bcher-kva', '');
const ttl = fc.constantFrom('', '300', '1h', '1H30m', '2d', '0', '1w');
const cls = fc.constantFrom('', 'IN', 'in');
const rdata = fc.constantFrom(
  'A 192.0.2.1', 'a 10.0.0.1', 'AAAA 2001:DB8:0::1', 'AAAA ::ffff:192.0.2.1', 'MX 10 mail', 'MX 0 .', 'mx 5 @', 'TXT "v=spf1 -all"', 'TXT v=spf1 -all',
  'TXT "a" b "c"', 'TXT ( "x"\n  "y" )', 'TXT "semi;colon" ; comment', 'TXT "esc \\"q\\" \\\\ \\059"', 'TXT "é"', 'NS ns1', 'SRV 0 5 5060 sip', 'CAA 0 issue "ca.example"',
  'CAA 0 issuewild ";"', 'PTR host.example.net.', 'TYPE65000 \\# 2 abcd', 'HINFO "PC" "Linux"', 'TXT ""', 'SPF "v=spf1 mx -all"', 'CNAME tgt.example.net.',
  'SSHFP 4 2 ( 0123456789abcdef0123456789abcdef\n 0123456789abcdef0123456789abcdef )', 'TXT "\\256"', 'TXT a\\ b', 'MX 10 a\\.b', 'A 192.0.2.256', 'AAAA 1::2::3',
  'TXT "unterminated', 'MX 70000 x', 'TLSA 3 1 1 ABCDEF', 'URI 10 1 "https://x"', 'RP host.example.com. .', 'TYPE1 \\# 4 c0000201', 'txt x y', 'SRV 1 2 3 .',
);
const record = fc.tuple(owner, ttl, cls, rdata, fc.boolean()).map(([o, t, c, r, swap]) => `${o === '' ? '   ' : o} ${(swap ? [c, t] : [t, c]).filter(Boolean).join(' ')} ${r}`);
const directive = fc.constantFrom('$TTL 60', '$TTL 1H', '$ORIGIN sub', '$ORIGIN example.com.', '$ORIGIN Other.Example.COM.', '; a comment', '', '  ; indented comment',
  '$GENERATE 1-3 g$ A 192.0.2.$', '$GENERATE 1-3/2 g${1,2,x} 30 IN CNAME t$', '$generate 1-2 $ TXT "x$"', '( paren ) 60 IN A 192.0.2.4', '\t60 A 192.0.2.7', '"with space" A 192.0.2.8');
const zone = fc.tuple(fc.array(fc.oneof({ arbitrary: record, weight: 10 }, { arbitrary: directive, weight: 3 }), { minLength: 1, maxLength: 12 }), fc.boolean());

test('random zone files: the reader agrees with named-checkzone', () => {
  let count = 0;
  let loaded = 0;
  fc.assert(
    fc.property(zone, ([lines, crlf]) => {
      const text = `${['@ IN SOA ns1 host 1 2 3 4 5', '@ IN NS ns1', 'ns1 IN A 192.0.2.53', ...lines].join(crlf ? '\r\n' : '\n')}\n`;
      const file = join(dir, `z${count++}.zone`);
      writeFileSync(file, text);
      const bind = bindLoad(file, 'example.com');
      const ours = ourLoad(file, 'example.com');
      if (!bind.ok) return ours.read.problems.some((p) => p.severity === 'error' || p.code !== undefined);
      loaded++;
      expect(ours.records).toEqual(bind.records);
      return !ours.read.problems.some((p) => p.severity === 'error');
    }),
    { numRuns: 150, seed: 20261130 },
  );
  expect(loaded).toBeGreaterThan(50);
});
