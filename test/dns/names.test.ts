import fc from 'fast-check';
import { fqdn, isIpLiteral, isInZone, ownerNameProblems, parseHostname, resolveOwnerName, toAscii } from '../../lib/dns/names';

describe('parseHostname', () => {
  test.each([
    ['mail.example.com', 'mail.example.com'],
    ['MAIL.Example.COM.', 'mail.example.com'],
    ['  smtp.google.com  ', 'smtp.google.com'],
    ['xn--mnchen-3ya.de', 'xn--mnchen-3ya.de'],
    ['mx.münchen.de', 'mx.xn--mnchen-3ya.de'],
    ['MX.MÜNCHEN.DE.', 'mx.xn--mnchen-3ya.de'],
    ['mail.例え.jp', 'mail.xn--r8jz45g.jp'],
    ['a-b.c-d.example', 'a-b.c-d.example'],
    ['1mail.example.com', '1mail.example.com'],
    ['localhost', 'localhost'],
  ])('%s → %s', (input, ascii) => {
    expect(parseHostname(input)).toEqual({ ascii, problems: [] });
  });

  test.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['.', 'empty'],
    ['192.0.2.1', 'ip'],
    ['192.0.2.1.', 'ip'],
    ['2001:db8::25', 'ip'],
    ['[2001:db8::25]', 'ip'],
    ['mail_server.example.com', 'syntax'],
    ['*.example.com', 'syntax'],
    ['mail server.example.com', 'syntax'],
    ['mail..example.com', 'syntax'],
    ['.example.com', 'syntax'],
    ['-mail.example.com', 'syntax'],
    ['mail-.example.com', 'syntax'],
    ['mail.example.com..', 'syntax'],
    ['mail@example.com', 'syntax'],
    ['http://mail.example.com', 'syntax'],
    ['mail.example.123', 'syntax'],
    [`${'a'.repeat(64)}.example.com`, 'label-length'],
    [`${'abcdefghi.'.repeat(25)}example.com`, 'name-length'],
  ])('%j is rejected as %s', (input, code) => {
    const result = parseHostname(input);
    expect(result.problems.map((p) => p.code)).toContain(code);
    expect(result.problems.every((p) => p.detail.length > 0)).toBe(true);
  });

  test('a label of exactly 63 octets and a name of exactly 253 are accepted', () => {
    const label = 'a'.repeat(63);
    expect(parseHostname(`${label}.example.com`).problems).toEqual([]);
    const name = [label, label, label, 'b'.repeat(61)].join('.'); // 63*3 + 61 + 3 dots = 253
    expect(name).toHaveLength(253);
    expect(parseHostname(name).problems).toEqual([]);
    expect(parseHostname(`${name}x`).problems.map((p) => p.code)).toContain('name-length');
  });

  test('IDN lengths are judged after punycode', () => {
    // 30 × "ü" is 30 characters but its punycode label is longer than 63 octets.
    const result = parseHostname(`${'ü'.repeat(60)}.example`);
    expect(result.problems.map((p) => p.code)).toContain('label-length');
  });

  test('never throws and only reports known problem codes, for any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-composite', maxLength: 300 }), (input) => {
        const result = parseHostname(input);
        for (const p of result.problems) expect(['empty', 'ip', 'syntax', 'label-length', 'name-length']).toContain(p.code);
        if (result.problems.length === 0) expect(result.ascii).toMatch(/^[a-z0-9.-]+$/);
      }),
      { numRuns: 2000 },
    );
  });

  test('accepted names are stable: parsing the ASCII form gives it back', () => {
    const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,20}[a-z0-9])?$/);
    fc.assert(
      fc.property(fc.array(label, { minLength: 1, maxLength: 5 }), fc.constantFrom('com', 'net', 'example', 'de'), (labels, tld) => {
        const name = [...labels, tld].join('.');
        const first = parseHostname(name.toUpperCase() + '.');
        expect(first).toEqual({ ascii: name, problems: [] });
        expect(parseHostname(first.ascii!)).toEqual(first);
      }),
    );
  });
});

describe('isIpLiteral', () => {
  test.each(['192.0.2.1', '::1', '2001:db8::1', '[2001:db8::1]', ' 10.0.0.1 '])('%s is an IP', (v) => expect(isIpLiteral(v)).toBe(true));
  test.each(['mail.example.com', '192.0.2', '1.2.3.4.5', 'mx.192.0.2.1.example', ''])('%s is not an IP', (v) => expect(isIpLiteral(v)).toBe(false));
});

describe('resolveOwnerName', () => {
  test.each([
    ['@', 'example.com', 'example.com'],
    ['', 'example.com', 'example.com'],
    ['www', 'example.com', 'www.example.com'],
    ['mail.eu', 'Example.COM.', 'mail.eu.example.com'],
    ['EXAMPLE.com', 'example.com', 'example.com'],
    ['example.com.', 'example.com', 'example.com'],
    ['sub.example.com', 'example.com', 'sub.example.com'],
    ['other.net.', 'example.com', 'other.net'],
    ['_dmarc', 'example.com', '_dmarc.example.com'],
    ['*', 'example.com', '*.example.com'],
    ['münchen', 'example.de', 'xn--mnchen-3ya.example.de'],
    ['@', 'bücher.example', 'xn--bcher-kva.example'],
  ])('%j in %s → %s', (name, zone, expected) => {
    expect(resolveOwnerName(name, zone)).toBe(expected);
  });

  test('never throws for any name', () => {
    fc.assert(fc.property(fc.string(), fc.string(), (name, zone) => {
      expect(typeof resolveOwnerName(name, zone || 'example.com')).toBe('string');
    }));
  });
});

describe('small helpers', () => {
  test('toAscii lower-cases ASCII and punycodes Unicode, undefined for invalid IDN', () => {
    expect(toAscii('MX.Example.Com')).toBe('mx.example.com');
    expect(toAscii('bücher.de')).toBe('xn--bcher-kva.de');
    expect(toAscii('xn--a.com')).toBeUndefined();
    expect(toAscii('XN--BCHER-KVA.de')).toBe('xn--bcher-kva.de');
  });
  test('isInZone', () => {
    expect(isInZone('example.com', 'example.com')).toBe(true);
    expect(isInZone('a.example.com', 'example.com')).toBe(true);
    expect(isInZone('badexample.com', 'example.com')).toBe(false);
  });
  test('ownerNameProblems allows _ and * but not empty or long labels', () => {
    expect(ownerNameProblems('_dmarc.example.com')).toEqual([]);
    expect(ownerNameProblems('*.example.com')).toEqual([]);
    expect(ownerNameProblems('a..example.com').map((p) => p.code)).toEqual(['syntax']);
    expect(ownerNameProblems(`${'a'.repeat(64)}.com`).map((p) => p.code)).toEqual(['label-length']);
  });
  test('fqdn adds one trailing dot', () => {
    expect(fqdn('example.com')).toBe('example.com.');
    expect(fqdn('example.com.')).toBe('example.com.');
    expect(fqdn('.')).toBe('.');
  });
});
