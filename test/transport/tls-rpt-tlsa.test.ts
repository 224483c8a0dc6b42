// TLS-RPT records (RFC 8460 §3) and TLSA fields (RFC 6698 §2, RFC 7672 §3.1).
import { isTlsRptText, parseTlsRptRecord, renderTlsRptRecord, reportUriProblem } from '../../lib/transport/tls-rpt';
import { parseTlsa, renderTlsa, smtpTlsaHost, smtpTlsaName, smtpUsageProblem, tlsaProblems } from '../../lib/transport/tlsa';

describe('TLS-RPT record', () => {
  test('renders and parses several report URIs', () => {
    const text = renderTlsRptRecord(['mailto:tls@example.com', 'https://reports.example.com/tlsrpt']);
    expect(text).toBe('v=TLSRPTv1; rua=mailto:tls@example.com,https://reports.example.com/tlsrpt');
    expect(isTlsRptText(text)).toBe(true);
    expect(parseTlsRptRecord(text)).toEqual({ record: { rua: ['mailto:tls@example.com', 'https://reports.example.com/tlsrpt'] } });
  });

  test.each([
    ['v=TLSRPTv1;', /no rua/],
    ['v=TLSRPTv1; rua=http://example.com/r', /neither mailto: nor https:/],
    ['v=TLSRPTv1; rua=mailto:nobody', /not mailto:<address>/],
    ['v=TLSRPTv1; rua=mailto:a@example.com; rua=mailto:b@example.com', /2 rua/],
    ['rua=mailto:a@example.com', /does not start with v=TLSRPTv1/],
  ])('%s is malformed', (text, problem) => {
    expect(parseTlsRptRecord(text).problem).toMatch(problem);
  });

  test('a URI with a comma or a space is refused: they separate fields and URIs', () => {
    expect(reportUriProblem('mailto:a,b@example.com')).toMatch(/percent-encode/);
    expect(reportUriProblem('https://example.com/a b')).toMatch(/percent-encode/);
    expect(reportUriProblem('https://example.com/tlsrpt')).toBeUndefined();
  });
});

describe('TLSA', () => {
  const sha256 = 'AB'.repeat(32);

  test('the owner name of an SMTP server and back', () => {
    expect(smtpTlsaName('MX1.Example.com.')).toBe('_25._tcp.mx1.example.com');
    expect(smtpTlsaHost('_25._tcp.mx1.example.com')).toBe('mx1.example.com');
    expect(smtpTlsaHost('_443._tcp.www.example.com')).toBeUndefined();
  });

  test('renders 3 1 1 <hex> with data in lower case, and parses it back (data split by spaces too)', () => {
    const tlsa = { usage: 3, selector: 1, matchingType: 1, data: sha256 };
    expect(renderTlsa(tlsa)).toBe(`3 1 1 ${'ab'.repeat(32)}`);
    expect(parseTlsa(`3 1 1 ${sha256.slice(0, 20)} ${sha256.slice(20)}`)).toEqual({ tlsa: { ...tlsa, data: 'ab'.repeat(32) }, problems: [] });
  });

  test.each([
    [{ usage: 3, selector: 1, matchingType: 1, data: 'ab'.repeat(31) }, /31 octets; matching type 1 \(SHA-256\) needs 32/],
    [{ usage: 3, selector: 1, matchingType: 2, data: 'ab'.repeat(32) }, /SHA-512\) needs 64/],
    [{ usage: 4, selector: 1, matchingType: 1, data: 'ab'.repeat(32) }, /usage 4 is not defined/],
    [{ usage: 3, selector: 2, matchingType: 1, data: 'ab'.repeat(32) }, /selector 2/],
    [{ usage: 3, selector: 1, matchingType: 0, data: 'abc' }, /not whole octets/],
    [{ usage: 3, selector: 1, matchingType: 0, data: 'xyz' }, /hexadecimal/],
  ])('%o is refused', (tlsa, problem) => {
    expect(tlsaProblems(tlsa).join('; ')).toMatch(problem);
  });

  test('SHA-512 with 64 octets and exact data of any whole length are valid', () => {
    expect(tlsaProblems({ usage: 2, selector: 0, matchingType: 2, data: 'cd'.repeat(64) })).toEqual([]);
    expect(tlsaProblems({ usage: 3, selector: 1, matchingType: 0, data: '30820122' })).toEqual([]);
  });

  test('usage 0 and 1 are not for SMTP (RFC 7672 §3.1); 2 and 3 are', () => {
    expect(smtpUsageProblem(0)).toMatch(/PKIX-TA/);
    expect(smtpUsageProblem(1)).toMatch(/PKIX-EE/);
    expect(smtpUsageProblem(2)).toBeUndefined();
    expect(smtpUsageProblem(3)).toBeUndefined();
  });

  test('a text with too few fields is refused', () => {
    expect(parseTlsa('3 1 1').problems[0]).toMatch(/usage selector matching-type data/);
  });
});
