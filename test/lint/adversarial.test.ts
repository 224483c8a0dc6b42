/**
 * An independent, table-driven check of lintZone against the RFCs and the rule catalogue
 * (/work/shared/DESIGN.md, docs/rules.md): real vendor setups must come back without errors
 * (and without the MX hygiene warnings their documented sets are exempt from), and every
 * mistake that breaks or risks mail must come back under the catalogue's rule id and severity.
 * Written from RFC 5321 §5.1, RFC 7505, RFC 2181 §10.3, RFC 1034 §3.6.2, RFC 1035/1123,
 * RFC 7208 §3.2/§4.6.4, RFC 7489 and the vendors' published records, not from the code.
 */
import fc from 'fast-check';
import { Finding, lintZone, LintZoneRecord } from '../../lib';

type R = LintZoneRecord;
type Severity = Finding['severity'];

const mx = (name: string, priority: number | undefined, value: string, extra: Partial<R> = {}): R => ({ name, type: 'MX', value, ...(priority !== undefined ? { priority } : {}), ...extra });
const txt = (name: string, value: string, extra: Partial<R> = {}): R => ({ name, type: 'TXT', value, ...extra });
const a = (name: string, value = '192.0.2.10', extra: Partial<R> = {}): R => ({ name, type: 'A', value, ...extra });
const aaaa = (name: string, value = '2001:db8::10', extra: Partial<R> = {}): R => ({ name, type: 'AAAA', value, ...extra });
const cname = (name: string, value: string, extra: Partial<R> = {}): R => ({ name, type: 'CNAME', value, ...extra });
const ns = (name: string, value: string): R => ({ name, type: 'NS', value });
const dmarc = (name = '_dmarc', policy = 'reject'): R => txt(name, `v=DMARC1; p=${policy}; rua=mailto:dmarc-reports@example.com`);
const spf = (name: string, text: string): R => txt(name, text);

/** Rules about the shape of an MX set that a vendor's documented set is exempt from. */
const MX_HYGIENE = ['mx-single', 'mx-priority-gap', 'mx-priority-high', 'mx-mixed-vendors', 'mx-vendor-incomplete', 'mx-target-no-address', 'mx-target-wildcard', 'mx-ttl-high', 'implicit-mx'];

const errorsOf = (findings: Finding[]) => findings.filter((f) => f.severity === 'error');

// ---------------------------------------------------------------------------------------------
// Valid real-world setups: no error at all, and none of the listed rules.
// ---------------------------------------------------------------------------------------------

interface ValidCase {
  readonly zone: string;
  readonly records: R[];
  /** Warnings the catalogue rightly gives on this legal setup. */
  readonly expectedWarnings?: readonly string[];
  /** Rules that must not report anything (beyond "no error"). */
  readonly quiet?: readonly string[];
}

const M365_DKIM = (tenant: string, domainDashed: string) => [
  cname('selector1._domainkey', `selector1-${domainDashed}._domainkey.${tenant}.onmicrosoft.com`),
  cname('selector2._domainkey', `selector2-${domainDashed}._domainkey.${tenant}.onmicrosoft.com`),
];

const VALID: Readonly<Record<string, ValidCase>> = {
  'Google Workspace current: smtp.google.com alone, SPF, DKIM TXT, DMARC, site verification': {
    zone: 'example.com',
    records: [
      mx('@', 1, 'smtp.google.com'),
      spf('@', 'v=spf1 include:_spf.google.com ~all'),
      txt('google._domainkey', 'v=DKIM1; k=rsa; p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAx1'),
      txt('@', 'google-site-verification=rXOxyZounnZasA8Z7oaD3c14JdjS9aKSWvsR1EbUSIQ'),
      dmarc(),
      a('@', '192.0.2.80'),
      cname('www', 'ghs.googlehosted.com.'),
    ],
    quiet: MX_HYGIENE,
  },
  'Google Workspace current, written with trailing dot and upper case': {
    zone: 'EXAMPLE.COM.',
    records: [mx('EXAMPLE.COM.', 1, 'SMTP.GOOGLE.COM.'), spf('Example.Com.', 'v=spf1 include:_spf.google.com ~all'), dmarc('_DMARC')],
    quiet: MX_HYGIENE,
  },
  'Google Workspace legacy five ASPMX (1/5/5/10/10), upper case with dots as Google lists them': {
    zone: 'example.com',
    records: [
      mx('@', 1, 'ASPMX.L.GOOGLE.COM.'),
      mx('@', 5, 'ALT1.ASPMX.L.GOOGLE.COM.'),
      mx('@', 5, 'ALT2.ASPMX.L.GOOGLE.COM.'),
      mx('@', 10, 'ALT3.ASPMX.L.GOOGLE.COM.'),
      mx('@', 10, 'ALT4.ASPMX.L.GOOGLE.COM.'),
      spf('@', 'v=spf1 include:_spf.google.com ~all'),
      txt('google._domainkey', 'v=DKIM1; k=rsa; p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQC'),
      txt('@', 'google-site-verification=abc123'),
      dmarc('_dmarc', 'quarantine'),
    ],
    quiet: MX_HYGIENE,
  },
  'Microsoft 365: tenant MX at 0, autodiscover CNAME, DKIM selector CNAMEs, MS= verification': {
    zone: 'contoso.com',
    records: [
      mx('@', 0, 'contoso-com.mail.protection.outlook.com'),
      spf('@', 'v=spf1 include:spf.protection.outlook.com -all'),
      txt('@', 'MS=ms12345678'),
      cname('autodiscover', 'autodiscover.outlook.com'),
      ...M365_DKIM('contoso', 'contoso-com'),
      cname('enterpriseregistration', 'enterpriseregistration.windows.net'),
      cname('enterpriseenrollment', 'enterpriseenrollment.manage.microsoft.com'),
      txt('_dmarc', 'v=DMARC1; p=reject; pct=100; rua=mailto:d@contoso.com'),
      { name: '_sip._tls', type: 'SRV', value: '100 1 443 sipdir.online.lync.com' },
    ],
    quiet: MX_HYGIENE,
  },
  'Microsoft 365 with trailing dots, upper case and the 2025 DKIM target format': {
    zone: 'Contoso.COM',
    records: [
      mx('contoso.com.', 0, 'CONTOSO-COM.MAIL.PROTECTION.OUTLOOK.COM.'),
      spf('@', '"v=spf1 include:spf.protection.outlook.com -all"'),
      cname('Autodiscover', 'autodiscover.outlook.com.'),
      cname('SELECTOR1._DOMAINKEY', 'selector1-contoso-com._domainkey.contoso.n-v1.dkim.mail.microsoft.'),
      cname('selector2._domainkey.contoso.com.', 'selector2-contoso-com._domainkey.contoso.n-v1.dkim.mail.microsoft.'),
      dmarc(),
    ],
    quiet: MX_HYGIENE,
  },
  'Microsoft 365 DANE inbound (mx.microsoft)': {
    zone: 'contoso.com',
    records: [mx('@', 0, 'contoso-com.o-v1.mx.microsoft'), spf('@', 'v=spf1 include:spf.protection.outlook.com -all'), dmarc()],
    quiet: MX_HYGIENE,
  },
  'Fastmail: in1/in2 at 10/20, fm1/fm2/fm3 DKIM CNAMEs, SPF ?all as documented': {
    zone: 'example.net',
    records: [
      mx('@', 10, 'in1-smtp.messagingengine.com'),
      mx('@', 20, 'in2-smtp.messagingengine.com'),
      spf('@', 'v=spf1 include:spf.messagingengine.com ?all'),
      cname('fm1._domainkey', 'fm1.example.net.dkim.fmhosted.com'),
      cname('fm2._domainkey', 'fm2.example.net.dkim.fmhosted.com'),
      cname('fm3._domainkey', 'fm3.example.net.dkim.fmhosted.com'),
      mx('*', 10, 'in1-smtp.messagingengine.com'),
      mx('*', 20, 'in2-smtp.messagingengine.com'),
      dmarc('_dmarc', 'none'),
    ],
    quiet: MX_HYGIENE,
  },
  'Proton Mail: two MX, verification TXT, three protonmail DKIM CNAMEs': {
    zone: 'example.org',
    records: [
      mx('@', 10, 'mail.protonmail.ch'),
      mx('@', 20, 'mailsec.protonmail.ch'),
      txt('@', 'protonmail-verification=3a8b6c9f0e1d2c3b4a5f6e7d8c9b0a1f2e3d4c5b'),
      spf('@', 'v=spf1 include:_spf.protonmail.ch ~all'),
      cname('protonmail._domainkey', 'protonmail.domainkey.dq6xyz.domains.proton.ch.'),
      cname('protonmail2._domainkey', 'protonmail2.domainkey.dq6xyz.domains.proton.ch.'),
      cname('protonmail3._domainkey', 'protonmail3.domainkey.dq6xyz.domains.proton.ch.'),
      dmarc('_dmarc', 'quarantine'),
    ],
    quiet: MX_HYGIENE,
  },
  'Zoho Mail EU: mx/mx2/mx3.zoho.eu at 10/20/50 with zmail DKIM TXT': {
    zone: 'example.eu',
    records: [
      mx('@', 10, 'mx.zoho.eu'),
      mx('@', 20, 'mx2.zoho.eu'),
      mx('@', 50, 'mx3.zoho.eu'),
      spf('@', 'v=spf1 include:zohomail.eu ~all'),
      txt('zmail._domainkey', 'v=DKIM1; k=rsa; p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQCr'),
      txt('@', 'zoho-verification=zb12345678.zmverify.zoho.eu'),
      dmarc(),
    ],
    quiet: MX_HYGIENE,
  },
  'iCloud+ custom domain: mx01/mx02 both at 10': {
    zone: 'example.com',
    records: [
      mx('@', 10, 'mx01.mail.icloud.com.'),
      mx('@', 10, 'mx02.mail.icloud.com.'),
      spf('@', 'v=spf1 include:icloud.com ~all'),
      txt('@', 'apple-domain=AbCdEfGhIjKlMnOp'),
      cname('sig1._domainkey', 'sig1.dkim.example.com.at.icloudmailadmin.com.'),
      dmarc(),
    ],
    quiet: MX_HYGIENE,
  },
  'self-hosted: mx1/mx2 in zone with A/AAAA and HELO SPF (RFC 7208 §2.3), backup MX out of zone': {
    zone: 'example.org',
    records: [
      mx('@', 10, 'mx1.example.org.'),
      mx('@', 20, 'mx2.example.org'),
      mx('@', 50, 'backup-mx.provider.example.net'),
      a('mx1', '192.0.2.25'),
      aaaa('mx1', '2001:db8::25'),
      a('mx2.example.org.', '198.51.100.25'),
      aaaa('MX2', '2001:db8:1::25'),
      spf('@', 'v=spf1 mx ip4:192.0.2.0/24 ip6:2001:db8::/32 -all'),
      txt('mail._domainkey', 'v=DKIM1; k=ed25519; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo='),
      dmarc(),
      a('@', '192.0.2.80'),
      aaaa('@', '2001:db8::80'),
      a('www', '192.0.2.80'),
      spf('mx1', 'v=spf1 a -all'),
      spf('mx2', 'v=spf1 a -all'),
      { name: '_mta-sts', type: 'TXT', value: 'v=STSv1; id=20261125' },
      { name: '_25._tcp.mx1', type: 'TLSA', value: '3 1 1 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef' },
      // DANE for every in-zone MX host: TLSA for mx1 alone is dane-partial (RFC 7672 §2.2).
      { name: '_25._tcp.mx2', type: 'TLSA', value: '3 1 1 fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210' },
      { name: '_smtp._tls', type: 'TXT', value: 'v=TLSRPTv1; rua=mailto:tls-reports@example.org' },
    ],
    quiet: MX_HYGIENE,
  },
  'self-hosted with equal priorities 10/10 (load sharing)': {
    zone: 'example.org',
    records: [mx('@', 10, 'mx1.example.org'), mx('@', 10, 'mx2.example.org'), a('mx1'), a('mx2', '192.0.2.11'), spf('@', 'v=spf1 mx -all'), dmarc()],
    quiet: MX_HYGIENE,
  },
  'subdomain MX: eu with its own MX, bounce with Mailgun, apex with Google': {
    zone: 'example.com',
    records: [
      mx('@', 1, 'smtp.google.com'),
      spf('@', 'v=spf1 include:_spf.google.com ~all'),
      dmarc(),
      mx('eu', 10, 'mx1.eu.example.com'),
      mx('eu', 20, 'mx2.eu.example.com'),
      a('mx1.eu', '192.0.2.31'),
      a('mx2.eu', '192.0.2.32'),
      spf('eu', 'v=spf1 mx -all'),
      mx('bounce', 10, 'mxa.mailgun.org'),
      mx('bounce', 10, 'mxb.mailgun.org'),
      spf('bounce', 'v=spf1 include:mailgun.org ~all'),
      txt('k1._domainkey.bounce', 'k=rsa; p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDx'),
      cname('email.bounce', 'mailgun.org'),
    ],
    quiet: MX_HYGIENE,
  },
  'Mailgun EU on a subdomain, absolute owner names': {
    zone: 'example.com',
    records: [mx('mg.example.com.', 10, 'mxa.eu.mailgun.org'), mx('mg.example.com.', 10, 'mxb.eu.mailgun.org'), spf('mg.example.com.', 'v=spf1 include:mailgun.org ~all')],
    quiet: MX_HYGIENE,
  },
  'IDN zone in Unicode with IDN exchanges in Unicode and punycode owners': {
    zone: 'bücher.example',
    records: [
      mx('@', 10, 'mail.bücher.example'),
      mx('@', 20, 'MAIL2.BÜCHER.EXAMPLE.'),
      a('mail', '192.0.2.40'),
      a('mail2.xn--bcher-kva.example.', '192.0.2.41'),
      spf('@', 'v=spf1 mx -all'),
      dmarc(),
    ],
    quiet: MX_HYGIENE,
  },
  'punycode zone, MX to an exchange written in Unicode out of zone': {
    zone: 'xn--mnchen-3ya.example',
    records: [mx('@', 10, 'mx.bücher.example'), mx('@', 20, 'mx2.bücher.example'), mx('straße', 10, 'mx.bücher.example'), mx('straße', 20, 'mx2.bücher.example'), dmarc()],
    quiet: MX_HYGIENE,
  },
  'wildcard A records beside mail hosts with their own addresses': {
    zone: 'example.com',
    records: [mx('@', 10, 'mail.example.com'), mx('@', 20, 'mx2.example.net'), a('mail', '192.0.2.25'), a('*', '192.0.2.80'), aaaa('*', '2001:db8::80'), a('@', '192.0.2.80'), spf('@', 'v=spf1 mx -all'), dmarc()],
    quiet: MX_HYGIENE,
  },
  'Cloudflare: ttl 1 (auto) everywhere, proxied web records, DNS-only mail host': {
    zone: 'example.com',
    records: [
      mx('@', 10, 'mail.example.com', { ttl: 1 }),
      mx('@', 20, 'mx2.example.net', { ttl: 1 }),
      a('mail', '192.0.2.25', { proxied: false, ttl: 1 }),
      a('@', '192.0.2.80', { proxied: true, ttl: 1 }),
      aaaa('@', '2001:db8::80', { proxied: true, ttl: 1 }),
      cname('www', 'example.com', { proxied: true, ttl: 1 }),
      cname('shop', 'shops.myshopify.com', { proxied: false, ttl: 300 }),
      spf('@', 'v=spf1 mx -all'),
      txt('_dmarc', 'v=DMARC1; p=reject', { ttl: 1 }),
    ],
    quiet: MX_HYGIENE,
  },
  'Cloudflare TTL edges: 60, 3600 on MX, 86400 on TXT': {
    zone: 'example.com',
    records: [mx('@', 10, 'mx1.example.net', { ttl: 60 }), mx('@', 20, 'mx2.example.net', { ttl: 3600 }), spf('@', 'v=spf1 -all'), txt('_dmarc', 'v=DMARC1; p=none', { ttl: 86400 })],
    quiet: MX_HYGIENE,
    // Both TTLs are valid at Cloudflare, but the two MX are one RRset with two TTLs (RFC 2181 §5.2).
    expectedWarnings: ['rrset-ttl-mismatch'],
  },
  'parked domain: MX 0 ., v=spf1 -all, DMARC p=reject': {
    zone: 'parked.example',
    records: [mx('@', 0, '.'), spf('@', 'v=spf1 -all'), dmarc(), a('@', '192.0.2.80')],
    quiet: [...MX_HYGIENE, 'null-mx-spf', 'null-mx-dmarc', 'null-mx-priority', 'null-mx-alone', 'mx-target-empty'],
  },
  'parked subdomain under the apex reject policy, null MX written with a trailing dot owner': {
    zone: 'example.com',
    records: [mx('@', 1, 'smtp.google.com'), dmarc(), mx('old.example.com.', 0, '.'), spf('old.example.com.', 'v=spf1 -all')],
    quiet: ['null-mx-spf', 'null-mx-dmarc', 'null-mx-priority'],
  },
  'priority 0 and 65535 are legal preferences': {
    zone: 'example.com',
    records: [mx('@', 0, 'mx1.example.net'), mx('@', 65535, 'mx2.example.net')],
    quiet: ['mx-priority-range'],
    expectedWarnings: ['mx-priority-high'],
  },
  'exchange of exactly 253 octets and labels of exactly 63': {
    zone: 'example.com',
    records: [mx('@', 10, `${['a'.repeat(63), 'b'.repeat(63), 'c'.repeat(63), 'd'.repeat(57)].join('.')}.net`), mx('@', 20, 'mx2.example.net')],
    quiet: ['dns-name-length', 'dns-label-length', 'mx-target-syntax'],
  },
  'exchange in a delegated subzone (the child zone holds its addresses)': {
    zone: 'example.com',
    records: [mx('@', 10, 'mx1.mail.example.com'), mx('@', 20, 'mx2.mail.example.com'), ns('mail', 'ns1.example.net'), ns('mail', 'ns2.example.net')],
    quiet: ['mx-target-no-address', 'mx-target-wildcard'],
  },
  'Cloudflare Email Routing with the priorities Cloudflare assigns': {
    zone: 'example.com',
    records: [mx('@', 13, 'route1.mx.cloudflare.net'), mx('@', 86, 'route2.mx.cloudflare.net'), mx('@', 24, 'route3.mx.cloudflare.net'), spf('@', 'v=spf1 include:_spf.mx.cloudflare.net ~all'), dmarc()],
    quiet: MX_HYGIENE,
  },
  'SPF in quoted 255-octet chunks the way Cloudflare stores long TXT': {
    zone: 'example.com',
    records: [mx('@', 1, 'smtp.google.com'), spf('@', '"v=spf1 include:_spf.google.com include:spf.protection.outlook.com" " include:mailgun.org ~all"'), dmarc()],
    quiet: ['spf-multiple', 'spf-syntax', 'spf-terminator'],
  },
  'SPF with redirect= and no all (RFC 7208 §6.1)': {
    zone: 'example.com',
    records: [mx('@', 1, 'smtp.google.com'), spf('@', 'v=spf1 redirect=_spf.example.com'), spf('_spf', 'v=spf1 include:_spf.google.com -all'), dmarc()],
    quiet: ['spf-terminator', 'spf-syntax', 'spf-multiple'],
  },
  'SPF beside other TXT records at the apex (one SPF, several verifications)': {
    zone: 'example.com',
    records: [mx('@', 1, 'smtp.google.com'), spf('@', 'v=spf1 include:_spf.google.com ~all'), txt('@', 'MS=ms999'), txt('@', 'facebook-domain-verification=abc'), txt('@', 'docusign=1234'), txt('@', 'spf is configured below'), dmarc()],
    quiet: ['spf-multiple'],
  },
  'DMARC at apex and at a subdomain (one record each)': {
    zone: 'example.com',
    records: [mx('@', 1, 'smtp.google.com'), dmarc(), mx('eu', 1, 'smtp.google.com'), dmarc('_dmarc.eu', 'quarantine')],
    quiet: ['dmarc-multiple'],
  },
  'delegated DMARC (_dmarc CNAME to a report service), MTA-STS, BIMI, TLS-RPT, CAA beside Google': {
    zone: 'example.com',
    records: [
      mx('@', 1, 'smtp.google.com'),
      spf('@', 'v=spf1 include:_spf.google.com ~all'),
      cname('_dmarc', 'example.com._d.dmarc-service.example.net.'),
      cname('mta-sts', 'mta-sts.host.example.net', { proxied: true, ttl: 1 }),
      txt('_mta-sts', 'v=STSv1; id=2026112501'),
      txt('_smtp._tls', 'v=TLSRPTv1; rua=mailto:tls@example.com'),
      txt('default._bimi', 'v=BIMI1; l=https://example.com/logo.svg'),
      { name: '@', type: 'CAA', value: '0 issue "letsencrypt.org"' },
    ],
    quiet: MX_HYGIENE,
  },
  'proxied webmail A at mail.<domain> while the MX is Google (not a mail host)': {
    zone: 'example.com',
    records: [mx('@', 1, 'smtp.google.com'), a('mail', '192.0.2.80', { proxied: true, ttl: 1 }), cname('webmail', 'ghs.googlehosted.com', { proxied: true, ttl: 1 }), dmarc()],
    quiet: ['cloudflare-proxied-mail-host', ...MX_HYGIENE],
  },
  'exchange of 253 octets written with its trailing dot (254 characters)': {
    zone: 'example.com',
    records: [mx('@', 10, `${['a'.repeat(63), 'b'.repeat(63), 'c'.repeat(63), 'd'.repeat(57)].join('.')}.net.`), mx('@', 20, 'mx2.example.net.')],
    quiet: ['dns-name-length', 'dns-label-length', 'mx-target-syntax'],
  },
  'IDN exchanges with ß and CJK labels': {
    zone: 'example.de',
    records: [mx('@', 10, 'mx.straße.example'), mx('@', 20, 'メール.例え.jp')],
    quiet: ['mx-target-syntax', 'mx-duplicate'],
  },
  'SPF with exactly ten lookups, exp= not counted; SenderID and v=spf10 are not SPF records': {
    zone: 'example.com',
    records: [
      mx('@', 1, 'smtp.google.com'),
      spf('@', `v=spf1 a mx ${Array.from({ length: 8 }, (_, i) => `include:s${i}.example.net`).join(' ')} exp=explain.example.com -all`),
      txt('@', 'spf2.0/pra include:_spf.google.com ~all'),
      txt('@', 'v=spf10 not an spf record'),
      dmarc(),
    ],
    quiet: ['spf-lookup-limit', 'spf-multiple', 'spf-syntax'],
  },
  'exchanges with digit-led and all-numeric inner labels (RFC 1123 §2.1)': {
    zone: 'example.com',
    records: [mx('@', 10, '1mx.example.net'), mx('@', 20, '123.mail.example.net'), mx('@', 30, 'mx-1.3com.example')],
    quiet: ['mx-target-syntax', 'mx-target-ip'],
  },
  'mixed-case owner and exchange for an in-zone host (no missing address)': {
    zone: 'Example.Org',
    records: [mx('@', 10, 'MX1.EXAMPLE.ORG.'), mx('@', 20, 'Mx2.Example.Org'), a('mx1.example.org.'), aaaa('MX2')],
    quiet: ['mx-target-no-address', 'mx-duplicate', 'mx-target-cname'],
  },
};

describe('adversarial: valid real-world setups produce no error', () => {
  test.each(Object.entries(VALID))('%s', (_label, { zone, records, quiet = [] }) => {
    const findings = lintZone({ zone, records });
    expect(errorsOf(findings)).toEqual([]);
    expect(findings.filter((f) => quiet.includes(f.rule))).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// Mistakes: each must come back with the catalogue's rule id and severity.
// ---------------------------------------------------------------------------------------------

interface BrokenCase {
  readonly zone?: string;
  readonly records: R[];
  /** The finding that must be reported: rule, severity, and the owner name it is at (FQDN with dot). */
  readonly expect: readonly [rule: string, severity: Severity, at?: string];
  /** Rules that must not fire for this input (e.g. vendor exemptions). */
  readonly absent?: readonly string[];
}

const BACKUP = mx('@', 50, 'backup.example.net');

const BROKEN: Readonly<Record<string, BrokenCase>> = {
  // MX → IP (RFC 5321 §5.1)
  'MX to an IPv4 literal': { records: [mx('@', 10, '192.0.2.25'), BACKUP], expect: ['mx-target-ip', 'error', 'example.com.'] },
  'MX to an IPv4 literal with a trailing dot': { records: [mx('@', 10, '192.0.2.25.'), BACKUP], expect: ['mx-target-ip', 'error'] },
  'MX to a bracketed address literal': { records: [mx('@', 10, '[192.0.2.25]'), BACKUP], expect: ['mx-target-ip', 'error'] },
  'MX to an IPv6 literal': { records: [mx('@', 10, '2001:db8::25'), BACKUP], expect: ['mx-target-ip', 'error'] },
  'MX to an IPv4-mapped IPv6 literal': { records: [mx('@', 10, '::ffff:192.0.2.25'), BACKUP], expect: ['mx-target-ip', 'error'] },
  'MX on a subdomain to an IP literal': { records: [mx('eu', 10, '198.51.100.7'), BACKUP], expect: ['mx-target-ip', 'error', 'eu.example.com.'] },

  // MX → CNAME in the zone (RFC 2181 §10.3)
  'MX to a CNAME, relative owner': { records: [mx('@', 10, 'mail.example.com'), BACKUP, cname('mail', 'ghs.googlehosted.com')], expect: ['mx-target-cname', 'error', 'example.com.'] },
  'MX to a CNAME, exchange with trailing dot and upper case': { records: [mx('@', 10, 'MAIL.Example.COM.'), BACKUP, cname('mail', 'host.example.net.')], expect: ['mx-target-cname', 'error'] },
  'MX to a CNAME whose owner is absolute and upper case': { records: [mx('@', 10, 'mail.example.com'), BACKUP, cname('MAIL.EXAMPLE.COM.', 'host.example.net')], expect: ['mx-target-cname', 'error'] },
  'MX to a CNAME, zone given with a trailing dot and capitals': { zone: 'Example.COM.', records: [mx('@', 10, 'relay.example.com.'), BACKUP, cname('Relay', 'relay.example.net.')], expect: ['mx-target-cname', 'error', 'example.com.'] },
  'MX to a CNAME that points to an in-zone A (still an alias)': { records: [mx('@', 10, 'smtp.example.com'), BACKUP, cname('smtp', 'box.example.com'), a('box')], expect: ['mx-target-cname', 'error'] },
  'MX on a subdomain to a CNAME below it': { records: [mx('eu', 10, 'mx.eu.example.com'), mx('eu', 20, 'mx2.example.net'), cname('mx.eu', 'eu-mail.example.net')], expect: ['mx-target-cname', 'error', 'eu.example.com.'] },
  'MX to a CNAME covered by a wildcard CNAME': { records: [mx('@', 10, 'mail.example.com'), BACKUP, cname('*', 'web.example.net')], expect: ['mx-target-cname', 'error'] },
  'IDN MX in Unicode to a CNAME written in punycode': { zone: 'bücher.example', records: [mx('@', 10, 'post.bücher.example'), mx('@', 20, 'mx2.example.net'), cname('post.xn--bcher-kva.example.', 'relay.example.net')], expect: ['mx-target-cname', 'error'] },
  'MX to the apex, which is a CNAME': { records: [mx('@', 10, 'example.com'), cname('@', 'site.example.net')], expect: ['mx-target-cname', 'error'] },

  // CNAME at apex / beside other data (RFC 1034 §3.6.2, RFC 2181 §10.1)
  'CNAME at the apex written as @': { records: [cname('@', 'site.example.net'), mx('@', 1, 'smtp.google.com')], expect: ['cname-at-apex', 'error', 'example.com.'] },
  'CNAME at the apex written absolute': { records: [cname('example.com.', 'site.example.net.'), mx('@', 1, 'smtp.google.com')], expect: ['cname-at-apex', 'error', 'example.com.'] },
  'CNAME at the apex of an otherwise empty zone': { records: [cname('@', 'site.example.net')], expect: ['cname-at-apex', 'error'] },
  'CNAME beside TXT (DKIM selector both CNAME and TXT)': { records: [cname('selector1._domainkey', 'selector1-example-com._domainkey.example.onmicrosoft.com'), txt('selector1._domainkey', 'v=DKIM1; k=rsa; p=MIGf')], expect: ['cname-coexists', 'error', 'selector1._domainkey.example.com.'] },
  'CNAME beside MX on a subdomain': { records: [cname('eu', 'eu.example.net'), mx('eu', 10, 'mx1.example.net'), mx('eu', 20, 'mx2.example.net')], expect: ['cname-coexists', 'error', 'eu.example.com.'] },
  'CNAME beside SPF TXT': { records: [cname('news', 'news.example.net'), spf('news', 'v=spf1 include:mailgun.org ~all')], expect: ['cname-coexists', 'error'] },
  'CNAME beside A, owners written differently': { records: [cname('Shop', 'shops.example.net'), a('shop.example.com.')], expect: ['cname-coexists', 'error', 'shop.example.com.'] },
  'two CNAMEs at one name': { records: [cname('www', 'a.example.net'), cname('WWW', 'b.example.net')], expect: ['cname-coexists', 'error'] },

  // Null MX (RFC 7505)
  'null MX beside another MX': { records: [mx('@', 0, '.'), mx('@', 10, 'mx.example.net'), spf('@', 'v=spf1 -all'), dmarc()], expect: ['null-mx-alone', 'error', 'example.com.'] },
  'null MX beside Google on a subdomain': { records: [mx('old', 0, '.'), mx('old', 1, 'smtp.google.com')], expect: ['null-mx-alone', 'error', 'old.example.com.'] },
  'two null MX records': { records: [mx('@', 0, '.'), mx('@', 10, '.'), spf('@', 'v=spf1 -all'), dmarc()], expect: ['null-mx-alone', 'error'] },
  'null MX at preference 10': { records: [mx('@', 10, '.'), spf('@', 'v=spf1 -all'), dmarc()], expect: ['null-mx-priority', 'warning', 'example.com.'] },
  'null MX without any SPF': { records: [mx('@', 0, '.'), dmarc()], expect: ['null-mx-spf', 'warning'] },
  'null MX with SPF ~all instead of -all': { records: [mx('@', 0, '.'), spf('@', 'v=spf1 ~all'), dmarc()], expect: ['null-mx-spf', 'warning'] },
  'null MX with an SPF that authorises senders': { records: [mx('@', 0, '.'), spf('@', 'v=spf1 include:_spf.google.com -all'), dmarc()], expect: ['null-mx-spf', 'warning'] },
  'null MX without DMARC p=reject': { records: [mx('@', 0, '.'), spf('@', 'v=spf1 -all'), dmarc('_dmarc', 'none')], expect: ['null-mx-dmarc', 'warning'] },

  // Exchange syntax (RFC 1123 §2.1, RFC 5321 §2.3.5)
  'exchange with an underscore': { records: [mx('@', 10, 'mail_1.example.net'), BACKUP], expect: ['mx-target-syntax', 'error'] },
  'exchange with an underscore label (_mx)': { records: [mx('@', 10, '_mx.example.net'), BACKUP], expect: ['mx-target-syntax', 'error'] },
  'exchange that is a wildcard name': { records: [mx('@', 10, '*.example.net'), BACKUP], expect: ['mx-target-syntax', 'error'] },
  'exchange with a space': { records: [mx('@', 10, 'mx example.net'), BACKUP], expect: ['mx-target-syntax', 'error'] },
  'exchange with a port': { records: [mx('@', 10, 'mx.example.net:25'), BACKUP], expect: ['mx-target-syntax', 'error'] },
  'exchange written as a URL': { records: [mx('@', 10, 'smtp://mx.example.net'), BACKUP], expect: ['mx-target-syntax', 'error'] },
  'exchange written as a mail address': { records: [mx('@', 10, 'postmaster@example.net'), BACKUP], expect: ['mx-target-syntax', 'error'] },
  'exchange with a leading hyphen label': { records: [mx('@', 10, '-mx.example.net'), BACKUP], expect: ['mx-target-syntax', 'error'] },
  'exchange with a trailing hyphen label': { records: [mx('@', 10, 'mx-.example.net'), BACKUP], expect: ['mx-target-syntax', 'error'] },
  'exchange with an empty label': { records: [mx('@', 10, 'mx..example.net'), BACKUP], expect: ['mx-target-syntax', 'error'] },
  'exchange with two trailing dots': { records: [mx('@', 10, 'mx.example.net..'), BACKUP], expect: ['mx-target-syntax', 'error'] },
  'exchange with a leading dot': { records: [mx('@', 10, '.mx.example.net'), BACKUP], expect: ['mx-target-syntax', 'error'] },
  'exchange that looks like an IP but is not (256)': { records: [mx('@', 10, '192.0.2.256'), BACKUP], expect: ['mx-target-syntax', 'error'] },
  'exchange with invalid punycode': { records: [mx('@', 10, 'xn--zz.example.net'), BACKUP], expect: ['mx-target-syntax', 'error'] },
  'priority written into the value': { records: [{ name: '@', type: 'MX', value: '10 mx.example.net' }], expect: ['mx-target-syntax', 'error'] },
  'single-label exchange': { records: [mx('@', 10, 'mail'), BACKUP], expect: ['mx-target-syntax', 'error'] },

  // Empty exchange
  'empty exchange': { records: [mx('@', 10, ''), BACKUP], expect: ['mx-target-empty', 'error'] },
  'blank exchange': { records: [mx('@', 10, '   '), BACKUP], expect: ['mx-target-empty', 'error'] },
  'MX without a value': { records: [{ name: '@', type: 'MX', priority: 10 } as unknown as R, BACKUP], expect: ['mx-target-empty', 'error'] },

  // Lengths (RFC 1035 §2.3.4), after punycode
  'exchange label of 64 octets': { records: [mx('@', 10, `${'x'.repeat(64)}.example.net`), BACKUP], expect: ['dns-label-length', 'error'] },
  'Unicode exchange label of 60 characters, 66 octets in punycode': { records: [mx('@', 10, `${'ä'.repeat(60)}.example.net`), BACKUP], expect: ['dns-label-length', 'error'] },
  'owner label of 64 octets': { records: [mx('x'.repeat(64), 10, 'mx1.example.net'), mx('x'.repeat(64), 20, 'mx2.example.net')], expect: ['dns-label-length', 'error'] },
  'exchange of 254 octets': { records: [mx('@', 10, `${['a'.repeat(63), 'b'.repeat(63), 'c'.repeat(63), 'd'.repeat(58)].join('.')}.net`), BACKUP], expect: ['dns-name-length', 'error'] },
  'Unicode exchange under 253 characters but over 253 octets in punycode': {
    records: [mx('@', 10, `${Array(8).fill('ü'.repeat(25)).join('.')}.example`), BACKUP], // 215 characters, 263 octets as punycode
    expect: ['dns-name-length', 'error'],
  },
  'Unicode owner label of 60 characters, 66 octets in punycode': { records: [txt('ä'.repeat(60), 'hello')], expect: ['dns-label-length', 'error'] },
  'Unicode owner under 253 characters but over 253 octets in punycode': { records: [a(Array(8).fill('ü'.repeat(25)).join('.'))], expect: ['dns-name-length', 'error'] },
  'owner name over 253 octets': { records: [txt(`${Array(4).fill('o'.repeat(60)).join('.')}`, 'hello')], expect: ['dns-name-length', 'error'] },

  // Preference (RFC 1035 §3.3.9)
  'preference 65536': { records: [mx('@', 65536, 'mx1.example.net'), BACKUP], expect: ['mx-priority-range', 'error'] },
  'preference -1': { records: [mx('@', -1, 'mx1.example.net'), BACKUP], expect: ['mx-priority-range', 'error'] },
  'preference 1.5': { records: [mx('@', 1.5, 'mx1.example.net'), BACKUP], expect: ['mx-priority-range', 'error'] },
  'preference missing': { records: [mx('@', undefined, 'mx1.example.net'), BACKUP], expect: ['mx-priority-range', 'error'] },
  'preference NaN': { records: [mx('@', Number.NaN, 'mx1.example.net'), BACKUP], expect: ['mx-priority-range', 'error'] },
  'preference Infinity': { records: [mx('@', Number.POSITIVE_INFINITY, 'mx1.example.net'), BACKUP], expect: ['mx-priority-range', 'error'] },
  'preference null': { records: [{ name: '@', type: 'MX', priority: null, value: 'mx1.example.net' } as unknown as R, BACKUP], expect: ['mx-priority-range', 'error'] },
  'preference a non-numeric string': { records: [mx('@', 'ten' as unknown as number, 'mx1.example.net'), BACKUP], expect: ['mx-priority-range', 'error'] },
  'null MX without a preference': { records: [mx('@', undefined, '.'), spf('@', 'v=spf1 -all'), dmarc()], expect: ['mx-priority-range', 'error'] },
  'preference an empty string': { records: [mx('@', '' as unknown as number, 'mx1.example.net'), BACKUP], expect: ['mx-priority-range', 'error'] },

  // Duplicates
  'same exchange twice, different case and trailing dot': { records: [mx('@', 10, 'mx.example.net'), mx('@', 20, 'MX.Example.NET.')], expect: ['mx-duplicate', 'error', 'example.com.'] },
  'same exchange twice at the same preference': { records: [mx('@', 10, 'mx.example.net'), mx('@', 10, 'mx.example.net'), mx('@', 20, 'mx2.example.net')], expect: ['mx-duplicate', 'error'] },
  'same IDN exchange in Unicode and punycode': { records: [mx('@', 10, 'mx.bücher.example'), mx('@', 20, 'mx.xn--bcher-kva.example'), mx('@', 30, 'mx2.example.net')], expect: ['mx-duplicate', 'error'] },

  // SPF (RFC 7208)
  'two SPF records at the apex': { records: [mx('@', 1, 'smtp.google.com'), spf('@', 'v=spf1 include:_spf.google.com ~all'), spf('@', 'v=spf1 include:spf.protection.outlook.com -all')], expect: ['spf-multiple', 'error', 'example.com.'] },
  'two SPF records, one quoted and split, one upper case': { records: [spf('@', '"v=spf1 include:_spf.google.com" " ~all"'), spf('@', 'V=SPF1 -all')], expect: ['spf-multiple', 'error'] },
  'two SPF records on a subdomain': { records: [spf('bounce', 'v=spf1 include:mailgun.org ~all'), spf('bounce.example.com.', 'v=spf1 include:sendgrid.net ~all')], expect: ['spf-multiple', 'error', 'bounce.example.com.'] },
  'SPF without all': { records: [mx('@', 1, 'smtp.google.com'), spf('@', 'v=spf1 include:_spf.google.com')], expect: ['spf-terminator', 'warning'] },
  'SPF with +all': { records: [spf('@', 'v=spf1 include:_spf.google.com +all')], expect: ['spf-terminator', 'warning'] },
  'SPF with a term after -all': { records: [spf('@', 'v=spf1 -all include:_spf.google.com')], expect: ['spf-terminator', 'warning'] },
  'SPF over ten lookups (RFC 7208 §4.6.4)': { records: [spf('@', `v=spf1 a mx ${Array.from({ length: 9 }, (_, i) => `include:s${i}.example.net`).join(' ')} -all`)], expect: ['spf-lookup-limit', 'error'] },
  'SPF over ten lookups through an in-zone include': {
    records: [spf('@', `v=spf1 include:_spf.example.com ${Array.from({ length: 5 }, (_, i) => `include:s${i}.example.net`).join(' ')} -all`), spf('_spf', `v=spf1 ${Array.from({ length: 6 }, (_, i) => `include:t${i}.example.net`).join(' ')} -all`)],
    expect: ['spf-lookup-limit', 'error', 'example.com.'],
  },

  // DMARC (RFC 7489)
  'DMARC twice': { records: [mx('@', 1, 'smtp.google.com'), dmarc(), dmarc('_dmarc', 'none')], expect: ['dmarc-multiple', 'error', '_dmarc.example.com.'] },
  'DMARC twice with different spelling of the owner': { records: [dmarc('_dmarc'), dmarc('_DMARC.example.com.', 'quarantine')], expect: ['dmarc-multiple', 'error'] },
  'DMARC published at the apex instead of _dmarc': { records: [mx('@', 1, 'smtp.google.com'), txt('@', 'v=DMARC1; p=reject')], expect: ['dmarc-misplaced', 'warning'] },

  // Cloudflare TTL
  'TTL 0': { records: [mx('@', 10, 'mx1.example.net', { ttl: 0 }), BACKUP], expect: ['cloudflare-ttl', 'error'] },
  'TTL 30': { records: [mx('@', 10, 'mx1.example.net', { ttl: 30 }), BACKUP], expect: ['cloudflare-ttl', 'error'] },
  'TTL 86401': { records: [txt('@', 'v=spf1 -all', { ttl: 86401 })], expect: ['cloudflare-ttl', 'error'] },
  'TTL 59 on an A record': { records: [a('www', '192.0.2.1', { ttl: 59 })], expect: ['cloudflare-ttl', 'error'] },
  'TTL negative': { records: [a('www', '192.0.2.1', { ttl: -1 })], expect: ['cloudflare-ttl', 'error'] },

  // Proxy
  'proxied A as the mail host': { records: [mx('@', 10, 'mail.example.com'), BACKUP, a('mail', '192.0.2.25', { proxied: true, ttl: 1 })], expect: ['cloudflare-proxied-mail-host', 'error', 'example.com.'] },
  'proxied AAAA as the mail host': { records: [mx('@', 10, 'mail.example.com'), BACKUP, a('mail', '192.0.2.25'), aaaa('mail', '2001:db8::25', { proxied: true })], expect: ['cloudflare-proxied-mail-host', 'error'] },
  'MX to the apex, whose A is proxied': { records: [mx('@', 10, 'example.com'), BACKUP, a('@', '192.0.2.80', { proxied: true })], expect: ['cloudflare-proxied-mail-host', 'error'] },
  'proxied MX record': { records: [mx('@', 10, 'mx1.example.net', { proxied: true }), BACKUP], expect: ['cloudflare-proxied-type', 'error'] },
  'proxied TXT record': { records: [txt('@', 'v=spf1 -all', { proxied: true })], expect: ['cloudflare-proxied-type', 'error'] },

  // Resilience (warnings)
  'single self-hosted MX': { records: [mx('@', 10, 'mail.example.com'), a('mail')], expect: ['mx-single', 'warning', 'example.com.'] },
  'single MX at a third-party host': { records: [mx('@', 10, 'mx.example.net')], expect: ['mx-single', 'warning'] },
  'Google single smtp.google.com is not mx-single, but missing DMARC is info': { records: [mx('@', 1, 'smtp.google.com')], expect: ['dmarc-missing', 'info'], absent: ['mx-single', 'mx-vendor-incomplete'] },
  'Microsoft 365 single host is not mx-single': { records: [mx('@', 0, 'contoso-com.mail.protection.outlook.com'), spf('@', 'v=spf1 -all')], expect: ['dmarc-missing', 'info'], absent: ['mx-single', 'mx-vendor-incomplete'] },
  'priorities 10 and 11': { records: [mx('@', 10, 'mx1.example.net'), mx('@', 11, 'mx2.example.net')], expect: ['mx-priority-gap', 'warning'] },
  'priorities 0 and 1 on self-hosted': { records: [mx('@', 0, 'mx1.example.org'), mx('@', 1, 'mx2.example.org'), a('mx1'), a('mx2')], zone: 'example.org', expect: ['mx-priority-gap', 'warning'] },
  'preference 101': { records: [mx('@', 10, 'mx1.example.net'), mx('@', 101, 'mx2.example.net')], expect: ['mx-priority-high', 'warning'] },
  'preference 65535 is legal but high': { records: [mx('@', 10, 'mx1.example.net'), mx('@', 65535, 'mx2.example.net')], expect: ['mx-priority-high', 'warning'], absent: ['mx-priority-range'] },
  'MX TTL 7200': { records: [mx('@', 10, 'mx1.example.net', { ttl: 7200 }), mx('@', 20, 'mx2.example.net', { ttl: 7200 })], expect: ['mx-ttl-high', 'warning'], absent: ['cloudflare-ttl'] },
  'MX TTL 3601': { records: [mx('@', 10, 'mx1.example.net', { ttl: 3601 }), mx('@', 20, 'mx2.example.net', { ttl: 3600 })], expect: ['mx-ttl-high', 'warning'] },
  'MX TTL 86400': { records: [mx('@', 10, 'mx1.example.net', { ttl: 86400 }), mx('@', 20, 'mx2.example.net')], expect: ['mx-ttl-high', 'warning'] },
  'Google and Microsoft 365 at one name': { records: [mx('@', 1, 'smtp.google.com'), mx('@', 10, 'contoso-com.mail.protection.outlook.com')], expect: ['mx-mixed-vendors', 'warning'] },
  'Google legacy and current at one name': { records: [mx('@', 1, 'smtp.google.com'), mx('@', 1, 'aspmx.l.google.com'), mx('@', 5, 'alt1.aspmx.l.google.com')], expect: ['mx-mixed-vendors', 'warning'] },
  'Mimecast gateway beside Microsoft 365': { records: [mx('@', 10, 'eu-smtp-inbound-1.mimecast.com'), mx('@', 10, 'eu-smtp-inbound-2.mimecast.com'), mx('@', 20, 'contoso-com.mail.protection.outlook.com')], expect: ['mx-mixed-vendors', 'warning'] },
  'Proton and Fastmail at one name': { records: [mx('@', 10, 'mail.protonmail.ch'), mx('@', 20, 'mailsec.protonmail.ch'), mx('@', 30, 'in1-smtp.messagingengine.com'), mx('@', 40, 'in2-smtp.messagingengine.com')], expect: ['mx-mixed-vendors', 'warning'] },
  'apex A without MX (implicit MX)': { records: [a('@'), spf('@', 'v=spf1 -all')], expect: ['implicit-mx', 'warning', 'example.com.'] },
  'apex AAAA only without MX': { records: [aaaa('@')], expect: ['implicit-mx', 'warning'] },
  'subdomain with SPF and A but no MX': { records: [mx('@', 1, 'smtp.google.com'), a('news'), spf('news', 'v=spf1 include:mailgun.org ~all')], expect: ['implicit-mx', 'warning', 'news.example.com.'] },
  'in-zone exchange without A/AAAA': { records: [mx('@', 10, 'mail.example.com'), mx('@', 20, 'mx2.example.net')], expect: ['mx-target-no-address', 'warning'] },
  'in-zone exchange holding only TXT': { records: [mx('@', 10, 'mail.example.com'), BACKUP, txt('mail', 'v=spf1 a -all')], expect: ['mx-target-no-address', 'warning'] },
  'MX pointing at its own name without address (loop)': { records: [mx('eu', 10, 'eu.example.com'), mx('eu', 20, 'mx2.example.net')], expect: ['mx-target-no-address', 'warning', 'eu.example.com.'] },
  'in-zone exchange only answered by a wildcard A': { records: [mx('@', 10, 'mail.example.com'), BACKUP, a('*')], expect: ['mx-target-wildcard', 'warning'] },
  'in-zone Unicode exchange without address': { zone: 'bücher.example', records: [mx('@', 10, 'mx.bücher.example'), mx('@', 20, 'mx2.example.net')], expect: ['mx-target-no-address', 'warning', 'xn--bcher-kva.example.'] },

  // Zone-file slips and record data
  'missing trailing dot in a zone-file exchange': { records: [mx('@', 10, 'mail.example.com.example.com.'), BACKUP, a('mail')], expect: ['name-repeats-zone', 'error'] },
  'A record holding a host name': { records: [mx('@', 10, 'mail.example.com'), BACKUP, a('mail', 'mail.example.net')], expect: ['address-invalid', 'error'] },
  'AAAA record holding an IPv4 address': { records: [mx('@', 10, 'mail.example.com'), BACKUP, aaaa('mail', '192.0.2.25')], expect: ['address-invalid', 'error'] },
};

describe('adversarial: mistakes come back with the catalogue rule and severity', () => {
  test.each(Object.entries(BROKEN))('%s', (_label, { zone = 'example.com', records, expect: [rule, severity, at], absent = [] }) => {
    const findings = lintZone({ zone, records });
    expect(findings).toContainEqual(expect.objectContaining({ rule, severity, ...(at ? { name: at } : {}) }));
    expect(findings.filter((f) => absent.includes(f.rule))).toEqual([]);
    expect(findings.filter((f) => f.rule === 'internal-error')).toEqual([]);
    for (const finding of findings) {
      expect(finding.name).toMatch(/\.$/);
      expect(finding.message.length).toBeGreaterThan(20);
    }
  });
});

describe('adversarial: the catalogue severities are the defaults', () => {
  // One mistake per catalogue row; the severity is what DESIGN.md's table says.
  const CATALOGUE: ReadonlyArray<[rule: string, severity: Severity]> = [
    ['mx-priority-range', 'error'], ['mx-target-empty', 'error'], ['mx-target-ip', 'error'], ['mx-target-syntax', 'error'],
    ['dns-label-length', 'error'], ['dns-name-length', 'error'], ['mx-target-cname', 'error'], ['cname-at-apex', 'error'],
    ['cname-coexists', 'error'], ['null-mx-alone', 'error'], ['mx-duplicate', 'error'], ['spf-multiple', 'error'],
    ['cloudflare-ttl', 'error'], ['cloudflare-proxied-mail-host', 'error'], ['null-mx-priority', 'warning'], ['null-mx-spf', 'warning'],
    ['mx-target-no-address', 'warning'], ['mx-single', 'warning'], ['mx-priority-gap', 'warning'], ['mx-priority-high', 'warning'],
    ['mx-ttl-high', 'warning'], ['mx-mixed-vendors', 'warning'], ['implicit-mx', 'warning'], ['spf-terminator', 'warning'],
    ['dmarc-multiple', 'error'], ['dmarc-missing', 'info'], ['null-mx-dmarc', 'warning'],
  ];
  test.each(CATALOGUE)('%s is a default %s and some adversarial case exercises it', (rule, severity) => {
    const exercised = Object.values(BROKEN).filter((c) => c.expect[0] === rule);
    expect(exercised.length).toBeGreaterThan(0);
    for (const c of exercised) expect(c.expect[1]).toBe(severity);
  });
});

describe('adversarial: precise outcomes', () => {
  test('a CNAME beside MX reports cname-coexists once, at the shared name, and the MX rules keep working', () => {
    const findings = lintZone({ zone: 'example.com', records: [cname('eu', 'eu.example.net'), mx('eu', 10, 'mx1.example.net'), mx('eu', 20, 'mx2.example.net')] });
    expect(findings.filter((f) => f.rule === 'cname-coexists')).toEqual([expect.objectContaining({ name: 'eu.example.com.', severity: 'error' })]);
  });

  test('MX to a CNAME also proxied reports both the alias and the proxy', () => {
    const findings = lintZone({ zone: 'example.com', records: [mx('@', 10, 'mail.example.com'), BACKUP, cname('mail', 'example.com', { proxied: true })] });
    expect(errorsOf(findings).map((f) => f.rule).sort()).toEqual(['cloudflare-proxied-mail-host', 'mx-target-cname']);
  });

  test('a null MX is never reported as an empty or invalid exchange', () => {
    const findings = lintZone({ zone: 'example.com', records: [mx('@', 0, '.'), mx('sub', 0, ' . ')] });
    expect(findings.map((f) => f.rule)).not.toEqual(expect.arrayContaining(['mx-target-empty']));
    expect(findings.filter((f) => ['mx-target-empty', 'mx-target-syntax', 'mx-single', 'mx-target-no-address'].includes(f.rule))).toEqual([]);
  });

  test('every error on a valid setup would have been a false positive: the full vendor sets report no warnings either (except SPF ?all advice)', () => {
    for (const [label, { zone, records, expectedWarnings = [] }] of Object.entries(VALID)) {
      const warnings = lintZone({ zone, records }).filter((f) => f.severity === 'warning' && f.rule !== 'spf-terminator' && !expectedWarnings.includes(f.rule));
      expect([label, warnings]).toEqual([label, []]);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Never throws on garbage (property tests).
// ---------------------------------------------------------------------------------------------

describe('adversarial: lintZone never throws on garbage input', () => {
  const isFindingList = (value: unknown) => Array.isArray(value) && value.every((f) => typeof f?.rule === 'string' && ['error', 'warning', 'info'].includes(f?.severity) && typeof f?.name === 'string' && typeof f?.message === 'string');

  test('any value as input and options', () => {
    fc.assert(fc.property(fc.anything(), fc.anything(), (input, options) => {
      const findings = lintZone(input as never, options as never);
      expect(isFindingList(findings)).toBe(true);
      expect(findings.filter((f) => f.rule === 'internal-error')).toEqual([]);
    }), { numRuns: Number(process.env.FC_RUNS ?? 300) });
  });

  const field = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.integer(), fc.double(), fc.constant(null), fc.constant(undefined), fc.boolean(), fc.array(fc.string()), fc.object(), fc.bigInt());
  const dnsish = fc.oneof(
    fc.constantFrom('@', '', '.', '*', '..', '_dmarc', 'mail', 'MAIL.example.com.', 'example.com', 'xn--', 'xn--zz', 'bücher', 'ä'.repeat(70), '192.0.2.1', '::1', '[::1]'),
    fc.stringMatching(/^[a-zA-Z0-9_.*-]{0,80}$/),
    fc.string({ unit: 'grapheme', maxLength: 40 }),
  );
  const record = fc.record({
    name: fc.oneof(dnsish, field),
    type: fc.oneof(fc.constantFrom('MX', 'mx', 'A', 'AAAA', 'CNAME', 'TXT', 'NS', 'SPF', 'SRV', 'Mx ', ''), field),
    priority: fc.oneof(fc.integer({ min: -2, max: 70000 }), field),
    value: fc.oneof(dnsish, fc.constantFrom('v=spf1 -all', 'v=spf1 include: x ~all', 'v=DMARC1; p=reject', '"v=spf1" " -all"', '"unterminated'), field),
    ttl: fc.oneof(fc.integer({ min: -5, max: 100000 }), field),
    proxied: fc.oneof(fc.boolean(), field),
  }, { requiredKeys: [] });

  test('records with any shape and DNS-like garbage in every field', () => {
    fc.assert(fc.property(fc.oneof(dnsish, field), fc.array(fc.oneof(record, field), { maxLength: 12 }), (zone, records) => {
      const findings = lintZone({ zone, records } as never);
      expect(isFindingList(findings)).toBe(true);
      expect(findings.filter((f) => f.rule === 'internal-error')).toEqual([]);
    }), { numRuns: Number(process.env.FC_RUNS ?? 400) });
  });

  const cyclic = () => { const o: Record<string, unknown> = {}; o.self = o; return o; };
  test('huge strings, numbers as names, null records, values of every JavaScript type', () => {
    const huge = 'a'.repeat(200_000);
    const inputs: unknown[] = [
      { zone: huge, records: [] },
      { zone: 'example.com', records: [null, undefined, 1, 'x', [], { name: 1, type: 'MX', value: 'x' }, { name: 12345, type: 2, value: 3 }] },
      { zone: 'example.com', records: [{ name: huge, type: 'TXT', value: huge }, { name: '@', type: 'MX', priority: 10, value: huge }, { name: '@', type: 'MX', priority: 10, value: `${'ü'.repeat(100_000)}.example` }] },
      { zone: 'example.com', records: [{ name: '@', type: 'TXT', value: `v=spf1 ${'include:a.example.net '.repeat(5000)}-all` }] },
      { zone: 'example.com', records: [{ name: '@', type: huge, value: 'x' }] },
      { zone: 42, records: [] },
      { zone: 'example.com', records: null },
      { zone: 'example.com', records: Array.from({ length: 2000 }, (_, i) => ({ name: `h${i}`, type: 'CNAME', value: `h${i + 1}.example.com` })) },
      { zone: 'example.com', records: [{ name: '@', type: 'MX', priority: 10, value: 'a.example.com' }, { name: 'a', type: 'CNAME', value: 'b.example.com' }, { name: 'b', type: 'CNAME', value: 'a.example.com' }] },
      { zone: 'example.com', records: [{ name: '@', type: 'MX', priority: 10n, value: 'mx.example.net' }, { name: '@', type: 'MX', priority: Symbol('p'), value: 'mx2.example.net' }] },
      { zone: 'example.com', records: [Object.create(null), { __proto__: { name: '@' }, type: 'A', value: '192.0.2.1' }] },
      { zone: 'example.com', records: [{ name: '@', type: 'MX', priority: Object.create(null), value: 'mx.example.net', ttl: Object.create(null) }, { name: '@', type: 'MX', priority: cyclic(), value: 'mx2.example.net', ttl: cyclic() }] },
      { zone: 'example.com', records: [{ name: '@', type: 'MX', priority: () => 10, value: '.', ttl: Symbol('t') }, { name: 'x', type: 'A', value: '192.0.2.1', ttl: 300n, proxied: true }] },
    ];
    for (const input of inputs) {
      let findings: Finding[] = [];
      expect(() => { findings = lintZone(input as never); }).not.toThrow();
      expect(isFindingList(findings)).toBe(true);
      expect(findings.filter((f) => f.rule === 'internal-error')).toEqual([]);
    }
  });
});
