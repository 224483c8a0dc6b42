import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LintIo, run } from '../../lib/cli/lint';
import { lintZone } from '../../lib';

/** Issue 13 items 3, 4 and 5 through `cdktf-mx lint` on zone files: rule ids and exit codes. */
const dir = mkdtempSync(join(tmpdir(), 'cdktf-mx-lint-zone-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const FIXTURES = join(__dirname, '..', 'fixtures', 'zone-files');

const file = (name: string, text: string): string => {
  const path = join(dir, name);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
  return path;
};

interface Finding { rule: string; severity: string; name: string; message: string }

/** `cdktf-mx lint <argv> --format json`, with `--zone example.com` unless argv names a zone (the file names here are not zone names). */
async function lint(argv: string[]): Promise<{ code: number; findings: Finding[]; out: string; err: string }> {
  if (!argv.includes('--zone') && !argv[0].endsWith('cloudflare-export.zone')) argv = [...argv, '--zone', 'example.com'];
  let out = '';
  let err = '';
  const io: LintIo = { stdout: { write: (t: string) => (out += t) }, stderr: { write: (t: string) => (err += t) }, readFile: (path) => readFileSync(path, 'utf8'), env: {} };
  const code = await run([...argv, '--format', 'json'], io);
  return { code, findings: code === 2 ? [] : (JSON.parse(out) as Finding[]), out, err };
}

const ids = (findings: readonly Finding[]) => findings.map((f) => `${f.rule} ${f.name}`);
/** A zone with working mail, so only what a test adds produces findings. */
const HEAD = '$TTL 1h\n@ IN MX 10 mx1.example.net.\n@ IN MX 20 mx2.example.net.\n@ IN TXT "v=spf1 include:_spf.example.net -all"\n_dmarc IN TXT "v=DMARC1; p=reject"\n';

describe('item 3: owners that start with a digit are owners', () => {
  test('a DKIM selector named by date is an owner, not a TTL (no cloudflare-ttl)', async () => {
    const { code, findings } = await lint([file('dkim-date.example.com.zone', `${HEAD}20161025._domainkey IN TXT "v=DKIM1; k=rsa; p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQC"\n`)]);
    expect(ids(findings)).toEqual([]);
    expect(code).toBe(0);
  });

  test('Amazon SES DKIM owners are not read as CNAMEs at the apex', async () => {
    // As the SES console lists them: no TTL, so the owner is the only word before the class.
    const ses = ['4fzlqsc7s4z2ipqnmfsrlsdxkbvxsmlo', '7v7vs6w47njt4pimodk5mmttbegzsi6n'].map((t) => `${t}._domainkey IN CNAME ${t}.dkim.amazonses.com.\n`).join('');
    const { code, findings } = await lint([file('ses.example.com.zone', HEAD + ses)]);
    expect(ids(findings)).toEqual([]);
    expect(code).toBe(0);
  });

  test('hosts named 1mx and 300 are hosts, not the apex: an MX to 1mx has an address', async () => {
    const text = '$TTL 1h\n@ IN MX 10 1mx\n@ IN MX 20 300\n1mx IN A 192.0.2.1\n300 IN A 192.0.2.2\n@ IN TXT "v=spf1 mx -all"\n_dmarc IN TXT "v=DMARC1; p=reject"\n';
    const { code, findings } = await lint([file('digits.example.com.zone', text)]);
    expect(ids(findings)).toEqual([]);
    expect(code).toBe(0);
  });
});

describe('item 4: no record dropped silently', () => {
  test('class before TTL (@ IN 300 MX 10 mail) is read: its exchange is checked', async () => {
    const { code, findings } = await lint([file('class-ttl.example.com.zone', '$TTL 1h\n@ IN 300 MX 10 mail\nmail IN CNAME host.example.net.\n')]);
    expect(ids(findings)).toContain('mx-target-cname example.com.');
    expect(code).toBe(1);
  });

  test('$INCLUDE (relative to the zone file) and $GENERATE are read', async () => {
    file('inc/mail.inc', 'relay IN MX 10 mail\n');
    const main = file('inc/gen.example.com.zone', `${HEAD}mail IN CNAME host.example.net.\n$INCLUDE mail.inc\n$GENERATE 1-2 edge$ IN MX "10 mail"\n`);
    const { code, findings } = await lint([main]);
    expect(ids(findings.filter((f) => f.rule === 'mx-target-cname'))).toEqual(['mx-target-cname relay.example.com.', 'mx-target-cname edge1.example.com.', 'mx-target-cname edge2.example.com.']);
    expect(code).toBe(1);
  });

  test('a $INCLUDE that is missing is a zone-file-unreadable error with file and line', async () => {
    const { code, findings } = await lint([file('missing-inc.example.com.zone', `${HEAD}$INCLUDE nowhere.inc\n`)]);
    expect(findings).toEqual([{ rule: 'zone-file-unreadable', severity: 'error', name: 'example.com.', message: expect.stringMatching(/missing-inc\.example\.com\.zone:6: \$INCLUDE nowhere\.inc cannot be read: ENOENT/) }]);
    expect(code).toBe(1);
  });

  test('parentheses around the owner keep the record', async () => {
    const { findings } = await lint([file('paren.example.com.zone', '$TTL 1h\n@ IN MX 10 mail\n( mail ) IN CNAME host.example.net.\n')]);
    expect(ids(findings)).toContain('mx-target-cname example.com.');
  });

  test('an unquoted word between quoted TXT strings is kept: a null-MX domain whose SPF authorises senders', async () => {
    const text = '$TTL 1h\n@ IN MX 0 .\n@ IN TXT "v=spf1 " include:_spf.google.com " -all"\n_dmarc IN TXT "v=DMARC1; p=reject"\n';
    const { findings } = await lint([file('word.example.com.zone', text)]);
    expect(findings.find((f) => f.rule === 'null-mx-spf')?.message).toContain('"v=spf1 include:_spf.google.com -all" authorises senders');
  });

  test('lines that cannot be read are findings with line numbers; the readable rest is still checked', async () => {
    const { code, findings } = await lint([file('bad-lines.example.com.zone', `${HEAD}www IN ALIAS lb.example.net.\nmail IN A 192.0.2.300\n`)]);
    expect(findings.map((f) => `${f.rule} ${f.message.replace(/^.*\.zone:/, '')}`)).toEqual([
      expect.stringMatching(/^zone-file-unreadable 6: ALIAS is a DNS host's own record type/),
      'zone-file-unreadable 7: "192.0.2.300" is not an IPv4 address',
    ]);
    expect(code).toBe(1);
    expect((await lint([file('bad-lines.example.com.zone', `${HEAD}www IN ALIAS lb.example.net.\n`), '--rule', 'zone-file-unreadable=warning'])).code).toBe(0);
  });

  test.each([['an HTML page', 'login-page.html'], ['a binary file', 'corp.example.org.zone.gz']])('%s with --zone: exit 2, the lines listed', async (_what, name) => {
    const { code, err } = await lint([join(FIXTURES, name), '--zone', 'example.com']);
    expect(code).toBe(2);
    expect(err).toContain(`no record could be read from ${join(FIXTURES, name)}; it does not look like a zone file:`);
    expect(err).toMatch(new RegExp(`${name.replace(/\./g, '\\.')}:1: `));
  });

  test('every record outside the zone given with --zone: exit 2, each line listed', async () => {
    const { code, err } = await lint([file('other.zone', '$ORIGIN example.org.\n@ 300 IN MX 10 mx.example.org.\nmx 300 IN A 192.0.2.1\n'), '--zone', 'example.com']);
    expect(code).toBe(2);
    expect(err).toMatch(/no record could be read from \S+other\.zone:\n {2}\S+other\.zone:2: example\.org\. is outside the zone example\.com\.; BIND ignores out-of-zone data, so it is not read\n {2}\S+other\.zone:3: mx\.example\.org\. is outside/);
  });

  test('an empty zone file: exit 2', async () => {
    const { code, err } = await lint([file('empty.example.com.zone', '; nothing here\n'), '--zone', 'example.com']);
    expect(code).toBe(2);
    expect(err).toContain('(it is empty)');
  });
});

describe('standard input', () => {
  test('"-" reads a zone file from stdin; problems are placed at <stdin>:line', async () => {
    let out = '';
    const io: LintIo = { stdout: { write: (t: string) => (out += t) }, stderr: { write: () => undefined }, readFile: (path) => (path === '-' ? `${HEAD}www IN ALIAS lb.example.net.\n` : readFileSync(path, 'utf8')), env: {} };
    expect(await run(['-', '--zone', 'example.com', '--format', 'json'], io)).toBe(1);
    expect(JSON.parse(out)).toEqual([expect.objectContaining({ rule: 'zone-file-unreadable', message: expect.stringMatching(/^<stdin>:6: ALIAS/) })]);
  });
});

describe('item 5: unquoted TXT words are separate character-strings (RFC 7208 §3.3)', () => {
  test('a null-MX domain with "@ IN TXT v=spf1 -all" has no SPF record: null-mx-spf fires', async () => {
    const { findings } = await lint([file('nullmx.example.com.zone', '$TTL 1h\n@ IN MX 0 .\n@ IN TXT v=spf1 -all\n_dmarc IN TXT "v=DMARC1; p=reject"\n')]);
    expect(findings.filter((f) => f.rule === 'null-mx-spf')).toEqual([expect.objectContaining({ name: 'example.com.', message: expect.stringContaining('has a null MX (takes no mail) but no SPF record') })]);
  });

  test('several TXT records at the apex, some unquoted, one SPF: no spf-multiple', async () => {
    const text = `$TTL 1h\n@ IN MX 1 smtp.google.com.\n@ IN TXT "v=spf1 include:_spf.google.com ~all"\n@ IN TXT google-site-verification=4ibFUgB-wXLQ_S7vsXVomSTVamuOXBiVAzpR5IZ87D0\n@ IN TXT v=spf1 include:mailgun.org ~all\n@ IN TXT MS=ms52139748\n_dmarc IN TXT "v=DMARC1; p=reject"\n`;
    const { findings } = await lint([file('z014.example.com.zone', text)]);
    expect(ids(findings).filter((id) => id.startsWith('spf-'))).toEqual([]);
  });

  test('issue 19 consumer item 8: an SPF record of unquoted words is zone-file-spf-unquoted, at its file and line, with the text receivers read', async () => {
    const path = file('unquoted-spf.example.com.zone', '$TTL 1h\n@ IN MX 1 smtp.google.com.\n_dmarc IN TXT "v=DMARC1; p=reject"\n@ IN TXT v=spf1 include:_spf.google.com ~all\n');
    const { code, findings } = await lint([path]);
    expect(findings.filter((f) => f.rule === 'zone-file-spf-unquoted')).toEqual([{
      rule: 'zone-file-spf-unquoted',
      severity: 'error',
      name: 'example.com.',
      message: `${path}:4: SPF written as 3 unquoted words: each is its own string, and receivers join them without spaces, reading "v=spf1include:_spf.google.com~all", which is not an SPF record; quote the whole text: "v=spf1 include:_spf.google.com ~all"`,
    }]);
    expect(code).toBe(1);
    // Quoted, or unquoted DKIM/DMARC words (their tags need no spaces), are not flagged.
    const quoted = await lint([file('quoted-spf.example.com.zone', '$TTL 1h\n@ IN MX 1 smtp.google.com.\n_dmarc IN TXT v=DMARC1; p=reject\n@ IN TXT "v=spf1 include:_spf.google.com" " ~all"\n')]);
    expect(ids(quoted.findings).filter((id) => id.startsWith('zone-file-'))).toEqual([]);
  });
});

describe('issue 19 consumer item 8: MX 10 192.0.2.99 (an address written where the exchange belongs)', () => {
  test('is mx-target-ip on the address as written, as BIND warns "MX is an address"; not a missing relative name', async () => {
    const { code, findings } = await lint([file('mx-ip.example.com.zone', '$TTL 1h\n@ IN MX 10 192.0.2.99\n@ IN MX 20 2001:db8::25\n@ IN TXT "v=spf1 -all"\n_dmarc IN TXT "v=DMARC1; p=reject"\n')]);
    expect(findings.filter((f) => f.rule.startsWith('mx-')).map((f) => `${f.rule} ${f.message.slice(0, f.message.indexOf(':'))}`)).toEqual(['mx-target-ip MX 10 192.0.2.99', 'mx-target-ip MX 20 2001']);
    expect(findings.some((f) => f.message.includes('192.0.2.99.example.com'))).toBe(false);
    expect(code).toBe(1);
  });
});

describe("Cloudflare's dashboard export", () => {
  test('a proxied mail host gives cloudflare-proxied-mail-host, as the same records as JSON do', async () => {
    const { code, findings } = await lint([join(FIXTURES, 'cloudflare-export.zone')]);
    expect(code).toBe(1);
    const proxied = findings.filter((f) => f.rule === 'cloudflare-proxied-mail-host');
    expect(proxied).toEqual([expect.objectContaining({ severity: 'error', name: 'example.com.', message: expect.stringContaining('A 203.0.113.25 at mail.example.com is proxied') })]);
    const json = lintZone({ zone: 'example.com', records: [{ name: '@', type: 'MX', priority: 10, value: 'mail.example.com' }, { name: 'mail', type: 'A', value: '203.0.113.25', proxied: true, ttl: 1 }] });
    expect(json.filter((f) => f.rule === 'cloudflare-proxied-mail-host').map((f) => f.message)).toEqual(proxied.map((f) => f.message));
    expect(findings.find((f) => f.rule === 'zone-file-reading')?.message).toMatch(/cloudflare-export\.zone:30: the SOA owner "example\.com" has no trailing dot/);
  });
});

describe('issue 19 item 2: one RRset, one TTL (RFC 2181 §5.2)', () => {
  const mail = [
    { name: '@', type: 'TXT', value: 'v=spf1 include:_spf.example.net -all', ttl: 3600 },
    { name: '_dmarc', type: 'TXT', value: 'v=DMARC1; p=reject', ttl: 3600 },
  ];
  test('JSON zone: two MX at one name with different TTLs: rrset-ttl-mismatch (a warning: exit 1 under --strict)', async () => {
    const records = [{ name: '@', type: 'MX', priority: 10, value: 'mx1.example.net', ttl: 300 }, { name: '@', type: 'MX', priority: 20, value: 'mx2.example.net', ttl: 3600 }, ...mail];
    const path = file('rrset-ttl.json', JSON.stringify({ zone: 'example.com', records }));
    const { code, findings } = await lint([path]);
    expect(ids(findings)).toEqual(['rrset-ttl-mismatch example.com.']);
    expect(findings[0].message).toContain('300 (mx1.example.net)');
    expect(findings[0].message).toContain('3600 (mx2.example.net)');
    expect(code).toBe(0);
    expect((await lint([path, '--strict'])).code).toBe(1);
  });

  test('records of one name but different types may have different TTLs', async () => {
    const records = [{ name: '@', type: 'MX', priority: 10, value: 'mx1.example.net', ttl: 300 }, { name: '@', type: 'MX', priority: 20, value: 'mx2.example.net', ttl: 300 }, ...mail];
    const { findings } = await lint([file('rrset-ttl-types.json', JSON.stringify({ zone: 'example.com', records }))]);
    expect(ids(findings)).toEqual([]);
  });

  test('a zone file is read as BIND loads it (one TTL per RRset), with the reader\'s warning and no second finding', async () => {
    const { findings } = await lint([file('rrset-ttl.example.com.zone', '$TTL 1h\n@ 300 IN MX 10 mx1.example.net.\n@ 3600 IN MX 20 mx2.example.net.\n@ IN TXT "v=spf1 include:_spf.example.net -all"\n_dmarc IN TXT "v=DMARC1; p=reject"\n')]);
    expect(ids(findings)).toEqual(['zone-file-reading example.com.']);
  });
});
