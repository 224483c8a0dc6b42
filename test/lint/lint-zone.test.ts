import { Finding, lintZone, LintZoneRecord } from '../../lib';

type R = LintZoneRecord;
const mx = (name: string, priority: number, value: string, ttl?: number): R => ({ name, type: 'MX', priority, value, ...(ttl !== undefined ? { ttl } : {}) });
const txt = (name: string, value: string): R => ({ name, type: 'TXT', value });
const a = (name: string, value = '192.0.2.10'): R => ({ name, type: 'A', value });
const aaaa = (name: string, value = '2001:db8::10'): R => ({ name, type: 'AAAA', value });
const cname = (name: string, value: string, proxied?: boolean): R => ({ name, type: 'CNAME', value, ...(proxied !== undefined ? { proxied } : {}) });
const dmarc = (name = '_dmarc', policy = 'reject'): R => txt(name, `v=DMARC1; p=${policy}; rua=mailto:dmarc@example.com`);

const errors = (findings: Finding[]) => findings.filter((f) => f.severity === 'error');
const ids = (findings: Finding[], severity?: Finding['severity']) => [...new Set(findings.filter((f) => !severity || f.severity === severity).map((f) => f.rule))].sort();

/** Real-world setups, as their vendors or RFCs document them: no errors, and none of the listed warnings. */
const VALID: ReadonlyArray<[label: string, zone: string, records: R[], quietAbout?: string[]]> = [
  ['Google Workspace (current)', 'example.com', [mx('@', 1, 'smtp.google.com'), txt('@', 'v=spf1 include:_spf.google.com ~all'), txt('google._domainkey', 'v=DKIM1; k=rsa; p=MIIBIjANBgkq'), txt('@', 'google-site-verification=abc123'), dmarc(), a('@'), cname('www', 'ghs.googlehosted.com')], ['mx-single', 'implicit-mx']],
  ['Google Workspace (legacy five ASPMX)', 'example.com', [mx('@', 1, 'ASPMX.L.GOOGLE.COM.'), mx('@', 5, 'ALT1.ASPMX.L.GOOGLE.COM.'), mx('@', 5, 'ALT2.ASPMX.L.GOOGLE.COM.'), mx('@', 10, 'ALT3.ASPMX.L.GOOGLE.COM.'), mx('@', 10, 'ALT4.ASPMX.L.GOOGLE.COM.'), txt('@', 'v=spf1 include:_spf.google.com ~all'), dmarc()], ['mx-priority-gap', 'mx-single', 'mx-mixed-vendors', 'mx-vendor-incomplete']],
  ['Microsoft 365', 'contoso.com', [mx('@', 0, 'contoso-com.mail.protection.outlook.com'), txt('@', 'v=spf1 include:spf.protection.outlook.com -all'), txt('@', 'MS=ms12345678'), cname('autodiscover', 'autodiscover.outlook.com'), cname('selector1._domainkey', 'selector1-contoso-com._domainkey.contoso.onmicrosoft.com'), cname('selector2._domainkey', 'selector2-contoso-com._domainkey.contoso.onmicrosoft.com'), dmarc()], ['mx-single', 'cname-coexists']],
  ['Microsoft 365 DANE host (mx.microsoft)', 'contoso.com', [mx('@', 0, 'contoso-com.o-v1.mx.microsoft'), txt('@', 'v=spf1 include:spf.protection.outlook.com -all'), dmarc()], ['mx-single']],
  ['Fastmail', 'example.net', [mx('@', 10, 'in1-smtp.messagingengine.com'), mx('@', 20, 'in2-smtp.messagingengine.com'), txt('@', 'v=spf1 include:spf.messagingengine.com ?all'), cname('fm1._domainkey', 'fm1.example.net.dkim.fmhosted.com'), cname('fm2._domainkey', 'fm2.example.net.dkim.fmhosted.com'), cname('fm3._domainkey', 'fm3.example.net.dkim.fmhosted.com'), dmarc('_dmarc', 'none')], ['mx-single', 'mx-priority-gap', 'mx-vendor-incomplete']],
  ['Proton Mail', 'example.org', [mx('@', 10, 'mail.protonmail.ch'), mx('@', 20, 'mailsec.protonmail.ch'), txt('@', 'protonmail-verification=abc'), txt('@', 'v=spf1 include:_spf.protonmail.ch ~all'), cname('protonmail._domainkey', 'protonmail.domainkey.dabc.domains.proton.ch.'), cname('protonmail2._domainkey', 'protonmail2.domainkey.dabc.domains.proton.ch.'), dmarc('_dmarc', 'quarantine')], ['mx-single', 'mx-vendor-incomplete', 'spf-terminator']],
  ['iCloud+ (equal priorities)', 'example.com', [mx('@', 10, 'mx01.mail.icloud.com'), mx('@', 10, 'mx02.mail.icloud.com'), txt('@', 'v=spf1 include:icloud.com ~all'), cname('sig1._domainkey', 'sig1.dkim.example.com.at.icloudmailadmin.com'), dmarc()], ['mx-priority-gap', 'mx-single']],
  ['Zoho EU', 'example.eu', [mx('@', 10, 'mx.zoho.eu'), mx('@', 20, 'mx2.zoho.eu'), mx('@', 50, 'mx3.zoho.eu'), txt('@', 'v=spf1 include:zoho.eu ~all'), dmarc()], ['mx-vendor-incomplete', 'mx-mixed-vendors']],
  ['self-hosted with backup MX', 'example.org', [mx('@', 10, 'mail.example.org.'), mx('@', 20, 'backup.example.org.'), a('mail'), aaaa('mail'), a('backup', '198.51.100.20'), txt('@', 'v=spf1 mx -all'), dmarc(), a('@'), a('www')], ['mx-single', 'mx-target-no-address', 'implicit-mx']],
  ['self-hosted, backup at a third party', 'example.org', [mx('@', 10, 'mail.example.org'), mx('@', 100, 'backup-mx.example.net'), a('mail'), txt('@', 'v=spf1 mx -all'), dmarc()], ['mx-priority-high']],
  ['subdomain MX only', 'example.com', [mx('eu', 10, 'mx1.eu.example.com'), mx('eu', 20, 'mx2.eu.example.com'), a('mx1.eu'), a('mx2.eu', '192.0.2.11'), txt('eu', 'v=spf1 mx -all'), dmarc('_dmarc.eu')], ['mx-target-no-address']],
  ['IDN domain and exchange', 'bücher.example', [mx('@', 10, 'mail.bücher.example'), mx('@', 20, 'mail2.BÜCHER.example.'), a('mail'), a('xn--mail2', '192.0.2.12'), a('mail2', '192.0.2.13'), txt('@', 'v=spf1 mx -all'), dmarc()], ['mx-target-no-address', 'mx-target-syntax']],
  ['punycode zone, Unicode owner names', 'xn--bcher-kva.example', [mx('@', 10, 'mx.example.net'), mx('@', 20, 'mx2.example.net'), mx('läden', 10, 'mx.example.net'), mx('läden', 20, 'mx2.example.net')], []],
  ['absolute names with trailing dots, mixed case', 'Example.COM.', [mx('EXAMPLE.com.', 10, 'Mail.Example.Com.'), mx('example.com.', 20, 'mx2.example.net.'), a('MAIL.example.com.'), txt('example.com.', '"v=spf1 mx -all"')], ['mx-target-no-address', 'mx-duplicate']],
  ['equal priorities, four hosts (mailbox.org)', 'example.de', [mx('@', 10, 'mxext1.mailbox.org'), mx('@', 10, 'mxext2.mailbox.org'), mx('@', 10, 'mxext3.mailbox.org'), mx('@', 10, 'mxext4.mailbox.org')], ['mx-priority-gap', 'mx-vendor-incomplete', 'mx-mixed-vendors']],
  ['parked domain (null MX, SPF -all, DMARC reject)', 'parked.example', [mx('@', 0, '.'), txt('@', 'v=spf1 -all'), dmarc(), a('@')], ['null-mx-spf', 'null-mx-dmarc', 'implicit-mx', 'mx-single']],
  ['parked subdomain under a reject policy', 'example.com', [mx('@', 10, 'mx1.example.net'), mx('@', 20, 'mx2.example.net'), dmarc(), mx('old', 0, '.'), txt('old', 'v=spf1 -all')], ['null-mx-dmarc']],
  ['wildcard MX beside explicit names', 'example.com', [mx('@', 10, 'mx1.example.net'), mx('@', 20, 'mx2.example.net'), mx('*', 10, 'mx1.example.net'), mx('*', 20, 'mx2.example.net'), a('*'), a('www')], ['implicit-mx', 'mx-target-wildcard']],
  ['proxied web, DNS-only mail host', 'example.com', [mx('@', 10, 'mail.example.com'), mx('@', 20, 'mx2.example.net'), { name: 'mail', type: 'A', value: '192.0.2.25', proxied: false, ttl: 300 }, { name: '@', type: 'A', value: '192.0.2.80', proxied: true, ttl: 1 }, cname('www', 'example.com', true)], ['cloudflare-proxied-mail-host', 'cloudflare-ttl']],
  ['exchange in a delegated subzone', 'example.com', [mx('@', 10, 'mx.mail.example.com'), mx('@', 20, 'mx2.mail.example.com'), { name: 'mail', type: 'NS', value: 'ns1.example.net' }], ['mx-target-no-address']],
  ['Cloudflare Email Routing (assigned priorities)', 'example.com', [mx('@', 13, 'route1.mx.cloudflare.net'), mx('@', 86, 'route2.mx.cloudflare.net'), mx('@', 24, 'route3.mx.cloudflare.net'), txt('@', 'v=spf1 include:_spf.mx.cloudflare.net ~all'), dmarc()], ['mx-priority-gap', 'mx-priority-high', 'mx-vendor-incomplete']],
  ['SES inbound on a subdomain', 'example.com', [mx('inbound', 10, 'inbound-smtp.eu-west-1.amazonaws.com')], ['mx-single']],
];

describe('lintZone accepts real-world setups', () => {
  test.each(VALID.map(([label, zone, records, quiet]) => [label, zone, records, quiet ?? []] as const))('%s', (_label, zone, records, quietAbout) => {
    const findings = lintZone({ zone, records });
    expect(errors(findings)).toEqual([]);
    expect(findings.filter((f) => quietAbout.includes(f.rule))).toEqual([]);
  });
});

/** Mistakes that break or risk mail, each with the rule that must report it (and its severity). */
const BROKEN: ReadonlyArray<[label: string, records: R[], rule: string, severity: Finding['severity'], zone?: string]> = [
  ['MX whose exchange is a CNAME elsewhere in the zone (RFC 2181 §10.3)', [mx('@', 10, 'mail.example.com'), mx('@', 20, 'mx2.example.net'), cname('mail', 'ghs.example.net')], 'mx-target-cname', 'error'],
  ['MX → CNAME → CNAME inside the zone', [mx('@', 10, 'mx.example.com'), cname('mx', 'relay.example.com'), cname('relay', 'box.example.com'), a('box')], 'mx-target-cname', 'error'],
  ['MX to a name covered by a wildcard CNAME', [mx('@', 10, 'mail.example.com'), cname('*', 'web.example.net')], 'mx-target-cname', 'error'],
  ['CNAME at the apex (RFC 1034 §3.6.2)', [cname('@', 'site.example.net'), mx('@', 10, 'mx.example.net')], 'cname-at-apex', 'error'],
  ['CNAME beside MX', [cname('eu', 'eu.example.net'), mx('eu', 10, 'mx.example.net')], 'cname-coexists', 'error'],
  ['CNAME beside SPF TXT', [cname('news', 'news.example.net'), txt('news', 'v=spf1 -all')], 'cname-coexists', 'error'],
  ['null MX beside a vendor MX (RFC 7505 §3)', [mx('@', 0, '.'), mx('@', 1, 'smtp.google.com')], 'null-mx-alone', 'error'],
  ['two SPF records (RFC 7208 §3.2)', [txt('@', 'v=spf1 include:_spf.google.com ~all'), txt('@', 'v=spf1 include:spf.protection.outlook.com -all')], 'spf-multiple', 'error'],
  ['MX to an IPv4 literal (RFC 5321 §5.1)', [mx('@', 10, '192.0.2.25')], 'mx-target-ip', 'error'],
  ['MX to an IPv6 literal', [mx('@', 10, '2001:db8::25')], 'mx-target-ip', 'error'],
  ['preference 65536 (RFC 1035 §3.3.9)', [mx('@', 65536, 'mx.example.net')], 'mx-priority-range', 'error'],
  ['negative preference', [mx('@', -5, 'mx.example.net')], 'mx-priority-range', 'error'],
  ['MX without preference', [{ name: '@', type: 'MX', value: 'mx.example.net' }], 'mx-priority-range', 'error'],
  ['non-numeric preference', [{ name: '@', type: 'MX', value: 'mx.example.net', priority: 'high' as unknown as number }], 'mx-priority-range', 'error'],
  ['empty exchange', [mx('@', 10, '')], 'mx-target-empty', 'error'],
  ['underscore in exchange (RFC 1123)', [mx('@', 10, 'mail_1.example.net')], 'mx-target-syntax', 'error'],
  ['single-label exchange', [mx('@', 10, 'mail')], 'mx-target-syntax', 'error'],
  ['priority written into the value', [{ name: '@', type: 'MX', value: '10 mx.example.net' }], 'mx-target-syntax', 'error'],
  ['64-octet label (RFC 1035 §2.3.4)', [mx('@', 10, `${'x'.repeat(64)}.example.net`)], 'dns-label-length', 'error'],
  ['254-octet exchange', [mx('@', 10, `${Array(5).fill('a'.repeat(49)).join('.')}.example`)], 'dns-name-length', 'error'],
  ['same exchange twice', [mx('@', 10, 'mx.example.net'), mx('@', 20, 'MX.example.net.')], 'mx-duplicate', 'error'],
  ['missing trailing dot in a zone-file exchange', [mx('@', 10, 'mail.example.com.example.com.'), a('mail')], 'name-repeats-zone', 'error'],
  ['TTL Cloudflare refuses', [mx('@', 10, 'mx.example.net', 30), mx('@', 20, 'mx2.example.net')], 'cloudflare-ttl', 'error'],
  ['proxied mail host', [mx('@', 10, 'mail.example.com'), { name: 'mail', type: 'A', value: '192.0.2.25', proxied: true }], 'cloudflare-proxied-mail-host', 'error'],
  ['proxied MX record', [{ name: '@', type: 'MX', priority: 10, value: 'mx.example.net', proxied: true }], 'cloudflare-proxied-type', 'error'],
  ['two DMARC records (RFC 7489 §6.6.3)', [dmarc(), dmarc('_dmarc', 'none')], 'dmarc-multiple', 'error'],
  ['SPF with a space after include:', [txt('@', 'v=spf1 include: _spf.google.com ~all')], 'spf-syntax', 'error'],
  ['SPF over 10 lookups', [txt('@', `v=spf1 ${Array.from({ length: 11 }, (_, i) => `include:s${i}.example.net`).join(' ')} -all`)], 'spf-lookup-limit', 'error'],
  ['A record holding a host name', [mx('@', 10, 'mail.example.com'), a('mail', 'mail.example.net')], 'address-invalid', 'error'],
  ['null MX at preference 10', [mx('@', 10, '.')], 'null-mx-priority', 'warning'],
  ['null MX without SPF -all', [mx('@', 0, '.'), dmarc()], 'null-mx-spf', 'warning'],
  ['null MX without DMARC reject', [mx('@', 0, '.'), txt('@', 'v=spf1 -all')], 'null-mx-dmarc', 'warning'],
  ['in-zone exchange without A/AAAA', [mx('@', 10, 'mail.example.com'), mx('@', 20, 'mx2.example.net')], 'mx-target-no-address', 'warning'],
  ['MX loop: exchange is the domain itself without address', [mx('@', 10, 'example.com')], 'mx-target-no-address', 'warning'],
  ['exchange only answered by a wildcard A', [mx('@', 10, 'mail.example.com'), mx('@', 20, 'mx2.example.net'), a('*')], 'mx-target-wildcard', 'warning'],
  ['single self-hosted MX', [mx('@', 10, 'mail.example.com'), a('mail')], 'mx-single', 'warning'],
  ['half of a vendor set', [mx('@', 10, 'in1-smtp.messagingengine.com')], 'mx-vendor-incomplete', 'warning'],
  ['priorities 10 and 11', [mx('@', 10, 'a.example.net'), mx('@', 11, 'b.example.net')], 'mx-priority-gap', 'warning'],
  ['preference 1000', [mx('@', 10, 'a.example.net'), mx('@', 1000, 'b.example.net')], 'mx-priority-high', 'warning'],
  ['MX TTL of a day', [mx('@', 10, 'a.example.net', 86400), mx('@', 20, 'b.example.net', 86400)], 'mx-ttl-high', 'warning'],
  ['Google and Microsoft at one name', [mx('@', 1, 'smtp.google.com'), mx('@', 0, 'contoso-com.mail.protection.outlook.com')], 'mx-mixed-vendors', 'warning'],
  ['Google legacy and current mixed', [mx('@', 1, 'smtp.google.com'), mx('@', 5, 'alt1.aspmx.l.google.com'), mx('@', 5, 'alt2.aspmx.l.google.com')], 'mx-mixed-vendors', 'warning'],
  ['apex A without MX (implicit MX, RFC 5321 §5.1)', [a('@'), txt('@', 'v=spf1 -all')], 'implicit-mx', 'warning'],
  ['SPF without all', [txt('@', 'v=spf1 include:_spf.google.com')], 'spf-terminator', 'warning'],
  ['SPF +all', [txt('@', 'v=spf1 +all')], 'spf-terminator', 'warning'],
  ['SPF as record type SPF only', [{ name: '@', type: 'SPF', value: 'v=spf1 -all' }], 'spf-record-type', 'warning'],
  ['DMARC at the apex instead of _dmarc', [txt('@', 'v=DMARC1; p=reject')], 'dmarc-misplaced', 'warning'],
  ['DMARC with p=rejected', [txt('_dmarc', 'v=DMARC1; p=rejected')], 'dmarc-syntax', 'warning'],
  ['receiving domain without DMARC', [mx('@', 10, 'a.example.net'), mx('@', 20, 'b.example.net')], 'dmarc-missing', 'info'],
  ['MX in an IDN zone pointing at a CNAME written in Unicode', [mx('@', 10, 'post.bücher.example'), cname('post', 'relay.example.net')], 'mx-target-cname', 'error', 'xn--bcher-kva.example'],
];

describe('lintZone reports every mistake that breaks or risks mail', () => {
  test.each(BROKEN.map(([label, records, rule, severity, zone]) => [label, rule, severity, records, zone ?? 'example.com'] as const))('%s → %s', (_label, rule, severity, records, zone) => {
    const findings = lintZone({ zone, records });
    expect(findings).toContainEqual(expect.objectContaining({ rule, severity }));
    for (const finding of findings) {
      expect(finding.name).toMatch(/\.$/);
      expect(finding.message.length).toBeGreaterThan(20);
    }
  });
});

describe('lintZone never throws: bad input is a finding', () => {
  const cases: ReadonlyArray<[label: string, input: unknown, rule: string]> = [
    ['undefined', undefined, 'zone-invalid'],
    ['a string', 'example.com', 'zone-invalid'],
    ['no zone', { records: [] }, 'zone-invalid'],
    ['zone with spaces', { zone: 'exa mple.com', records: [] }, 'zone-invalid'],
    ['records not an array', { zone: 'example.com', records: { '@': 'MX' } }, 'zone-invalid'],
    ['a record that is not an object', { zone: 'example.com', records: [42] }, 'record-invalid'],
    ['a null record', { zone: 'example.com', records: [null] }, 'record-invalid'],
    ['name missing', { zone: 'example.com', records: [{ type: 'A', value: '192.0.2.1' }] }, 'record-invalid'],
    ['type missing', { zone: 'example.com', records: [{ name: '@', value: '192.0.2.1' }] }, 'record-invalid'],
    ['type not a mnemonic', { zone: 'example.com', records: [{ name: '@', type: 'M X', value: 'x' }] }, 'record-invalid'],
    ['value not a string', { zone: 'example.com', records: [{ name: '@', type: 'TXT', value: 5 }] }, 'record-invalid'],
    ['value given as content', { zone: 'example.com', records: [{ name: '@', type: 'A', content: '192.0.2.1' }] }, 'record-unknown-field'],
    ['typo in a field', { zone: 'example.com', records: [{ name: '@', type: 'MX', value: 'mx.example.net', prio: 10 }] }, 'record-unknown-field'],
    ['proxied not boolean', { zone: 'example.com', records: [{ name: 'www', type: 'A', value: '192.0.2.1', proxied: 'yes' }] }, 'record-invalid'],
    ['owner with an empty label', { zone: 'example.com', records: [{ name: 'a..b', type: 'A', value: '192.0.2.1' }] }, 'record-invalid'],
    ['owner with a space', { zone: 'example.com', records: [{ name: 'my host', type: 'A', value: '192.0.2.1' }] }, 'record-invalid'],
    ['absolute owner outside the zone', { zone: 'example.com', records: [{ name: 'mail.example.net.', type: 'A', value: '192.0.2.1' }] }, 'record-outside-zone'],
    ['cyclic object', (() => { const o: Record<string, unknown> = { zone: 'example.com' }; o.records = [o]; return o; })(), 'record-invalid'],
  ];
  test.each(cases)('%s → %s', (_label, input, rule) => {
    let findings: Finding[] = [];
    expect(() => { findings = lintZone(input as never); }).not.toThrow();
    expect(findings).toContainEqual(expect.objectContaining({ rule }));
  });

  test('the readable records are still checked beside the unreadable ones', () => {
    const findings = lintZone({ zone: 'example.com', records: [42 as never, mx('@', 10, 'mail.example.com'), cname('mail', 'x.example.net')] });
    expect(ids(findings, 'error')).toEqual(['mx-target-cname', 'record-invalid']);
  });

  test('a numeric string priority and TTL are read as numbers; TXT may be quoted and split', () => {
    const findings = lintZone({ zone: 'example.com', records: [
      { name: '@', type: 'mx', priority: '10' as never, value: 'a.example.net', ttl: '300' as never },
      { name: '@', type: 'MX', priority: 20, value: 'b.example.net' },
      txt('@', '"v=spf1 include:_spf.google.com" " ~all"'),
      txt('@', 'v=spf1 -all'),
    ] });
    expect(ids(findings, 'error')).toEqual(['spf-multiple']);
  });
});

describe('lintZone options', () => {
  const zone = { zone: 'example.com', records: [mx('@', 10, 'mail.example.com'), a('mail')] };

  test('per-rule severity and off', () => {
    expect(lintZone(zone, { rules: { 'mx-single': 'error' } })).toContainEqual(expect.objectContaining({ rule: 'mx-single', severity: 'error' }));
    expect(ids(lintZone(zone, { rules: { 'mx-single': 'off', 'dmarc-missing': 'off' } }))).toEqual([]);
  });

  test('minPriorityGap', () => {
    const records = [mx('@', 10, 'a.example.net'), mx('@', 20, 'b.example.net')];
    expect(ids(lintZone({ zone: 'example.com', records }, { minPriorityGap: 20 }))).toContain('mx-priority-gap');
    expect(ids(lintZone({ zone: 'example.com', records }))).not.toContain('mx-priority-gap');
  });

  test('suppressions with a reason apply; a suppression that matched nothing is a warning', () => {
    const findings = lintZone(zone, { suppressions: [
      { id: 'mx-single', reason: 'one box on purpose, senders queue' },
      { id: 'mx-ttl-high', reason: 'old exception for the 2024 move', name: '@' },
    ] });
    expect(ids(findings)).toEqual(['dmarc-missing', 'suppression-unused']);
    expect(findings.find((f) => f.rule === 'suppression-unused')).toMatchObject({ severity: 'warning', name: 'example.com.' });
  });

  test('bad options are findings, not exceptions', () => {
    const findings = lintZone(zone, {
      rules: { 'mx-singel': 'off', 'mx-single': 'loud' as never },
      minPriorityGap: -1,
      suppressions: [{ id: 'mx-single', reason: 'ok' }, { id: 'nope', reason: 'long enough reason' }],
    });
    const messages = findings.filter((f) => f.rule === 'options-invalid').map((f) => f.message);
    expect(messages).toEqual([
      expect.stringContaining('no rule "mx-singel" (did you mean "mx-single"?)'),
      expect.stringContaining('"mx-single"] must be error, warning, info or off'),
      expect.stringContaining('minPriorityGap must be a number'),
      expect.stringContaining('needs a reason of at least 10 characters'),
      expect.stringContaining('there is no rule "nope"'),
    ]);
    expect(findings).toContainEqual(expect.objectContaining({ rule: 'mx-single', severity: 'warning' }));
  });

  test('host: only that host\'s rules (none: no host\'s); not given, every host\'s; an unknown host is options-invalid', () => {
    // A proxied CNAME with TTL 300 breaks Cloudflare's rule (proxied needs TTL 1); -1 is out of every host's range.
    const zoneAt = { zone: 'example.com', records: [mx('@', 0, '.', -1), txt('@', 'v=spf1 -all'), dmarc(), { ...cname('www', 'web.example.net', true), ttl: 300 }] };
    const hostRules = (findings: Finding[]) => findings.map((f) => `${f.rule} ${f.name}`).filter((id) => /^(cloudflare|route53|google-dns|rfc2136)-/.test(id));
    const every = ['cloudflare-ttl example.com.', 'cloudflare-ttl www.example.com.', 'route53-ttl example.com.', 'google-dns-ttl example.com.', 'rfc2136-ttl example.com.'];
    expect(hostRules(lintZone(zoneAt))).toEqual(every);
    expect(hostRules(lintZone(zoneAt, { host: 'route53' }))).toEqual(['route53-ttl example.com.']);
    expect(hostRules(lintZone(zoneAt, { host: 'rfc2136' }))).toEqual(['rfc2136-ttl example.com.']);
    expect(hostRules(lintZone(zoneAt, { host: 'google-dns' }))).toEqual(['google-dns-ttl example.com.']);
    expect(hostRules(lintZone(zoneAt, { host: 'cloudflare' }))).toEqual(['cloudflare-ttl example.com.', 'cloudflare-ttl www.example.com.']);
    expect(hostRules(lintZone(zoneAt, { host: 'none' }))).toEqual([]);
    const unknown = lintZone(zoneAt, { host: 'bind' });
    expect(unknown.filter((f) => f.rule === 'options-invalid').map((f) => f.message)).toEqual([
      'options.host must be one of cloudflare, route53, google-dns, rfc2136, none, not "bind"; every host\'s rules are run.',
    ]);
    expect(hostRules(unknown)).toEqual(every);
  });
});

test('a suppression scoped to another zone matches nothing here: suppression-unused (issue 19 item 1)', () => {
  const records = [{ name: '@', type: 'TXT', value: 'v=spf1 a -all' }, { name: '@', type: 'TXT', value: 'v=spf1 mx -all' }];
  const findings = lintZone({ zone: 'example.com', records }, { suppressions: [{ id: 'spf-multiple', zone: 'example.org', name: '@', reason: 'live at adoption of example.org' }] });
  expect(findings.filter((f) => f.rule === 'spf-multiple' || f.rule === 'suppression-unused').map((f) => `${f.rule} ${f.name}`)).toEqual(['spf-multiple example.com.', 'suppression-unused example.org.']);
});
