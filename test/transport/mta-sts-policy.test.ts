// MTA-STS policy text, mx pattern matching and the policy id (RFC 8461 §3.1, §3.2, §4.1).
import {
  DEFAULT_MTA_STS_MAX_AGE, MAX_MTA_STS_MAX_AGE, mtaStsPolicyId, mxPatternMatches, mxPatternProblem, parseMtaStsPolicy, renderMtaStsPolicy,
} from '../../lib/transport/mta-sts-policy';
import { isMtaStsText, mtaStsIdProblem, parseMtaStsRecord, renderMtaStsRecord } from '../../lib/transport/mta-sts-record';

describe('MTA-STS policy text', () => {
  const policy = { mode: 'enforce' as const, mx: ['mail.example.com', '*.example.net'], maxAge: 604800 };

  test('renders RFC 8461 §3.2 lines, CRLF-terminated, in a fixed order', () => {
    expect(renderMtaStsPolicy(policy)).toBe('version: STSv1\r\nmode: enforce\r\nmx: mail.example.com\r\nmx: *.example.net\r\nmax_age: 604800\r\n');
  });

  test('parses what it renders, and the same text with LF endings', () => {
    const text = renderMtaStsPolicy(policy);
    expect(parseMtaStsPolicy(text)).toEqual({ policy, problems: [], mx: policy.mx, maxAge: 604800, mode: 'enforce' });
    expect(parseMtaStsPolicy(text.replace(/\r\n/g, '\n')).policy).toEqual(policy);
  });

  test('ignores unknown fields, lower-cases patterns and drops their trailing dot', () => {
    const parsed = parseMtaStsPolicy('version: STSv1\nmode: testing\nmx: MX1.Example.COM.\nmax_age: 86400\nextension: x\n');
    expect(parsed.problems).toEqual([]);
    expect(parsed.policy).toEqual({ mode: 'testing', mx: ['mx1.example.com'], maxAge: 86400 });
  });

  test.each([
    ['missing version', 'mode: enforce\nmx: a.example\nmax_age: 1\n', /version is missing/],
    ['wrong version', 'version: STSv2\nmode: enforce\nmx: a.example\nmax_age: 1\n', /not STSv1/],
    ['unknown mode', 'version: STSv1\nmode: strict\nmx: a.example\nmax_age: 1\n', /mode is "strict"/],
    ['max_age above one year', `version: STSv1\nmode: enforce\nmx: a.example\nmax_age: ${MAX_MTA_STS_MAX_AGE + 1}\n`, /above 31557600/],
    ['max_age not a number', 'version: STSv1\nmode: enforce\nmx: a.example\nmax_age: 1w\n', /not a number/],
    ['enforce without mx', 'version: STSv1\nmode: enforce\nmax_age: 1\n', /at least one mx/],
    ['mode twice', 'version: STSv1\nmode: enforce\nmode: testing\nmx: a.example\nmax_age: 1\n', /mode is given 2 times/],
    ['a wildcard in the middle', 'version: STSv1\nmode: enforce\nmx: mx.*.example\nmax_age: 1\n', /leading "\*\."/],
    ['a line that is not key: value', 'version: STSv1\nmode enforce\nmx: a.example\nmax_age: 1\n', /line 2/],
  ])('reports %s', (_label, text, problem) => {
    const parsed = parseMtaStsPolicy(text);
    expect(parsed.policy).toBeUndefined();
    expect(parsed.problems.join('; ')).toMatch(problem);
  });

  test('keeps max_age and mx as written when the policy is unusable, for rules to report', () => {
    const parsed = parseMtaStsPolicy('version: STSv1\nmode: enforce\nmx: a.example\nmax_age: 99999999\n');
    expect(parsed.maxAge).toBe(99999999);
    expect(parsed.mx).toEqual(['a.example']);
  });

  test('mode none needs no mx', () => {
    expect(parseMtaStsPolicy('version: STSv1\nmode: none\nmax_age: 0\n').policy).toEqual({ mode: 'none', mx: [], maxAge: 0 });
  });

  test('the default max_age is one week and within range', () => {
    expect(DEFAULT_MTA_STS_MAX_AGE).toBe(7 * 24 * 3600);
  });
});

describe('mx pattern matching (RFC 8461 §4.1)', () => {
  test.each([
    ['mail.example.com', 'mail.example.com', true],
    ['mail.example.com', 'MAIL.Example.com.', true],
    ['mail.example.com.', 'mail.example.com', true],
    ['*.example.net', 'mx1.example.net', true],
    ['*.Example.NET', 'MX1.example.net.', true],
    ['*.example.net', 'example.net', false],
    ['*.example.net', 'a.b.example.net', false],
    ['*.mail.protection.outlook.com', 'contoso-com.mail.protection.outlook.com', true],
    ['*.mail.protection.outlook.com', 'contoso-com.o-v1.mx.microsoft', false],
    ['*.mx.microsoft', 'contoso-com.o-v1.mx.microsoft', false],
    ['mail.example.com', 'mail2.example.com', false],
  ])('%s vs %s → %s', (pattern, host, expected) => {
    expect(mxPatternMatches(pattern, host)).toBe(expected);
  });

  test.each([['*.example.com', undefined], ['mail.example.com', undefined], ['*', /leading/], ['*.com', /top-level/], ['a..b', /host name/], ['-a.example', /host name/], ['**.example.com', /leading/]])(
    'pattern %s',
    (pattern, problem) => {
      const found = mxPatternProblem(pattern);
      if (problem === undefined) expect(found).toBeUndefined();
      else expect(found).toMatch(problem);
    },
  );
});

describe('policy id and the _mta-sts record (RFC 8461 §3.1)', () => {
  const text = renderMtaStsPolicy({ mode: 'enforce', mx: ['mail.example.com'], maxAge: 604800 });

  test('the id is 32 alphanumerics, stable for one text, different for another', () => {
    const id = mtaStsPolicyId(text);
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(mtaStsPolicyId(text)).toBe(id);
    expect(mtaStsPolicyId(text.replace('enforce', 'testing'))).not.toBe(id);
    expect(mtaStsIdProblem(id)).toBeUndefined();
  });

  test('renders and parses v=STSv1; id=…;', () => {
    const record = renderMtaStsRecord('20160831085700Z');
    expect(record).toBe('v=STSv1; id=20160831085700Z;');
    expect(isMtaStsText(record)).toBe(true);
    expect(parseMtaStsRecord(record)).toEqual({ record: { id: '20160831085700Z' } });
    expect(parseMtaStsRecord('v=STSv1;id=abc;ext=1')).toEqual({ record: { id: 'abc' } });
  });

  test.each([
    ['v=STSv1;', /no id/],
    ['v=STSv1; id=abc; id=def', /2 id fields/],
    ['v=STSv1; id=not-alnum', /letters and digits/],
    [`v=STSv1; id=${'a'.repeat(33)}`, /1 to 32/],
    ['id=abc; v=STSv1', /does not start with v=STSv1/],
    ['v=STSv1; id abc', /name=value/],
  ])('%s is malformed', (text, problem) => {
    expect(parseMtaStsRecord(text).problem).toMatch(problem);
  });
});
