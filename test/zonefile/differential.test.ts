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
];

describe('the reader loads what named-checkzone -D loads', () => {
  test.each(LOADED)('%s (%s): %s', (file, origin) => {
    const bind = bindLoad(path(file), origin);
    expect(bind.messages).toContain('OK');
    expect(bind.ok).toBe(true);
    const ours = ourLoad(path(file), origin);
    expect(ours.records).toEqual(bind.records);
    expect(ours.read.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(ours.read.zone).toBe(origin);
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
