import { lintZone, zoneFileToLintInput } from '../../lib';

const ZONE = `; example.org, as a registrar exports it
$TTL 1h
$ORIGIN example.org.
@           IN SOA  ns1.example.org. hostmaster.example.org. (
                    2026112501 ; serial
                    7200 3600 1209600 300 )
            IN NS   ns1.example.net.
            IN MX   10 mail            ; relative exchange
            IN MX   20 backup.example.net.
            IN TXT  "v=spf1 mx " "include:_spf.example.net -all"
mail   300  IN A    192.0.2.25
            IN AAAA 2001:db8::25
_dmarc      IN TXT  "v=DMARC1; p=reject; rua=mailto:dmarc@example.org"
www         IN CNAME @
$ORIGIN eu.example.org.
@           IN MX   10 mx
@           IN MX   20 mail.example.org  ; missing trailing dot
mx     2d   IN A    192.0.2.26
`;

describe('zoneFileToLintInput (the zone-file reader + lintZone record data)', () => {
  const input = zoneFileToLintInput(ZONE);

  test('names, $ORIGIN sections, TTL units, relative and absolute data, TXT character-strings as written', () => {
    expect(input.zone).toBe('example.org');
    const shown = input.records.map((r) => `${r.name} ${r.ttl} ${r.type}${r.priority !== undefined ? ` ${r.priority}` : ''} ${r.value}`);
    expect(shown).toEqual([
      'example.org. 3600 SOA ns1.example.org. hostmaster.example.org. 2026112501 7200 3600 1209600 300',
      'example.org. 3600 NS ns1.example.net.',
      'example.org. 3600 MX 10 mail.example.org.',
      'example.org. 3600 MX 20 backup.example.net.',
      'example.org. 3600 TXT "v=spf1 mx " "include:_spf.example.net -all"',
      'mail.example.org. 300 A 192.0.2.25',
      'mail.example.org. 3600 AAAA 2001:db8::25',
      '_dmarc.example.org. 3600 TXT "v=DMARC1; p=reject; rua=mailto:dmarc@example.org"',
      'www.example.org. 3600 CNAME example.org.',
      'eu.example.org. 3600 MX 10 mx.eu.example.org.',
      'eu.example.org. 3600 MX 20 mail.example.org.eu.example.org.',
      'mx.eu.example.org. 172800 A 192.0.2.26',
    ]);
  });

  test('lintZone finds the zone-file mistakes: missing trailing dot, TTL Cloudflare refuses', () => {
    const findings = lintZone(input);
    expect(findings.filter((f) => f.severity === 'error').map((f) => `${f.rule} ${f.name}`)).toEqual([
      'cloudflare-ttl mx.eu.example.org.',
    ]);
    expect(findings.filter((f) => f.severity === 'warning').map((f) => `${f.rule} ${f.name}`)).toEqual([
      'mx-target-no-address eu.example.org.',
    ]);
    expect(findings.find((f) => f.rule === 'mx-target-no-address')?.message).toContain('mail.example.org.eu.example.org does not exist');
  });

  test('the zone comes from --zone, $ORIGIN or the SOA owner; unknown is an error', () => {
    expect(zoneFileToLintInput('@ IN MX 10 mx.example.net.', 'Example.COM.').records[0].name).toBe('example.com.');
    expect(zoneFileToLintInput('example.net. IN SOA ns1 host 1 2 3 4 5\nwww IN A 192.0.2.1\n').zone).toBe('example.net');
    expect(() => zoneFileToLintInput('www IN A 192.0.2.1')).toThrow(/--zone/);
  });

  test('a SOA without class is read as SOA; unquoted TXT words are separate strings, joined without spaces (RFC 7208 §3.3)', () => {
    const records = zoneFileToLintInput('@ SOA ns1 host 1 2 3 4 5\n@ MX 0 .\nwww 300 TXT hello world\n', 'example.com').records;
    expect(records.map((r) => `${r.type} ${r.value}`)).toEqual(['SOA ns1.example.com. host.example.com. 1 2 3 4 5', 'MX .', 'TXT "hello" "world"']);
  });
});

describe('zoneFileToLintInput: what the rules cannot check is reported', () => {
  test('TXT or MX in RFC 3597 generic form is a warning with its line, not a misread record', () => {
    const input = zoneFileToLintInput('$TTL 1h\n@ IN TXT \\# 4 03616263\n@ IN MX 10 mx.example.net.\nx IN TYPE65534 \\# 1 01\n', 'example.com');
    expect(input.records.map((r) => `${r.name} ${r.type} ${r.value}`)).toEqual(['example.com. MX mx.example.net.', 'x.example.com. TYPE65534 \\# 1 01']);
    expect(input.problems).toEqual([{ severity: 'warning', line: 2, name: 'example.com.', message: 'TXT data in generic form (\\# 4 03616263) is not decoded, so the rules do not check this record; write it in the TXT form' }]);
  });
});
