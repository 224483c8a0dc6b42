// MTA-STS, TLS-RPT and DANE rules: each reports its case and accepts the correct zone.
import { danePartial } from '../../lib/rules/dane-partial';
import { daneTlsaStale } from '../../lib/rules/dane-tlsa-stale';
import { daneTlsaUsage } from '../../lib/rules/dane-tlsa-usage';
import { daneVendorPreconditions } from '../../lib/rules/dane-vendor-preconditions';
import { mtaStsMaxAge } from '../../lib/rules/mta-sts-max-age';
import { mtaStsMigration } from '../../lib/rules/mta-sts-migration';
import { mtaStsMultiple } from '../../lib/rules/mta-sts-multiple';
import { mtaStsMxUncovered } from '../../lib/rules/mta-sts-mx-uncovered';
import { mtaStsMxUncoveredTesting } from '../../lib/rules/mta-sts-mx-uncovered-testing';
import { mtaStsNullMx } from '../../lib/rules/mta-sts-null-mx';
import { mtaStsPolicySyntax } from '../../lib/rules/mta-sts-policy-syntax';
import { mtaStsRecordSyntax } from '../../lib/rules/mta-sts-record-syntax';
import { mtaStsWithoutTlsRpt } from '../../lib/rules/mta-sts-without-tls-rpt';
import { tlsRptMultiple } from '../../lib/rules/tls-rpt-multiple';
import { tlsRptSyntax } from '../../lib/rules/tls-rpt-syntax';
import { Rec, describeRule } from './cases';

const policy = (mode: string, mx: string[], maxAge = 604800) => `version: STSv1\r\nmode: ${mode}\r\n${mx.map((p) => `mx: ${p}\r\n`).join('')}max_age: ${maxAge}\r\n`;
const mx = (exchange: string, priority = 10, name = '@') => [name, 'MX', exchange, priority] as const;
const sts = (value = 'v=STSv1; id=abc123;', name = '_mta-sts') => [name, 'TXT', value] as const;
const rpt = (value = 'v=TLSRPTv1; rua=mailto:tls@example.com', name = '_smtp._tls') => [name, 'TXT', value] as const;
const KEY = 'ab'.repeat(32);
const tlsa = (host: string, value = `3 1 1 ${KEY}`) => [`_25._tcp.${host}`, 'TLSA', value] as const;
const M365 = 'contoso-com.mail.protection.outlook.com';
const M365_DANE = 'contoso-com.o-v1.mx.microsoft';

describeRule(mtaStsMxUncovered, {
  fires: [
    { label: 'a backup MX added without updating the enforce policy', records: [mx('mx1.example.com'), mx('backup.example.net', 20), sts()], policies: { '@': policy('enforce', ['mx1.example.com']) }, count: 1, message: /MX backup\.example\.net .*Add "mx: backup\.example\.net"/ },
    { label: 'Microsoft 365 moved to mx.microsoft, policy still *.mail.protection.outlook.com', records: [mx(M365_DANE, 0), sts()], policies: { '@': policy('enforce', ['*.mail.protection.outlook.com']) }, message: /Add "mx: contoso-com\.o-v1\.mx\.microsoft"/ },
    { label: 'a wildcard covers one label only', records: [mx('a.b.example.net')], policies: { '@': policy('enforce', ['*.example.net']) }, count: 1 },
    { label: 'the suggestion is the vendor\'s documented wildcard', records: [mx(M365, 0)], policies: { '@': policy('enforce', ['mx.example.com']) }, message: /Add "mx: \*\.mail\.protection\.outlook\.com"/ },
  ],
  quiet: [
    { label: 'every MX matched, case and trailing dot aside', records: [mx('MX1.Example.com.'), mx(M365, 0)], policies: { '@': policy('enforce', ['mx1.example.com', '*.mail.protection.outlook.com']) } },
    { label: 'testing mode is the other rule\'s', records: [mx('mx9.example.com')], policies: { '@': policy('testing', ['mx1.example.com']) } },
    { label: 'no policy known (zone file linted without --mta-sts-policy)', records: [mx('mx9.example.com'), sts()] },
    { label: 'a policy of another name', records: [mx('mx9.example.com'), mx('mx1.example.com', 10, 'eu')], policies: { eu: policy('enforce', ['mx1.example.com']) } },
  ],
});

describeRule(mtaStsMxUncoveredTesting, {
  fires: [{ label: 'testing policy missing an MX', records: [mx('mx1.example.com'), mx('mx2.example.com', 20)], policies: { '@': policy('testing', ['mx1.example.com']) }, count: 1, message: /testing MTA-STS policy.*Add "mx: mx2\.example\.com"/ }],
  quiet: [
    { label: 'testing policy covering every MX', records: [mx('mx1.example.com')], policies: { '@': policy('testing', ['*.example.com']) } },
    { label: 'mode none', records: [mx('mx1.example.com')], policies: { '@': policy('none', []) } },
  ],
});

const fromM365 = { path: 'stack/move', migration: { step: 'overlap' as const, role: 'from' as const }, vendor: { preset: 'microsoft-365', variant: 'current' } };
const toFastmail = (step: 'overlap' | 'cutover') => ({ path: 'stack/move', migration: { step, role: 'to' as const }, vendor: { preset: 'fastmail', variant: 'current' } });
const fastmail: Rec[] = [
  { name: '@', type: 'MX', value: 'in1-smtp.messagingengine.com', priority: 10, origin: toFastmail('overlap') },
  { name: '@', type: 'MX', value: 'in2-smtp.messagingengine.com', priority: 20, origin: toFastmail('overlap') },
];
const overlap: Rec[] = [...fastmail, { name: '@', type: 'MX', value: M365, priority: 30, origin: fromM365 }];
const cutover: Rec[] = fastmail.map((r) => ({ ...(r as Exclude<Rec, readonly unknown[]>), origin: toFastmail('cutover') }));

describeRule(mtaStsMigration, {
  fires: [
    { label: 'overlap: the policy covers only the old vendor', records: overlap, policies: { '@': policy('enforce', ['*.mail.protection.outlook.com']) }, count: 2, message: /MxMigration step overlap: MX in[12]-smtp\.messagingengine\.com \(the vendor mail moves to\).*Add "mx: in[12]-smtp\.messagingengine\.com"/ },
    { label: 'overlap: the policy covers only the new vendor', records: overlap, policies: { '@': policy('testing', ['in1-smtp.messagingengine.com', 'in2-smtp.messagingengine.com']) }, count: 1, message: /step overlap: MX contoso-com.*\(the vendor mail leaves\).*Add "mx: \*\.mail\.protection\.outlook\.com"/ },
    { label: 'cutover: the old vendor\'s pattern is still listed', records: cutover, policies: { '@': policy('enforce', ['*.mail.protection.outlook.com', 'in1-smtp.messagingengine.com', 'in2-smtp.messagingengine.com']) }, count: 1, message: /step cutover: .*"mx: \*\.mail\.protection\.outlook\.com".*remove it/ },
  ],
  quiet: [
    { label: 'overlap covering both vendors', records: overlap, policies: { '@': policy('enforce', ['*.mail.protection.outlook.com', 'in1-smtp.messagingengine.com', 'in2-smtp.messagingengine.com']) } },
    { label: 'cutover listing the new vendor only', records: cutover, policies: { '@': policy('enforce', ['in1-smtp.messagingengine.com', 'in2-smtp.messagingengine.com']) } },
    { label: 'no migration: an extra pattern is not this rule\'s business', records: [mx('mx1.example.com')], policies: { '@': policy('enforce', ['mx1.example.com', 'old.example.net']) } },
  ],
});

describeRule(mtaStsNullMx, {
  fires: [
    { label: '_mta-sts beside a null MX', records: [mx('.', 0), sts()], count: 1, message: /null MX/ },
    { label: 'a policy for a null MX name', records: [mx('.', 0)], policies: { '@': policy('none', []) }, count: 1 },
  ],
  quiet: [{ label: 'MTA-STS with real MX', records: [mx('mx1.example.com'), sts()] }, { label: 'null MX without MTA-STS', records: [mx('.', 0)] }],
});

describeRule(mtaStsRecordSyntax, {
  fires: [
    { label: 'no id', records: [sts('v=STSv1;')], message: /no id/ },
    { label: 'id with a hyphen', records: [sts('v=STSv1; id=2024-01-01;')], message: /letters and digits/ },
    { label: 'id longer than 32', records: [sts(`v=STSv1; id=${'1'.repeat(33)}`)] },
  ],
  quiet: [
    { label: 'valid record with an extension field', records: [sts('v=STSv1; id=20240101T000000; ext=x')] },
    { label: 'other TXT at _mta-sts (senders discard them)', records: [sts('google-site-verification=abc')] },
  ],
});

describeRule(mtaStsMultiple, {
  fires: [{ label: 'old id left beside the new one', records: [sts('v=STSv1; id=old1;'), sts('v=STSv1; id=new2;')], count: 1, message: /2 MTA-STS records/ }],
  quiet: [{ label: 'one record', records: [sts()] }, { label: 'one per name', records: [sts(), sts('v=STSv1; id=x;', '_mta-sts.eu')] }],
});

describeRule(tlsRptSyntax, {
  fires: [
    { label: 'http: report URI', records: [rpt('v=TLSRPTv1; rua=http://r.example.com')], message: /neither mailto: nor https:/ },
    { label: 'no rua', records: [rpt('v=TLSRPTv1;')], message: /no rua/ },
  ],
  quiet: [{ label: 'mailto and https', records: [rpt('v=TLSRPTv1; rua=mailto:tls@example.com,https://r.example.com/tlsrpt')] }],
});

describeRule(tlsRptMultiple, {
  fires: [{ label: 'two records', records: [rpt(), rpt('v=TLSRPTv1; rua=mailto:other@example.com')], count: 1, message: /2 TLS-RPT records/ }],
  quiet: [{ label: 'one record with two URIs', records: [rpt('v=TLSRPTv1; rua=mailto:a@example.com,mailto:b@example.com')] }],
});

describeRule(mtaStsMaxAge, {
  fires: [{ label: 'two years', records: [mx('mx1.example.com')], policies: { '@': policy('enforce', ['mx1.example.com'], 63115200) }, count: 1, message: /above 31557600/ }],
  quiet: [{ label: 'exactly the maximum', records: [mx('mx1.example.com')], policies: { '@': policy('enforce', ['mx1.example.com'], 31557600) } }],
});

describeRule(mtaStsPolicySyntax, {
  fires: [
    { label: 'mode strict', records: [mx('mx1.example.com')], policies: { '@': 'version: STSv1\nmode: strict\nmx: mx1.example.com\nmax_age: 86400\n' }, message: /mode is "strict"/ },
    { label: 'enforce without mx', records: [mx('mx1.example.com')], policies: { '@': 'version: STSv1\nmode: enforce\nmax_age: 86400\n' }, message: /at least one mx/ },
  ],
  quiet: [
    { label: 'LF endings and an extension field', records: [mx('mx1.example.com')], policies: { '@': 'version: STSv1\nmode: enforce\nmx: mx1.example.com\nmax_age: 86400\nx: y\n' } },
    { label: 'only max_age out of range (the other rule)', records: [mx('mx1.example.com')], policies: { '@': policy('enforce', ['mx1.example.com'], 99999999) } },
  ],
});

describeRule(mtaStsWithoutTlsRpt, {
  fires: [{ label: '_mta-sts without _smtp._tls', records: [mx('mx1.example.com'), sts()], count: 1, message: /no TLS-RPT record at _smtp\._tls\.example\.com/ }],
  quiet: [{ label: 'both', records: [mx('mx1.example.com'), sts(), rpt()] }, { label: 'neither', records: [mx('mx1.example.com')] }],
});

describeRule(daneTlsaUsage, {
  fires: [
    { label: 'usage 1 (PKIX-EE)', records: [mx('mx1.example.com'), tlsa('mx1.example.com', `1 1 1 ${KEY}`)], message: /usage 1 \(PKIX-EE\)/ },
    { label: 'usage 0 (PKIX-TA)', records: [mx('mx1.example.com'), tlsa('mx1.example.com', `0 0 1 ${KEY}`)], message: /PKIX-TA/ },
    { label: 'SHA-256 data of 31 octets', records: [mx('mx1.example.com'), tlsa('mx1.example.com', `3 1 1 ${'ab'.repeat(31)}`)], message: /31 octets/ },
  ],
  quiet: [
    { label: '3 1 1 and 2 0 2', records: [mx('mx1.example.com'), tlsa('mx1.example.com'), tlsa('mx1.example.com', `2 0 2 ${'cd'.repeat(64)}`)] },
    { label: 'TLSA for HTTPS is not SMTP\'s', records: [['_443._tcp.www', 'TLSA', `1 1 1 ${KEY}`]] },
  ],
});

describeRule(danePartial, {
  fires: [{ label: 'mx1 with TLSA, mx2 without', records: [mx('mx1.example.com'), mx('mx2.example.com', 20), tlsa('mx1.example.com')], count: 1, message: /MX mx2\.example\.com has no TLSA/ }],
  quiet: [
    { label: 'both with TLSA', records: [mx('mx1.example.com'), mx('MX2.example.com.', 20), tlsa('mx1.example.com'), tlsa('mx2.example.com')] },
    { label: 'no DANE at all', records: [mx('mx1.example.com'), mx('mx2.example.com', 20)] },
    { label: 'out-of-zone MX hosts are their zones\' business', records: [mx('mx1.example.com'), mx('mx.vendor.net', 20), tlsa('mx1.example.com')] },
  ],
});

describeRule(daneTlsaStale, {
  fires: [{ label: 'TLSA left for the old MX host after a migration', records: [mx('new.example.com'), tlsa('new.example.com'), tlsa('old.example.com')], count: 1, message: /for old\.example\.com, which is an MX exchange of no name/ }],
  quiet: [{ label: 'TLSA for an MX of a sub-name', records: [mx('mx.eu.example.com', 10, 'eu'), tlsa('mx.eu.example.com')] }],
});

describeRule(daneVendorPreconditions, {
  fires: [
    { label: 'mx.microsoft endpoint with a fallback MX', records: [mx(M365_DANE, 0), mx('backup.example.net', 20)], count: 1, message: /Exchange Online inbound SMTP DANE.*must be the only MX/ },
    { label: 'mx.microsoft endpoint at priority 5', records: [mx(M365_DANE, 5)], count: 1, message: /priority must be 0 or 10, not 5/ },
  ],
  quiet: [
    { label: 'the endpoint alone at 0', records: [mx(M365_DANE, 0)] },
    { label: 'the endpoint alone at 10', records: [mx(M365_DANE, 10)] },
    { label: 'the classic endpoint with a backup (no DANE there)', records: [mx(M365, 0), mx('backup.example.net', 20)] },
  ],
});
