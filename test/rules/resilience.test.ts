// Resilience and hygiene rules, with the vendor awareness that keeps documented setups quiet.
import { implicitMx } from '../../lib/rules/implicit-mx';
import { mxMixedVendors } from '../../lib/rules/mx-mixed-vendors';
import { mxPriorityGap } from '../../lib/rules/mx-priority-gap';
import { mxPriorityHigh } from '../../lib/rules/mx-priority-high';
import { mxSingle } from '../../lib/rules/mx-single';
import { mxTtlHigh } from '../../lib/rules/mx-ttl-high';
import { mxVendorIncomplete } from '../../lib/rules/mx-vendor-incomplete';
import { describeRule, Rec } from './cases';

const mx = (exchange: string, priority: number, name = '@') => [name, 'MX', exchange, priority] as const;
const googleLegacy: Rec[] = [mx('aspmx.l.google.com', 1), mx('alt1.aspmx.l.google.com', 5), mx('alt2.aspmx.l.google.com', 5), mx('alt3.aspmx.l.google.com', 10), mx('alt4.aspmx.l.google.com', 10)];

describeRule(mxSingle, {
  fires: [
    { label: 'one self-hosted MX', records: [mx('mail.example.com', 10), ['mail', 'A', '192.0.2.1']], message: /one MX host \(mail\.example\.com\)/ },
    { label: 'half of Fastmail\'s set', records: [mx('in1-smtp.messagingengine.com', 10)], message: /Fastmail/ },
    { label: 'the same host twice is still one host', records: [mx('mail.example.com', 10), mx('MAIL.example.com.', 20)], count: 1 },
  ],
  quiet: [
    { label: 'Google Workspace smtp.google.com (documented redundant)', records: [mx('smtp.google.com', 1)] },
    { label: 'Microsoft 365 tenant host (documented redundant)', records: [mx('contoso-com.mail.protection.outlook.com', 0)] },
    { label: 'Microsoft 365 DANE host (documented redundant)', records: [mx('contoso-com.o-v1.mx.microsoft', 0)] },
    { label: 'vendor named by the construct that made it', records: [{ name: '@', type: 'MX', value: 'smtp.google.com', priority: 1, origin: { path: 's/g', vendor: { preset: 'google-workspace', variant: 'current' } } }] },
    { label: 'two hosts at equal priority', records: [mx('a.example.net', 10), mx('b.example.net', 10)] },
    { label: 'null MX', records: [mx('.', 0)] },
  ],
});

describeRule(mxPriorityGap, {
  fires: [
    { label: '10 and 11', records: [mx('a.example.net', 10), mx('b.example.net', 11)], message: /10 and 11.*1 apart/ },
    { label: 'own hosts at Google\'s legacy spacing are not exempt', records: [mx('a.example.net', 1), mx('b.example.net', 5)] },
    { label: 'a larger minPriorityGap', records: [mx('a.example.net', 10), mx('b.example.net', 20)], minPriorityGap: 20 },
    { label: 'Google legacy hosts at undocumented priorities', records: [mx('aspmx.l.google.com', 1), mx('alt1.aspmx.l.google.com', 2)] },
  ],
  quiet: [
    { label: '10/20/30', records: [mx('a.example.net', 10), mx('b.example.net', 20), mx('c.example.net', 30)] },
    { label: 'Google legacy 1/5/5/10/10 (vendor-documented)', records: googleLegacy },
    { label: 'equal priorities share load', records: [mx('a.example.net', 10), mx('b.example.net', 10)] },
    { label: 'Cloudflare Email Routing (priorities assigned per zone)', records: [mx('route1.mx.cloudflare.net', 13), mx('route2.mx.cloudflare.net', 15), mx('route3.mx.cloudflare.net', 17)] },
    { label: 'minPriorityGap 1', records: [mx('a.example.net', 10), mx('b.example.net', 11)], minPriorityGap: 1 },
  ],
});

describeRule(mxPriorityHigh, {
  fires: [{ label: 'preference 1000', records: [mx('a.example.net', 10), mx('b.example.net', 1000)], count: 1, message: /1000/ }],
  quiet: [
    { label: 'preference 100', records: [mx('a.example.net', 100)] },
    { label: 'a preference Cloudflare assigned', records: [mx('route1.mx.cloudflare.net', 113), mx('route2.mx.cloudflare.net', 186), mx('route3.mx.cloudflare.net', 124)] },
    { label: 'out of range is mx-priority-range', records: [mx('a.example.net', 70000)] },
  ],
});

describeRule(mxTtlHigh, {
  fires: [{ label: 'a day', records: [{ name: '@', type: 'MX', value: 'a.example.net', priority: 10, ttl: 86400 }, { name: '@', type: 'MX', value: 'b.example.net', priority: 20, ttl: 7200 }], count: 1, message: /86400/ }],
  quiet: [
    { label: 'an hour, and Cloudflare automatic', records: [{ name: '@', type: 'MX', value: 'a.example.net', priority: 10, ttl: 3600 }, { name: '@', type: 'MX', value: 'b.example.net', priority: 20, ttl: 1 }] },
    { label: 'a parked domain\'s null MX', records: [{ name: '@', type: 'MX', value: '.', priority: 0, ttl: 86400 }] },
  ],
});

describeRule(mxMixedVendors, {
  fires: [
    { label: 'Google and Microsoft 365', records: [mx('smtp.google.com', 1), mx('contoso-com.mail.protection.outlook.com', 0)], message: /2 vendors: Google Workspace.*Microsoft 365/ },
    { label: 'a gateway beside the mailbox provider', records: [mx('us-smtp-inbound-1.mimecast.com', 10), mx('us-smtp-inbound-2.mimecast.com', 10), mx('contoso-com.mail.protection.outlook.com', 20)], message: /Mimecast/ },
    { label: 'Google legacy and current sets', records: [mx('smtp.google.com', 1), ...googleLegacy], message: /smtp\.google\.com \(current\).*aspmx\.l\.google\.com \(legacy\)/ },
    { label: 'Cloudflare Email Routing hosts of two generations', records: [mx('route1.mx.cloudflare.net', 13), mx('linda.mx.cloudflare.net', 86)] },
  ],
  quiet: [
    { label: 'Google legacy set alone', records: googleLegacy },
    { label: 'mailbox.org legacy set (hosts shared with the current set)', records: [mx('mxext1.mailbox.org', 10), mx('mxext2.mailbox.org', 10), mx('mxext3.mailbox.org', 20)] },
    { label: 'a vendor plus your own backup', records: [mx('smtp.google.com', 1), mx('backup.example.net', 20)] },
    { label: 'two vendors at different names', records: [mx('smtp.google.com', 1), mx('in1-smtp.messagingengine.com', 10, 'eu'), mx('in2-smtp.messagingengine.com', 20, 'eu')] },
  ],
});

describeRule(mxVendorIncomplete, {
  fires: [
    { label: 'one of Fastmail\'s two hosts', records: [mx('in1-smtp.messagingengine.com', 10)], message: /1 of the 2 MX hosts Fastmail documents; missing: in2-smtp\.messagingengine\.com/ },
    { label: 'three of Google\'s five legacy hosts', records: googleLegacy.slice(0, 3), message: /alt3\.aspmx\.l\.google\.com, alt4\.aspmx\.l\.google\.com/ },
    { label: 'two of Zoho\'s three templated hosts', records: [mx('mx.zoho.eu', 10), mx('mx2.zoho.eu', 20)], message: /1 of its hosts are missing/ },
  ],
  quiet: [
    { label: 'Fastmail complete', records: [mx('in1-smtp.messagingengine.com', 10), mx('in2-smtp.messagingengine.com', 20)] },
    { label: 'Proton complete', records: [mx('mail.protonmail.ch', 10), mx('mailsec.protonmail.ch', 20)] },
    { label: 'mailbox.org legacy set', records: [mx('mxext1.mailbox.org', 10), mx('mxext2.mailbox.org', 10), mx('mxext3.mailbox.org', 20)] },
    { label: 'Zoho EU complete', records: [mx('mx.zoho.eu', 10), mx('mx2.zoho.eu', 20), mx('mx3.zoho.eu', 50)] },
    { label: 'Microsoft 365', records: [mx('contoso-com.mail.protection.outlook.com', 0)] },
    { label: 'self-hosted', records: [mx('mail.example.com', 10)] },
  ],
});

describeRule(implicitMx, {
  fires: [
    { label: 'apex with A and no MX', records: [['@', 'A', '192.0.2.1']], at: 'example.com', message: /implicit MX/ },
    { label: 'a name with SPF and an address but no MX', records: [['news', 'A', '192.0.2.1'], ['news', 'TXT', 'v=spf1 include:mailgun.org ~all'], ['@', 'MX', 'mx.example.net', 10]], at: 'news.example.com' },
    { label: 'a name with DMARC and an address but no MX', records: [['shop', 'AAAA', '2001:db8::1'], ['_dmarc.shop', 'TXT', 'v=DMARC1; p=reject'], ['@', 'MX', 'mx.example.net', 10]], at: 'shop.example.com' },
  ],
  quiet: [
    { label: 'apex with MX', records: [['@', 'A', '192.0.2.1'], ['@', 'MX', 'mx.example.net', 10]] },
    { label: 'apex with null MX', records: [['@', 'A', '192.0.2.1'], ['@', 'MX', '.', 0]] },
    { label: 'web hosts are not mail-relevant', records: [['@', 'MX', 'mx.example.net', 10], ['www', 'A', '192.0.2.1'], ['api', 'AAAA', '2001:db8::1']] },
    { label: 'wildcard A', records: [['@', 'MX', 'mx.example.net', 10], ['*', 'A', '192.0.2.1']] },
    { label: 'apex without address', records: [['@', 'TXT', 'v=spf1 -all']] },
    { label: 'a mail server\'s own name with HELO SPF (its implicit MX is itself)', records: [['@', 'MX', 'mail.example.com', 10], ['mail', 'A', '192.0.2.25'], ['mail', 'TXT', 'v=spf1 a -all']] },
  ],
});
