// SPF and DMARC rules.
import { dmarcMisplaced } from '../../lib/rules/dmarc-misplaced';
import { dmarcMissing } from '../../lib/rules/dmarc-missing';
import { dmarcMultiple } from '../../lib/rules/dmarc-multiple';
import { dmarcSyntax } from '../../lib/rules/dmarc-syntax';
import { nullMxDmarc } from '../../lib/rules/null-mx-dmarc';
import { nullMxSpf } from '../../lib/rules/null-mx-spf';
import { spfLookupLimit } from '../../lib/rules/spf-lookup-limit';
import { spfMultiple } from '../../lib/rules/spf-multiple';
import { spfRecordType } from '../../lib/rules/spf-record-type';
import { spfSyntax } from '../../lib/rules/spf-syntax';
import { spfTerminator } from '../../lib/rules/spf-terminator';
import { describeRule } from './cases';

const txt = (name: string, value: string) => [name, 'TXT', value] as const;

describeRule(spfMultiple, {
  fires: [
    { label: 'two vendors\' SPF side by side', records: [txt('@', 'v=spf1 include:_spf.google.com ~all'), txt('@', 'v=spf1 include:spf.protection.outlook.com -all')], count: 1, message: /2 SPF records/ },
    { label: 'case-insensitive version tag', records: [txt('@', 'V=SPF1 -all'), txt('@', 'v=spf1 mx -all')], count: 1 },
  ],
  quiet: [
    { label: 'one SPF beside verification TXT', records: [txt('@', 'v=spf1 include:_spf.google.com ~all'), txt('@', 'google-site-verification=abc'), txt('@', 'MS=ms12345678')] },
    { label: 'SPF at two names', records: [txt('@', 'v=spf1 -all'), txt('eu', 'v=spf1 -all')] },
    { label: '"v=spf10" is not SPF', records: [txt('@', 'v=spf1 -all'), txt('@', 'v=spf10 nonsense')] },
  ],
});

describeRule(spfSyntax, {
  fires: [
    { label: 'space after include:', records: [txt('@', 'v=spf1 include: _spf.google.com ~all')], message: /needs a domain/ },
    { label: 'unknown mechanism', records: [txt('@', 'v=spf1 ipv4:192.0.2.1 -all')], message: /not an SPF mechanism/ },
    { label: 'bad ip4', records: [txt('@', 'v=spf1 ip4:192.0.2.300 -all')], message: /not an IPv4/ },
    { label: 'bad prefix', records: [txt('@', 'v=spf1 ip4:192.0.2.0/33 -all')], message: /prefix/ },
    { label: 'IPv6 in ip4', records: [txt('@', 'v=spf1 ip4:2001:db8::/32 -all')] },
    { label: 'two redirects', records: [txt('@', 'v=spf1 redirect=a.example.net redirect=b.example.net')], message: /more than once/ },
    { label: 'include of a domain with a trailing comma', records: [txt('@', 'v=spf1 include:_spf.google.com, -all')], message: /does not end in a domain/ },
  ],
  quiet: [
    { label: 'a vendor SPF', records: [txt('@', 'v=spf1 include:_spf.google.com ~all')] },
    { label: 'every mechanism form', records: [txt('@', 'v=spf1 a mx a:mail.example.com/24 mx//64 a/24//64 ptr ip4:192.0.2.0/24 ip6:2001:db8::/32 exists:%{i}.spf.example.com include:spf.example.net ?all')] },
    { label: 'modifiers', records: [txt('@', 'v=spf1 redirect=_spf.example.net'), txt('eu', 'v=spf1 -all exp=explain.example.com'), txt('us', 'v=spf1 -all custom-mod=x')] },
    { label: 'qualifiers and case', records: [txt('@', 'v=spf1 +MX -IP4:192.0.2.1 ~ALL')] },
  ],
});

const includes = (n: number) => Array.from({ length: n }, (_, i) => `include:s${i}.example.net`).join(' ');
describeRule(spfLookupLimit, {
  fires: [
    { label: '11 includes', records: [txt('@', `v=spf1 ${includes(11)} -all`)], message: /at least 11/ },
    { label: 'in-zone includes counted through', records: [txt('@', `v=spf1 ${includes(8)} include:_spf.example.com -all`), txt('_spf', 'v=spf1 a mx include:x.example.net -all')], message: /at least 12/ },
  ],
  quiet: [
    { label: '10 lookups', records: [txt('@', `v=spf1 ${includes(9)} mx -all`)] },
    { label: 'ip4/ip6/all cost nothing', records: [txt('@', `v=spf1 ${Array.from({ length: 20 }, (_, i) => `ip4:192.0.2.${i}`).join(' ')} -all`)] },
    { label: 'an include loop in the zone is counted once', records: [txt('@', 'v=spf1 include:_a.example.com -all'), txt('_a', 'v=spf1 include:_b.example.com -all'), txt('_b', 'v=spf1 include:_a.example.com -all')] },
  ],
});

describeRule(spfTerminator, {
  fires: [
    { label: 'no all', records: [txt('@', 'v=spf1 include:_spf.google.com')], message: /no "all"/ },
    { label: '+all', records: [txt('@', 'v=spf1 mx +all')], message: /every host/ },
    { label: 'bare all', records: [txt('@', 'v=spf1 mx all')], message: /every host/ },
    { label: '?all', records: [txt('@', 'v=spf1 include:_spf.google.com ?all')], message: /neutral/ },
    { label: 'terms after all', records: [txt('@', 'v=spf1 -all include:_spf.google.com')], message: /never evaluated/ },
    { label: 'all and redirect', records: [txt('@', 'v=spf1 redirect=_spf.example.net ~all')], message: /redirect= is ignored/ },
  ],
  quiet: [
    { label: '-all', records: [txt('@', 'v=spf1 mx -all')] },
    { label: '~all', records: [txt('@', 'v=spf1 include:_spf.google.com ~all')] },
    { label: 'redirect', records: [txt('@', 'v=spf1 redirect=_spf.yandex.net')] },
    { label: 'exp= after -all is a modifier, not a term after all', records: [txt('@', 'v=spf1 -all exp=why.example.com')] },
    // Fastmail documents ?all for domains that also send elsewhere: followed, not warned about.
    { label: '?all with a vendor that documents it', records: [txt('@', 'v=spf1 include:_spf.google.com include:spf.messagingengine.com ?all')] },
  ],
});

describeRule(spfRecordType, {
  fires: [{ label: 'type SPF', records: [['@', 'SPF', 'v=spf1 -all']] }],
  quiet: [{ label: 'TXT', records: [txt('@', 'v=spf1 -all')] }],
});

describeRule(dmarcMultiple, {
  fires: [{ label: 'two DMARC records', records: [txt('_dmarc', 'v=DMARC1; p=none'), txt('_dmarc', 'v=DMARC1; p=reject')], count: 1, at: '_dmarc.example.com' }],
  quiet: [{ label: 'one DMARC and an unrelated TXT', records: [txt('_dmarc', 'v=DMARC1; p=reject'), txt('_dmarc', 'some-verification=1')] }],
});

describeRule(dmarcMisplaced, {
  fires: [{ label: 'DMARC at the apex', records: [txt('@', 'v=DMARC1; p=reject')], message: /_dmarc\.example\.com/ }],
  quiet: [{ label: 'DMARC at _dmarc and at _dmarc.eu', records: [txt('_dmarc', 'v=DMARC1; p=reject'), txt('_dmarc.eu', 'v=DMARC1; p=none')] }],
});

describeRule(dmarcSyntax, {
  fires: [
    { label: 'no p=', records: [txt('_dmarc', 'v=DMARC1; rua=mailto:d@example.com')], message: /no p=/ },
    { label: 'p=rejected', records: [txt('_dmarc', 'v=DMARC1; p=rejected')], message: /p=rejected/ },
    { label: 'lower-case version', records: [txt('_dmarc', 'v=dmarc1; p=reject')], message: /exactly "v=DMARC1;"/ },
    { label: 'bad sp and pct', records: [txt('_dmarc', 'v=DMARC1; p=none; sp=block; pct=150')], message: /sp=block.*pct=150/ },
  ],
  quiet: [{ label: 'full record', records: [txt('_dmarc', 'v=DMARC1; p=quarantine; sp=reject; pct=100; rua=mailto:d@example.com; adkim=s')] }],
});

describeRule(dmarcMissing, {
  fires: [
    { label: 'receiving domain without DMARC', records: [['@', 'MX', 'mx.example.net', 10]], at: 'example.com' },
    { label: 'sending-only name without DMARC', records: [txt('news', 'v=spf1 include:mailgun.org ~all')], at: 'news.example.com' },
  ],
  quiet: [
    { label: 'DMARC at the name', records: [['@', 'MX', 'mx.example.net', 10], txt('_dmarc', 'v=DMARC1; p=none')] },
    { label: 'subdomain covered by the apex DMARC', records: [['eu', 'MX', 'mx.example.net', 10], txt('_dmarc', 'v=DMARC1; p=reject')] },
    { label: 'null MX only (null-mx-dmarc covers it)', records: [['@', 'MX', '.', 0], txt('@', 'v=spf1 -all')] },
  ],
});

describeRule(nullMxSpf, {
  fires: [
    { label: 'null MX without SPF', records: [['@', 'MX', '.', 0]], message: /no SPF/ },
    { label: 'null MX with an SPF that authorises senders', records: [['@', 'MX', '.', 0], txt('@', 'v=spf1 include:_spf.google.com ~all')], message: /authorises senders/ },
  ],
  quiet: [
    { label: 'null MX with v=spf1 -all', records: [['@', 'MX', '.', 0], txt('@', 'v=spf1 -all')] },
    { label: 'null MX with -all and exp=', records: [['@', 'MX', '.', 0], txt('@', 'v=spf1 -all exp=parked.example.com')] },
    { label: 'no null MX', records: [['@', 'MX', 'mx.example.net', 10]] },
  ],
});

describeRule(nullMxDmarc, {
  fires: [
    { label: 'no DMARC', records: [['@', 'MX', '.', 0], txt('@', 'v=spf1 -all')], message: /no DMARC record/ },
    { label: 'p=none', records: [['@', 'MX', '.', 0], txt('_dmarc', 'v=DMARC1; p=none')], message: /policy is none/ },
    { label: 'subdomain inherits sp=none', records: [['old', 'MX', '.', 0], txt('_dmarc', 'v=DMARC1; p=reject; sp=none')], message: /inherited/ },
  ],
  quiet: [
    { label: 'p=reject', records: [['@', 'MX', '.', 0], txt('_dmarc', 'v=DMARC1; p=reject;')] },
    { label: 'subdomain covered by the apex p=reject', records: [['old', 'MX', '.', 0], txt('_dmarc', 'v=DMARC1; p=reject')] },
  ],
});
