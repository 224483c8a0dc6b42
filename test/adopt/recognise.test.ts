import { normaliseLiveRecord, RawLiveRecord } from '../../lib/adopt/live-zone';
import { splitMailRecords } from '../../lib/adopt/mail-relevance';
import { AdoptedUnit, recogniseMail, VendorUnit } from '../../lib/adopt/recognise';
import { writeApp } from '../../lib/adopt/write-app';

const D = 'example.com';
const live = (records: Array<Omit<RawLiveRecord, 'ttl'> & { ttl?: number }>) =>
  records.map((r, i) => normaliseLiveRecord({ id: `r${i}`, ttl: 3600, ...r }, D, { keepContent: true }));
const mx = (priority: number, content: string, extra: Partial<RawLiveRecord> = {}) => ({ name: D, type: 'MX', content, priority, ...extra });
const txt = (name: string, text: string, extra: Partial<RawLiveRecord> = {}) => ({ name, type: 'TXT', content: `"${text}"`, ...extra });
const vendor = (units: AdoptedUnit[]) => units.find((u): u is VendorUnit => u.kind === 'vendor');
const kinds = (units: AdoptedUnit[]) => units.map((u) => (u.kind === 'raw' ? `raw ${u.record.type} ${u.record.name}` : `${u.kind}${u.kind === 'vendor' ? ` ${u.preset.id}` : ''}`));

describe('vendor recognition: the preset catalogue run backwards', () => {
  test('Zoho Mail: the data centre is read from the hosts', () => {
    const units = recogniseMail(live([mx(10, 'mx.zoho.eu'), mx(20, 'mx2.zoho.eu'), mx(50, 'mx3.zoho.eu'), txt(D, 'v=spf1 include:zoho.eu ~all')]));
    expect(vendor(units)).toMatchObject({ preset: { id: 'zoho-mail' }, region: 'eu', companions: { spf: true } });
    expect(kinds(units)).toEqual(['vendor zoho-mail']);
  });

  test('Microsoft 365: the tenant host becomes `exchange`, the SPF include decides the cloud', () => {
    const host = 'contoso-com.mail.protection.office365.us';
    const units = recogniseMail(live([mx(0, host), txt(D, 'v=spf1 include:spf.protection.office365.us -all'), { name: `autodiscover.${D}`, type: 'CNAME', content: 'autodiscover-dod.office365.us' }]));
    expect(vendor(units)).toMatchObject({ preset: { id: 'microsoft-365' }, region: 'dod', parameters: { exchange: host }, companions: { spf: true, autodiscover: true } });
  });

  test('Cloudflare Email Routing: the preferences Cloudflare assigned become `priorities`', () => {
    const units = recogniseMail(live([mx(13, 'route1.mx.cloudflare.net'), mx(86, 'route2.mx.cloudflare.net'), mx(24, 'route3.mx.cloudflare.net')]));
    expect(vendor(units)).toMatchObject({ preset: { id: 'cloudflare-email-routing' }, variant: 'current', parameters: { route1: '13', route2: '86', route3: '24' } });
    const text = writeApp({ zone: { domain: D, source: 'test' }, units });
    expect(text).toContain('new CloudflareEmailRoutingMx(this, \'mail\', {');
    expect(text).toContain('priorities: { route1: 13, route2: 86, route3: 24 }');
  });

  test('mailbox.org: the legacy and current sets share hosts, the whole set decides', () => {
    const legacy = recogniseMail(live([mx(10, 'mxext1.mailbox.org'), mx(10, 'mxext2.mailbox.org'), mx(20, 'mxext3.mailbox.org')]));
    expect(vendor(legacy)).toMatchObject({ preset: { id: 'mailbox-org' }, variant: 'legacy' });
    expect(writeApp({ zone: { domain: D, source: 'test' }, units: legacy })).toContain(`new VendorMx(this, 'mail', { zoneId, domain, preset: 'mailbox-org', variant: 'legacy', ttl: 3600 });`);
  });

  test('Google: a partial legacy set, or legacy mixed with current, is no preset', () => {
    expect(kinds(recogniseMail(live([mx(1, 'aspmx.l.google.com'), mx(5, 'alt1.aspmx.l.google.com')])))).toEqual(['mx']);
    expect(kinds(recogniseMail(live([mx(1, 'smtp.google.com'), mx(5, 'alt1.aspmx.l.google.com')])))).toEqual(['mx']);
    // Same hosts, other priorities: not what the preset publishes.
    expect(kinds(recogniseMail(live([mx(10, 'smtp.google.com')])))).toEqual(['mx']);
  });

  test('an SPF with another terminator is the companion with { all }; with more includes it stays raw', () => {
    const soft = recogniseMail(live([mx(1, 'smtp.google.com'), txt(D, 'v=spf1 include:_spf.google.com -all')]));
    expect(vendor(soft)?.companions).toEqual({ spf: { all: '-all' } });
    const more = recogniseMail(live([mx(1, 'smtp.google.com'), txt(D, 'v=spf1 include:_spf.google.com include:mailgun.org ~all')]));
    expect(vendor(more)?.companions).toEqual({});
    expect(kinds(more)).toEqual(['vendor google-workspace', `raw TXT ${D}`]);
  });

  test('companions with another TTL or comment, or stored unquoted, stay raw so nothing changes on deploy', () => {
    const units = recogniseMail(live([
      mx(1, 'smtp.google.com', { ttl: 1 }),
      txt(D, 'v=spf1 include:_spf.google.com ~all', { ttl: 300 }),
      { name: D, type: 'TXT', content: 'google-site-verification=rXOxyZounnZasA8Z7oaD3c14JdjS9aKSWvsR1EbUSIQ', ttl: 1 },
      txt(`google._domainkey.${D}`, 'v=DKIM1; k=rsa; p=MIIBIjANBg', { ttl: 1, comment: 'rotated 2024' }),
    ]));
    expect(vendor(units)).toMatchObject({ ttl: 1, companions: {} });
    expect(kinds(units)).toEqual(['vendor google-workspace', `raw TXT ${D}`, `raw TXT ${D}`, `raw TXT google._domainkey.${D}`]);
  });

  test('MX records with different TTLs, or with tags, cannot be one construct: they stay raw', () => {
    expect(kinds(recogniseMail(live([mx(10, 'in1-smtp.messagingengine.com', { ttl: 300 }), mx(20, 'in2-smtp.messagingengine.com')])))).toEqual([`raw MX ${D}`, `raw MX ${D}`]);
    // The same exchange twice (live mx-duplicate) would be one address twice in a construct.
    expect(kinds(recogniseMail(live([mx(10, 'mail.example.com'), mx(20, 'mail.example.com')])))).toEqual([`raw MX ${D}`, `raw MX ${D}`]);
    const tagged = recogniseMail(live([mx(10, 'in1-smtp.messagingengine.com', { tags: ['team:mail'] }), mx(20, 'in2-smtp.messagingengine.com', { tags: ['team:mail'] })]));
    expect(kinds(tagged)).toEqual([`raw MX ${D}`, `raw MX ${D}`]);
    expect(writeApp({ zone: { domain: D, source: 'test' }, units: tagged })).toMatch(/tags: \[\s+'team:mail',\s+\],/);
  });

  test('text Terraform would read as a template stays raw, escaped', () => {
    const units = recogniseMail(live([mx(1, 'smtp.google.com'), txt(D, 'v=spf1 include:_spf.google.com ~all', {}), txt(`_dmarc.${D}`, 'v=DMARC1; p=none; rua=mailto:${user}@example.com')]));
    expect(kinds(units)).toEqual(['vendor google-workspace', `raw TXT _dmarc.${D}`]);
    const text = writeApp({ zone: { domain: D, source: 'test' }, units });
    expect(text).toContain(`content: '"v=DMARC1; p=none; rua=mailto:$\${user}@example.com"'`);
  });

  test('live errors of synth rules are suppressed with a reason; input findings are only comments', () => {
    const units = recogniseMail(live([mx(10, 'mail.example.com'), txt(D, 'v=spf1 a -all'), txt(D, 'v=spf1 mx -all')]));
    const text = writeApp({
      zone: { domain: D, source: 'test' },
      units,
      findings: [
        { rule: 'spf-multiple', severity: 'error', name: `${D}.`, message: 'two SPF records' },
        { rule: 'record-invalid', severity: 'error', name: `${D}.`, message: 'unreadable' },
      ],
    });
    // Scoped to the adopted zone and name: it never hides the rule for another domain in the stack.
    expect(text).toContain(`suppressMxRule(this, { id: 'spf-multiple', zone: domain, name: '@', reason: 'live at adoption (example.com.); adopted as is, fix after the first deploy' });`);
    expect(text).not.toContain(`id: 'record-invalid'`);
    expect(text).toContain('// [record-invalid] error at example.com. unreadable');
  });

  test('a null MX takes only the SPF and DMARC NullMx publishes', () => {
    const units = recogniseMail(live([mx(0, '.'), txt(D, 'v=spf1 -all'), txt(`_dmarc.${D}`, 'v=DMARC1; p=quarantine;')]));
    expect(units[0]).toMatchObject({ kind: 'null', spf: true, dmarc: false });
    expect(kinds(units)).toEqual(['null', `raw TXT _dmarc.${D}`]);
  });

  test('each name with MX is its own construct', () => {
    const units = recogniseMail(live([mx(10, 'in1-smtp.messagingengine.com'), mx(20, 'in2-smtp.messagingengine.com'), { ...mx(1, 'smtp.google.com'), name: `eu.${D}` }]));
    expect(units.map((u) => `${u.kind} ${u.name}`)).toEqual([`vendor ${D}`, `vendor eu.${D}`]);
    const text = writeApp({ zone: { domain: D, source: 'test' }, units });
    expect(text).toContain(`new GoogleWorkspaceMx(this, 'mail-eu', { zoneId, domain, name: 'eu', ttl: 3600 });`);
    expect(text).toContain(`new FastmailMx(this, 'mail', { zoneId, domain, ttl: 3600 });`);
  });
});

describe('mail relevance', () => {
  test('keeps MX, SPF, verification at mail names, _dmarc, DKIM, autodiscover and in-zone mail hosts; leaves the rest', () => {
    const records = live([
      mx(10, 'mail.example.com'),
      { name: `mail.${D}`, type: 'A', content: '192.0.2.1' },
      { name: `www.${D}`, type: 'A', content: '192.0.2.2' },
      txt(D, 'v=spf1 mx -all'),
      txt(`bounces.${D}`, 'v=spf1 include:amazonses.com ~all'),
      txt(D, 'MS=ms1234'),
      txt(`www.${D}`, 'google-site-verification=abc'),
      txt(D, 'facebook-domain-verification=xyz'),
      txt(`_dmarc.${D}`, 'v=DMARC1; p=none'),
      txt(`s1._domainkey.${D}`, 'v=DKIM1; p=abc'),
      { name: `sig1._domainkey.${D}`, type: 'CNAME', content: 'sig1.dkim.example.com.at.icloudmailadmin.com' },
      { name: `autodiscover.${D}`, type: 'CNAME', content: 'autodiscover.outlook.com' },
      { name: `_amazonses.${D}`, type: 'TXT', content: '"abcDEF123"' },
      { name: D, type: 'CAA', content: '0 issue "letsencrypt.org"' },
    ]);
    const { mail, other } = splitMailRecords(records, D);
    expect(other.map((r) => `${r.type} ${r.name} ${r.value}`)).toEqual([
      `A www.${D} 192.0.2.2`,
      `TXT www.${D} google-site-verification=abc`,
      `TXT ${D} facebook-domain-verification=xyz`,
      `CAA ${D} 0 issue "letsencrypt.org"`,
    ]);
    expect(mail).toHaveLength(records.length - 4);
  });
});
