import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bindLines, bindLoad, ourLoad } from './bind';

/**
 * Differential test against BIND: every record `named-checkzone -D` loads from each file
 * of the corpus is read identically (owner, TTL, type, data), and a file BIND refuses
 * gives problems on (at least) the lines BIND names.
 */
const DIR = join(__dirname, '..', 'fixtures', 'zone-files');
const path = (name: string) => join(DIR, name);

const LOADED: ReadonlyArray<[file: string, origin: string, what: string]> = [
  ['corp.example.org.zone', 'example.org', 'Google Workspace + M365 corp zone: DKIM 2048 split strings, SES and date DKIM owners, digit owners, class before TTL, TTL units, unquoted TXT, parentheses around the owner, IDN, wildcard, $ORIGIN sections'],
  ['route53.example.net.zone', 'example.net', 'Route 53-style export: absolute names, AWS validation CNAMEs, SRV, CAA, uncompressed IPv6'],
  ['generated.example.com.zone', 'example.com', '$GENERATE with modifiers and steps, $INCLUDE with and without origin'],
  ['web.example.com.zone', 'example.com', 'a few hundred web records, inherited owners, mixed TTLs'],
  ['rfc1035-ttl.example.com.zone', 'example.com', 'no $TTL with an SOA TTL (the last TTL goes on), duplicate records, "\\"-newline in quotes, CLASS1'],
  ['cr-only.example.com.zone', 'example.com', 'CR-only line ends'],
];

describe('the reader loads what named-checkzone -D loads', () => {
  test.each(LOADED)('%s (%s): %s', (file, origin) => {
    const bind = bindLoad(path(file), origin);
    expect(bind.messages).toContain('OK');
    expect(bind.ok).toBe(true);
    const ours = ourLoad(path(file), origin);
    expect(ours.records).toEqual(bind.records);
    // BIND loads an identical record once: so does the reader (no copy for a rule to count twice).
    expect(ours.read.records).toHaveLength(bind.records.length);
    expect(ours.read.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(ours.read.zone).toBe(origin);
  });

  test('RFC 1035 TTLs, duplicates: what the reader says on each line', () => {
    const ours = ourLoad(path('rfc1035-ttl.example.com.zone'), 'example.com').read;
    expect(ours.problems.map((p) => `${p.line} ${p.severity} ${p.message}`)).toEqual([
      '9 warning TTL 300 differs from 3600 of the MX record before it at example.com.; an RRset has one TTL (RFC 2181 §5.2), read as 3600 as BIND does',
      '14 warning TTL 300 differs from 3600 of the MX records at example.com. further up; an RRset has one TTL (RFC 2181 §5.2), and BIND gives them all 300, the later one',
      '14 warning the same MX record at example.com. is written further up; BIND loads it once, so it is read once',
      '16 warning the same TXT record at example.com. is written further up; BIND loads it once, so it is read once',
    ]);
    expect(ours.records.filter((r) => r.type === 'MX').map((r) => `${r.ttl} ${r.data} line ${r.line}`)).toEqual(['300 10 mx1.example.com. line 8', '300 20 mx2.example.com. line 9']);
    expect(ours.records.find((r) => r.name === 'note.example.com.')!.strings).toEqual(['line one\nline two']);
  });

  test('the corpus is not trivial: every feature the brief lists is in it', () => {
    const records = LOADED.flatMap(([file, origin]) => bindLoad(path(file), origin).records);
    expect(records.length).toBeGreaterThan(500);
    for (const expected of [
      /^20161025\._domainkey\.example\.org\. 3600 TXT "v=DKIM1/, // digit owner
      /^4fzlqsc7s4z2ipqnmfsrlsdxkbvxsmlo\._domainkey\.example\.org\. 1800 CNAME /, // SES DKIM owner
      /^300\.example\.org\. 3600 A 192\.0\.2\.30$/,
      /^example\.org\. 300 CAA 0 issue "letsencrypt\.org"$/, // class before TTL
      /^google\._domainkey\.example\.org\. 3600 TXT "v=DKIM1; k=rsa; p=\S+" "\S+"$/, // split 2048-bit key
      /^parked\.example\.org\. 3600 TXT "v=spf1" "-all"$/, // unquoted words, each a string
      /^intranet\.example\.org\. 3600 A 10\.1\.2\.3$/, // ( owner )
      /^xn--bcher-kva\.example\.org\. /,
      /^\*\.apps\.example\.org\. 600 CNAME /,
      /^pool020\.example\.com\. 300 CNAME dyn-11\.example\.com\.$/, // $GENERATE
      /^acme\.customers\.example\.com\. 86400 CNAME /, // $INCLUDE with origin
      /^ipv6\.example\.net\. 300 AAAA 2001:db8::ff00:42:8329$/,
    ]) {
      expect(records.some((r) => expected.test(r))).toBe(true);
    }
  });
});

describe('Cloudflare dashboard export', () => {
  const file = path('cloudflare-export.zone');
  const text = readFileSync(file, 'utf8');

  test('BIND refuses its SOA (owner without trailing dot); the reader reads it as the apex and says so on that line', () => {
    const bind = bindLoad(file, 'example.com');
    expect(bind.ok).toBe(false);
    expect(bind.messages).toMatch(/:30: SOA record not at top of zone \(example\.com\.example\.com\)/);
    const ours = ourLoad(file, 'example.com');
    expect(ours.read.problems).toEqual([{ severity: 'warning', line: 30, file, name: 'example.com.', message: expect.stringContaining('no trailing dot; read as the apex example.com.') }]);
  });

  test('with the SOA owner written absolute, BIND loads exactly the records the reader read from the export', () => {
    const fixed = text.replace(/^example\.com\t3600\tIN\tSOA/m, 'example.com.\t3600\tIN\tSOA');
    expect(fixed).not.toBe(text);
    const bind = bindLoad(file, 'example.com', fixed);
    expect(bind.ok).toBe(true);
    expect(ourLoad(file, 'example.com').records).toEqual(bind.records);
  });

  test('cf_tags=cf-proxied marks proxied records; the zone comes from the SOA when no origin is given', () => {
    const ours = ourLoad(file, 'example.com').read;
    const proxied = ours.records.filter((r) => r.proxied !== undefined).map((r) => `${r.name} ${r.type} ${r.proxied}`);
    expect(proxied).toEqual(['example.com. A true', 'mail.example.com. A true', 'shop.example.com. A false', 'www.example.com. A true', 'example.com. AAAA true', 'autoconfig.example.com. CNAME false', 'blog.example.com. CNAME false']);
    const { readZoneFile } = require('../../lib/zonefile') as typeof import('../../lib/zonefile');
    expect(readZoneFile(text).zone).toBe('example.com');
  });
});

describe('what BIND refuses, the reader refuses (an error on the line)', () => {
  const head = ['$TTL 600', 'example.com. IN SOA ns1.example.com. h.example.com. 1 7200 900 1209600 86400', '@ NS ns1', 'ns1 A 192.0.2.1'];
  test.each([
    ['a second SOA', [...head, '@ SOA ns2.example.com. h.example.com. 2 7200 900 1209600 86400', 'x A 192.0.2.2'], 5, /multiple RRs of singleton type/, /^a second SOA record at example\.com\.: the SOA RRset holds one record/],
    ['a second CNAME', [...head, 'w CNAME a', 'w CNAME b', 'x A 192.0.2.2'], 6, /multiple RRs of singleton type/, /^a second CNAME record at w\.example\.com\./],
    ['an indented $TTL', [...head, '  $TTL 300', 'x A 192.0.2.2'], 5, /:5: unknown RR type '\$TTL'/, /^\$TTL after a blank: a directive must start in the first column/],
    ['an indented $ORIGIN', [...head, '\t$ORIGIN sub.example.com.', 'x A 192.0.2.2'], 5, /:5: unknown RR type '\$ORIGIN'/, /^\$ORIGIN after a blank/],
  ])('%s', (_what, lines, line, bindSays, weSay) => {
    const text = `${lines.join('\n')}\n`;
    const bind = bindLoad(path('broken.example.com.zone'), 'example.com', text);
    expect(bind.ok).toBe(false);
    expect(bind.messages).toMatch(bindSays);
    const ours = ourLoad(path('broken.example.com.zone'), 'example.com', text).read;
    expect(ours.problems.filter((p) => p.severity === 'error').map((p) => [p.line, p.message])).toEqual([[line, expect.stringMatching(weSay)]]);
  });

  test('the same files, identical duplicates aside, load when the refused line is gone', () => {
    const text = `${[...head, 'x A 192.0.2.2'].join('\n')}\n`;
    expect(bindLoad(path('broken.example.com.zone'), 'example.com', text).records).toEqual(ourLoad(path('broken.example.com.zone'), 'example.com', text).records);
  });

  test('a CR-only file with a comment: BIND reads the rest of the file as the comment; the reader says so', () => {
    const text = ['$TTL 600', '; a comment', 'example.com. IN SOA ns1.example.com. h.example.com. 1 7200 900 1209600 86400', '@ NS ns1', 'ns1 A 192.0.2.1', ''].join('\r');
    const bind = bindLoad(path('broken.example.com.zone'), 'example.com', text);
    expect(bind.messages).toMatch(/has 0 SOA records/);
    const ours = ourLoad(path('broken.example.com.zone'), 'example.com', text).read;
    expect(ours.records).toEqual([]);
    expect(ours.problems).toEqual([expect.objectContaining({ severity: 'warning', line: 1, message: expect.stringContaining('the 3 CR-separated line(s) after it are comment text to BIND') })]);
  });
});

describe('files named-checkzone refuses give problems on the lines it names', () => {
  test.each([
    ['broken.example.com.zone', 'example.com'],
    ['login-page.html', 'example.com'],
  ])('%s', (file, origin) => {
    const bind = bindLoad(path(file), origin);
    expect(bind.ok).toBe(false);
    const ours = ourLoad(path(file), origin).read;
    const ourLines = new Set(ours.problems.filter((p) => p.severity === 'error').map((p) => p.line));
    const lastLine = readFileSync(path(file), 'utf8').split('\n').length - 1;
    const named = bindLines(bind.messages, file);
    expect(named.length).toBeGreaterThan(2);
    for (const line of named) {
      // BIND names an unclosed "(" at the end of the file; the reader names the line it opened on.
      if (line > lastLine) expect(ours.problems.some((p) => /never closed before the end of the file/.test(p.message))).toBe(true);
      else expect([line, ourLines.has(line)]).toEqual([line, true]);
    }
  });

  test('the broken file: what each problem says, and the records around them still read', () => {
    const ours = ourLoad(path('broken.example.com.zone'), 'example.com').read;
    expect(ours.problems.map((p) => `${p.line} ${p.message}`)).toEqual([
      '7 "192.0.2.300" is not an IPv4 address',
      expect.stringMatching(/^8 ALIAS is a DNS host's own record type/),
      expect.stringMatching(/^9 unknown record type "CH"/),
      '10 a quoted string is not closed on its line (unbalanced quotes)',
      '11 MX preference must be a number from 0 to 65535, not "mail"',
      '12 CNAME takes one name here, not 2 words ("legacy.example.net. extra")',
      '13 a "(" opened on this line is never closed before the end of the file (line 15); the entry is not read',
    ]);
    expect(ours.records.map((r) => `${r.name} ${r.type}`)).toEqual(['example.com. SOA', 'example.com. NS', 'ns1.example.com. A', 'example.com. MX']);
  });

  test('a binary file (gzip) stops at the first NUL with one problem', () => {
    const bytes = readFileSync(path('corp.example.org.zone.gz'));
    expect(bindLoad(path('corp.example.org.zone.gz'), 'example.org').ok).toBe(false);
    const ours = ourLoad(path('corp.example.org.zone.gz'), 'example.org', bytes.toString('utf8')).read;
    expect(ours.records).toEqual([]);
    expect(ours.problems).toEqual([expect.objectContaining({ severity: 'error', line: 1, message: expect.stringContaining('binary data') })]);
  });
});
