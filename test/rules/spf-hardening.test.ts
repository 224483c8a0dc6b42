// Issue 13 items 8 and 9: SPF include loops, deep include chains and parse gaps.
import { App } from 'cdktf';
import { lintZone } from '../../lib';
import { NullMx, SpfInclude } from '../../lib';
import { nullMxSpf } from '../../lib/rules/null-mx-spf';
import { spfIncludeLoop } from '../../lib/rules/spf-include-loop';
import { spfLookupLimit } from '../../lib/rules/spf-lookup-limit';
import { spfSyntax } from '../../lib/rules/spf-syntax';
import { newStack } from '../helpers';
import { describeRule, hits } from './cases';

const txt = (name: string, value: string) => [name, 'TXT', value] as const;

describeRule(spfIncludeLoop, {
  fires: [
    { label: 'a record that includes its own name', records: [txt('@', 'v=spf1 include:example.com -all')], count: 1, at: 'example.com', message: /includes itself \(example\.com → example\.com\)/ },
    { label: 'include by FQDN with a trailing dot and other case', records: [txt('@', 'v=spf1 include:EXAMPLE.com. -all')], count: 1 },
    { label: 'a redirect= to itself', records: [txt('_spf', 'v=spf1 redirect=_spf.example.com')], count: 1, at: '_spf.example.com' },
    // %{d} is the domain being evaluated (RFC 7208 §7.2): include:%{d} is the name itself.
    { label: 'include:%{d}, the name itself through the domain macro', records: [txt('@', 'v=spf1 include:%{d} -all')], count: 1, at: 'example.com', message: /includes itself/ },
    { label: 'redirect=%{D} at a subdomain', records: [txt('_spf', 'v=spf1 redirect=%{D}')], count: 1, at: '_spf.example.com' },
    { label: 'a loop through a name built with %{d}', records: [txt('@', 'v=spf1 include:_spf.%{d} -all'), txt('_spf', 'v=spf1 include:example.com -all')], count: 2 },
    {
      label: 'a loop through three names: every name on it is reported with the loop',
      records: [txt('@', 'v=spf1 include:_a.example.com -all'), txt('_a', 'v=spf1 include:_b.example.com -all'), txt('_b', 'v=spf1 redirect=example.com')],
      count: 3,
      message: /on an include loop of 3 names \(_a\.example\.com → _b\.example\.com → example\.com → _a\.example\.com\)/,
    },
  ],
  quiet: [
    { label: 'a chain that ends', records: [txt('@', 'v=spf1 include:_a.example.com -all'), txt('_a', 'v=spf1 include:_b.example.com -all'), txt('_b', 'v=spf1 ip4:192.0.2.1 -all')] },
    { label: 'two names including one shared record (a diamond, not a loop)', records: [txt('@', 'v=spf1 include:_s.example.com -all'), txt('eu', 'v=spf1 include:_s.example.com -all'), txt('_s', 'v=spf1 ip4:192.0.2.1 -all')] },
    { label: 'an include of a name outside the zone, or through a macro', records: [txt('@', 'v=spf1 include:example.net include:%{d}.example.com -all')] },
    { label: 'a macro that depends on the message (%{i}, %{s}) is not followed', records: [txt('@', 'v=spf1 include:%{i}.%{d} include:%{s} -all')] },
    { label: 'include:_spf.%{d} at two names: each includes its own _spf, no loop', records: [txt('@', 'v=spf1 include:_spf.%{d} -all'), txt('eu', 'v=spf1 include:_spf.%{d} -all'), txt('_spf', 'v=spf1 ip4:192.0.2.1 -all'), txt('_spf.eu', 'v=spf1 ip4:192.0.2.2 -all')] },
  ],
});

describe('deep in-zone include chains (issue 13 item 8)', () => {
  const chain = (n: number, last: string) => Array.from({ length: n }, (_, i) => txt(`h${i}`, i === n - 1 ? last : `v=spf1 include:h${i + 1}.example.com -all`));

  test('5,000 includes in a row: counted without overflowing the stack, no internal-error', () => {
    const findings = lintZone({ zone: 'example.com', records: chain(5000, 'v=spf1 -all').map(([name, type, value]) => ({ name, type, value })) });
    expect(findings.filter((f) => f.rule === 'internal-error')).toEqual([]);
    const limit = findings.filter((f) => f.rule === 'spf-lookup-limit');
    // h(i) needs 4,999 - i lookups: h0 … h4988 need more than 10.
    expect(limit).toHaveLength(4989);
    expect(limit.find((f) => f.name === 'h0.example.com.')!.message).toContain('at least 4999 DNS lookups');
  });

  test('a 5,000-name loop: each name reported once with the loop cut short, no internal-error', () => {
    const found = hits(spfIncludeLoop, chain(5000, 'v=spf1 include:h0.example.com -all'));
    expect(found).toHaveLength(5000);
    expect(found[0].message).toMatch(/loop of 5000 names \(h0\.example\.com → h1\.example\.com → .* → … → h4999\.example\.com → h0\.example\.com\)/);
  });

  test('an include named twice is counted twice, as a receiver evaluates it twice; shared names are counted for each includer', () => {
    // a: 1 + 4 + mx = 6; b: 2 × (1 + 4) + a + mx + 4 × ptr = 16; c: 4.
    const records = [txt('a', 'v=spf1 include:c.example.com mx -all'), txt('b', 'v=spf1 include:c.example.com include:c.example.com a mx ptr ptr ptr ptr -all'), txt('c', `v=spf1 ${Array.from({ length: 4 }, (_, i) => `include:x${i}.example.net`).join(' ')} -all`)];
    expect(hits(spfLookupLimit, records).map((h) => [h.name, h.message.match(/at least (\d+)/)![1]])).toEqual([['b.example.com', '16']]);
  });
});

describeRule(spfSyntax, {
  fires: [
    { label: 'an unknown macro letter (exists:%{z})', records: [txt('@', 'v=spf1 exists:%{z} -all')], message: /"%\{z…\}" is not a macro letter/ },
    { label: 'an unclosed %{ (RFC 7208 §7.1)', records: [txt('@', 'v=spf1 exists:%{d.example.com -all')], message: /"%\{" is never closed/ },
    { label: 'a stray % in a domain', records: [txt('@', 'v=spf1 a:100%.example.com -all')], message: /must start a macro/ },
    { label: 'a macro letter only explanations may use (c)', records: [txt('@', 'v=spf1 -all exp=%{c}.example.com')], message: /not a macro letter/ },
    { label: 'a zero part count (%{d0})', records: [txt('@', 'v=spf1 include:%{d0}.example.net -all')], message: /must not be zero/ },
    { label: 'an IPv6 address with a zone index', records: [txt('@', 'v=spf1 ip6:fe80::1%eth0 -all')], message: /"fe80::1%eth0" is not an IPv6 address/ },
    { label: 'a tab between terms', records: [txt('@', 'v=spf1 include:_spf.example.net\t-all')], message: /tab/ },
  ],
  quiet: [
    { label: 'RFC 7208 §7.4 macro examples', records: [txt('@', 'v=spf1 exists:%{ir}.%{l1r+-}._spf.%{d} include:%{d2}.example.net a:%{h}.%% mx:%{o}%_%- -all exp=explain._spf.%{d}')] },
  ],
});

describeRule(nullMxSpf, {
  fires: [
    { label: 'leading spaces: not an SPF record (RFC 7208 §4.5)', records: [['@', 'MX', '.', 0], txt('@', '  v=spf1 -all')], message: /is not SPF: it must begin with exactly "v=spf1"/ },
    { label: 'a tab after v=spf1: not an SPF record', records: [['@', 'MX', '.', 0], txt('@', 'v=spf1\t-all')], message: /no SPF record/ },
  ],
  quiet: [{ label: 'trailing spaces are allowed (ABNF *SP)', records: [['@', 'MX', '.', 0], txt('@', 'v=spf1 -all  ')] }],
});

test('lintZone reads an unquoted TXT value with its leading spaces, so null-mx-spf fires', () => {
  const findings = lintZone({ zone: 'example.com', records: [{ name: '@', type: 'MX', priority: 0, value: '.' }, { name: '@', type: 'TXT', value: ' v=spf1 -all' }, { name: '_dmarc', type: 'TXT', value: 'v=DMARC1; p=reject' }] });
  expect(findings.map((f) => f.rule)).toEqual(['null-mx-spf']);
});

test('SpfInclude of its own domain fails synth with spf-include-loop (issue 13 item 8)', () => {
  const app = new App({ outdir: require('node:os').tmpdir() });
  const stack = newStack('loop', app);
  new NullMx(stack, 'unused', { zoneId: 'z2', domain: 'other.example' });
  new SpfInclude(stack, 'self', { zoneId: 'z1', domain: 'example.com', include: 'example.com', all: '-all' });
  expect(() => app.synth()).toThrow(/\[spf-include-loop\] example\.com/);
});
