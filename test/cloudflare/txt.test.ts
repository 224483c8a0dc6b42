import fc from 'fast-check';
import { fromCloudflareTxt, toCloudflareTxt } from '../../lib/cloudflare/txt';

describe('TXT content for Cloudflare', () => {
  test('short text is one quoted string', () => {
    expect(toCloudflareTxt('v=spf1 -all')).toBe('"v=spf1 -all"');
    expect(toCloudflareTxt('')).toBe('""');
  });

  test('quotes and backslashes are escaped', () => {
    expect(toCloudflareTxt('say "hi" \\ bye')).toBe('"say \\"hi\\" \\\\ bye"');
  });

  test('text longer than 255 octets is split into 255-octet strings separated by a space', () => {
    const dkim = `v=DKIM1; k=rsa; p=${'A'.repeat(400)}`;
    const content = toCloudflareTxt(dkim);
    const strings = content.match(/"[^"]*"/g)!;
    expect(strings.map((s) => s.length - 2)).toEqual([255, dkim.length - 255]);
    expect(content).toBe(strings.join(' '));
  });

  test('never cuts a multi-byte character at the 255-octet boundary', () => {
    const text = `${'a'.repeat(254)}éb`;
    const strings = toCloudflareTxt(text).match(/"[^"]*"/g)!;
    expect(strings).toEqual([`"${'a'.repeat(254)}"`, '"éb"']);
    expect(fromCloudflareTxt(toCloudflareTxt(text))).toBe(text);
  });

  test('reading back gives the text, for quoted and plain content', () => {
    expect(fromCloudflareTxt('"v=spf1 " "-all"')).toBe('v=spf1 -all');
    expect(fromCloudflareTxt('v=spf1 -all')).toBe('v=spf1 -all');
    expect(fromCloudflareTxt('"a\\"b"')).toBe('a"b');
  });

  test('round trip for any text', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 1200 }), (text) => {
      const content = toCloudflareTxt(text);
      expect(fromCloudflareTxt(content)).toBe(text);
      for (const quoted of content.match(/"(?:[^"\\]|\\.)*"/g)!) {
        expect(Buffer.byteLength(quoted.slice(1, -1).replace(/\\(.)/g, '$1'), 'utf8')).toBeLessThanOrEqual(255);
      }
    }));
  });
});
