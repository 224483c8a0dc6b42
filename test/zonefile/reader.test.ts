import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { cloudflareTags, readZoneFile, readZoneFileStream, ZoneFileRecord } from '../../lib/zonefile';
import { bindLoad, ourLoad } from './bind';

const shown = (records: readonly ZoneFileRecord[]) => records.map((r) => `${r.name} ${r.ttl} ${r.type} ${r.data}`);
const problems = (text: string, origin = 'example.com') => readZoneFile(text, { origin }).problems.map((p) => `${p.severity} ${p.line}: ${p.message}`);

const dir = mkdtempSync(join(tmpdir(), 'cdktf-mx-zonefile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Write `text` and compare the reader with named-checkzone on it. */
function againstBind(name: string, text: string, origin = 'example.com') {
  const file = join(dir, name);
  writeFileSync(file, text);
  return { bind: bindLoad(file, origin), ours: ourLoad(file, origin) };
}

describe('readZoneFile: RFC 1035 §5.1 as BIND reads it', () => {
  test('escapes in names and strings, quoted owners, CRLF line ends: identical to named-checkzone', () => {
    const text = ['$TTL 300', '@ IN SOA ns1 host 1 2 3 4 5', '@ NS ns1', 'ns1 A 192.0.2.1', 'a\\.b TXT x', '\\065bc A 192.0.2.9', '"quoted" A 192.0.2.7',
      'z TXT "\\195\\169t\\195\\169" "é" "\\\\" \\; a\\ b "say \\"hi\\""', 'x TXT "a" ( ; a comment inside', '  "b" )', 'gen TYPE65534 \\# 3 010203', 'gen2 A \\# 4 c0000202', ''].join('\r\n');
    const { bind, ours } = againstBind('escapes.zone', text);
    expect(bind.ok).toBe(true);
    expect(ours.records).toEqual(bind.records);
    expect(ours.read.problems).toEqual([]);
    const z = ours.read.records.find((r) => r.name === 'z.example.com.')!;
    expect(z.strings).toEqual(['été', 'é', '\\', ';', 'a b', 'say "hi"']);
    expect(ours.read.records.find((r) => r.type === 'TYPE65534')).toMatchObject({ data: '\\# 3 010203', generic: true });
  });

  test('TTL defaults as BIND: no $TTL means the SOA minimum, then $TTL; one TTL per RRset (reported)', () => {
    const text = ['@ IN SOA ns1 host 1 2 3 4 500', '@ NS ns1', 'ns1 600 A 192.0.2.1', 'b A 192.0.2.2', '$TTL 60', 'c A 192.0.2.3', 'd 1h30M a 192.0.2.4', '  A 192.0.2.5', 'e TXT y', '   300 TXT z', ''].join('\n');
    const { bind, ours } = againstBind('ttl.zone', text);
    expect(ours.records).toEqual(bind.records);
    expect(ours.read.problems.map((p) => `${p.line} ${p.message}`)).toEqual([
      '8 TTL 60 differs from 5400 of the A record before it at d.example.com.; an RRset has one TTL (RFC 2181 §5.2), read as 5400 as BIND does',
      '10 TTL 300 differs from 60 of the TXT record before it at e.example.com.; an RRset has one TTL (RFC 2181 §5.2), read as 60 as BIND does',
    ]);
  });

  test('an RRset added to again further down takes the later TTL, as BIND serves it (earlier records too)', () => {
    const text = ['$TTL 60', '@ IN SOA ns1 host 1 2 3 4 5', '@ NS ns1', 'ns1 A 192.0.2.1', 'a 300 TXT x', 'b A 192.0.2.2', 'a 60 TXT y', 'c 60 TXT x', 'd A 192.0.2.3', 'c 300 TXT y', 'g 300 TXT x', 'g A 192.0.2.4', 'g 60 TXT y', ''].join('\n');
    const { bind, ours } = againstBind('rrset-ttl.zone', text);
    expect(ours.records).toEqual(bind.records);
    expect(ours.records).toContain('a.example.com. 60 TXT "x"');
    expect(ours.records).toContain('c.example.com. 300 TXT "x"');
    expect(ours.records).toContain('g.example.com. 300 TXT "y"');
    expect(ours.read.problems.map((p) => p.line)).toEqual([7, 10, 13]);
    expect(ours.read.problems[0].message).toBe('TTL 60 differs from 300 of the TXT records at a.example.com. further up; an RRset has one TTL (RFC 2181 §5.2), and BIND gives them all 60, the later one');
  });

  test('a UTF-8 byte order mark is not part of the first owner', () => {
    expect(shown(readZoneFile('\uFEFFwww 300 IN A 192.0.2.1\n', { origin: 'example.com' }).records)).toEqual(['www.example.com. 300 A 192.0.2.1']);
  });

  test('owners in the first column are owners, whatever they look like', () => {
    const read = readZoneFile('$TTL 1h\n300 IN A 192.0.2.1\n1mx 600 IN A 192.0.2.2\n20161025._domainkey IN TXT "v=DKIM1; p=x"\n', { origin: 'example.com' });
    expect(shown(read.records)).toEqual(['300.example.com. 3600 A 192.0.2.1', '1mx.example.com. 600 A 192.0.2.2', '20161025._domainkey.example.com. 3600 TXT "v=DKIM1; p=x"']);
  });

  test('every line that cannot be read is a problem with its line number', () => {
    expect(problems('$TTL 1h\n  IN A 192.0.2.1\nwww IN A\nwww IN CH A 192.0.2.1\nwww 300 600 A 192.0.2.1\n$FOO bar\nmail IN MX 70000 mx\nx IN TXT "' + 'a'.repeat(256) + '"\nout.example.net. IN A 192.0.2.1\na..b IN A 192.0.2.1\n)\n$GENERATE 1-2 n${0,2,n} PTR x\n$GENERATE 5-1 h$ A 192.0.2.$\n$INCLUDE other.zone\n')).toEqual([
      'error 2: the line starts with a blank, so it repeats the owner of the record before, but there is none; put the owner name in the first column',
      'error 3: A record has no data',
      'error 4: unknown record type "CH"; expected [owner] [ttl] [class] type data, e.g. "www 300 IN A 192.0.2.1"',
      'error 5: "600" where the record type belongs: a second TTL, or an owner name missing from the first column?',
      'error 6: unknown directive $FOO (known: $ORIGIN, $TTL, $INCLUDE, $GENERATE)',
      'error 7: MX preference 70000 is above 65535',
      'error 8: TXT: a character-string of 256 octets; at most 255 are allowed (split it into several quoted strings)',
      'warning 9: out.example.net. is outside the zone example.com.; BIND ignores out-of-zone data, so it is not read',
      'error 10: owner name: an empty label (two dots in a row, or a leading dot) in "a..b"',
      'error 11: a ")" closes no "("',
      'error 12: $GENERATE nibble mode (${…,n}) is not expanded by this reader; write the records out',
      'error 13: $GENERATE range 5-1 starts after it stops',
      'error 14: $INCLUDE other.zone is not followed: this reader was given no way to read other files',
    ]);
  });

  test('what BIND refuses while loading: a CNAME beside other data (noted, code for the lint rule), DS at the apex', () => {
    const read = readZoneFile('$TTL 1h\nwww IN A 192.0.2.1\nwww IN CNAME lb.example.net.\n@ IN DS 1 13 2 abcd\n', { origin: 'example.com' });
    expect(read.problems).toEqual([
      { severity: 'warning', line: 3, name: 'www.example.com.', code: 'cname-and-other-data', message: 'CNAME beside A at www.example.com.: a CNAME cannot share its name with other data (RFC 1034 §3.6.2), BIND refuses the zone ("CNAME and other data")' },
      { severity: 'error', line: 4, name: 'example.com.', message: 'DS at the zone apex example.com.: DS records belong in the parent zone (RFC 4034 §5), BIND refuses it' },
    ]);
  });

  test('$INCLUDE: missing files and files that include themselves are reported', () => {
    const files: Record<string, string> = { 'loop.inc': '$INCLUDE loop.inc\n' };
    const include = (path: string) => {
      if (!(path in files)) throw new Error(`ENOENT: no such file ${path}`);
      return files[path];
    };
    const read = readZoneFile('$TTL 1h\n$INCLUDE missing.inc\n$INCLUDE loop.inc\nwww A 192.0.2.1\n', { origin: 'example.com', file: 'main.zone', include });
    expect(read.problems.map((p) => `${p.file}:${p.line}: ${p.message}`)).toEqual([
      'main.zone:2: $INCLUDE missing.inc cannot be read: ENOENT: no such file missing.inc',
      // A problem in an included file never quotes the file's text: the line says where.
      'loop.inc:1: … … is nested more than 16 deep (a file that includes itself?)',
    ]);
    expect(shown(read.records)).toEqual(['www.example.com. 3600 A 192.0.2.1']);
  });

  test('the zone comes from the origin, the first $ORIGIN or the SOA owner; unknown is one problem', () => {
    expect(readZoneFile('$ORIGIN Example.NET.\n@ 60 IN A 192.0.2.1\n').zone).toBe('example.net');
    expect(readZoneFile('example.org. 60 IN SOA ns1 host 1 2 3 4 5\nwww 60 A 192.0.2.1\n').records[1].name).toBe('www.example.org.');
    expect(readZoneFile('www 60 IN A 192.0.2.1\nmail 60 IN A 192.0.2.2\n')).toEqual({ records: [], problems: [expect.objectContaining({ severity: 'error', line: 1, message: expect.stringContaining('--zone') })] });
  });

  test('an input that is no zone file stops after 50 unreadable lines', () => {
    const read = readZoneFile('this is prose, not DNS\n'.repeat(500), { origin: 'example.com' });
    expect(read.problems).toHaveLength(51);
    expect(read.problems[50].message).toContain('does not look like a zone file');
  });
});

describe('readZoneFileStream: the same records from chunks of any size', () => {
  test('chunks that split lines, escapes and multi-byte characters read as the whole text', async () => {
    const text = '$TTL 1h\r\n@ IN SOA ns1 host ( 1 2\r\n 3 4 5 )\r\n@ IN TXT "caf\u00e9 ; not a comment" \\065\r\n$GENERATE 1-3 h$ A 192.0.2.$\r\nlast A 192.0.2.9\rcr A 192.0.2.10\rnote TXT "one\\\r\ntwo"\n';
    const whole = readZoneFile(text, { origin: 'example.com' });
    const bytes = Buffer.from(text, 'utf8');
    for (const size of [1, 2, 3, 7, 64]) {
      const chunks: Buffer[] = [];
      for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
      const records: ZoneFileRecord[] = [];
      const result = await readZoneFileStream(Readable.from(chunks), { origin: 'example.com' }, (r) => records.push(r));
      expect(records).toEqual(whole.records);
      expect(result).toEqual({ zone: 'example.com', problems: whole.problems, records: whole.records.length, retimed: false });
    }
    expect(shown(whole.records)).toContain('example.com. 3600 TXT "caf\\195\\169 ; not a comment" "A"');
    expect(shown(whole.records).slice(-3)).toEqual(['last.example.com. 3600 A 192.0.2.9', 'cr.example.com. 3600 A 192.0.2.10', 'note.example.com. 3600 TXT "one\\010two"']);
    expect(whole.problems).toEqual([]);
  });
});

describe('$GENERATE: a bound on the records of all its lines together', () => {
  test('9 lines of 250,000 do not make 2,250,000 records: the lines past the bound are refused, each saying why', async () => {
    const lines = ['$TTL 300', '@ SOA ns1 h 1 2 3 4 5', '@ NS ns1', 'ns1 A 192.0.2.1', ...Array.from({ length: 9 }, (_, k) => `$GENERATE 0-249999 h${k}-$ A 192.0.2.1`), 'after A 192.0.2.2'];
    let count = 0;
    let last: ZoneFileRecord | undefined;
    const read = await readZoneFileStream(Readable.from([`${lines.join('\n')}\n`]), { origin: 'example.com' }, (r) => { count++; last = r; });
    expect(read.problems.map((p) => `${p.severity} ${p.line}: ${p.message}`)).toEqual([
      'error 6: $GENERATE 0-249999 would make 250000 records, and the file\'s $GENERATE lines before it made 250000: more than 262144 in all, which no real zone needs (a typo in a range?); this line is not expanded',
      ...[7, 8, 9, 10, 11, 12, 13].map((line) => expect.stringMatching(new RegExp(`^error ${line}: \\$GENERATE 0-249999 would make 250000 records`))),
    ]);
    expect(count).toBe(3 + 250_000 + 1);
    expect(last).toMatchObject({ name: 'after.example.com.', line: 14 });
  });
});

describe('comments after records', () => {
  test('the comment text is kept with its record, and cf_tags are read by one parser', () => {
    const file = readZoneFile('$ORIGIN example.com.\n$TTL 300\n@ IN TXT "a;b" ; note one cf_tags=cf-proxied:false,team:sec\nwww IN A 192.0.2.1\nmx IN A 192.0.2.2 ( ; first\n ) ; second\n');
    expect(file.records.map((r) => [r.name, r.comment])).toEqual([
      ['example.com.', 'note one cf_tags=cf-proxied:false,team:sec'],
      ['www.example.com.', undefined],
      ['mx.example.com.', 'first second'],
    ]);
    expect(file.records[0].proxied).toBe(false);
    expect(cloudflareTags(file.records[0].comment!)).toEqual({ proxied: false, note: 'note one', tags: ['team:sec'] });
    expect(cloudflareTags('only a note')).toEqual({ note: 'only a note' });
  });
});
