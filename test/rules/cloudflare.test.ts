// Cloudflare's own constraints.
import { cloudflareProxiedMailHost } from '../../lib/cloudflare/rules/cloudflare-proxied-mail-host';
import { cloudflareProxiedType } from '../../lib/cloudflare/rules/cloudflare-proxied-type';
import { cloudflareTtl } from '../../lib/cloudflare/rules/cloudflare-ttl';
import { describeRule } from './cases';

describeRule(cloudflareTtl, {
  fires: [
    { label: 'TTL 30 (Enterprise only)', records: [{ name: '@', type: 'MX', value: 'mx.example.net', priority: 10, ttl: 30 }], message: /TTL 30/ },
    { label: 'TTL 0', records: [{ name: '@', type: 'TXT', value: 'v=spf1 -all', ttl: 0 }] },
    { label: 'TTL above a day', records: [{ name: 'mail', type: 'A', value: '192.0.2.1', ttl: 172800 }] },
    { label: 'fractional TTL', records: [{ name: 'mail', type: 'A', value: '192.0.2.1', ttl: 300.5 }] },
    { label: 'proxied record with a TTL other than automatic', records: [{ name: 'www', type: 'A', value: '192.0.2.1', ttl: 300, proxied: true }], message: /proxied record must have TTL 1/ },
  ],
  quiet: [
    { label: 'automatic, 60 and 86400', records: [{ name: 'a', type: 'A', value: '192.0.2.1', ttl: 1 }, { name: 'b', type: 'A', value: '192.0.2.1', ttl: 60 }, { name: 'c', type: 'A', value: '192.0.2.1', ttl: 86400 }] },
    { label: 'no TTL given', records: [['@', 'MX', 'mx.example.net', 10]] },
    { label: 'apex NS and SOA with registry TTLs (Cloudflare serves them itself)', records: [{ name: '@', type: 'NS', value: 'ns1.example.net', ttl: 172800 }, { name: '@', type: 'SOA', value: 'ns1 host 1 2 3 4 5', ttl: 172800 }] },
    { label: 'proxied with automatic TTL', records: [{ name: 'www', type: 'A', value: '192.0.2.1', ttl: 1, proxied: true }] },
  ],
});

describeRule(cloudflareProxiedMailHost, {
  fires: [
    { label: 'exchange A record is proxied', records: [['@', 'MX', 'mail.example.com', 10], { name: 'mail', type: 'A', value: '192.0.2.1', proxied: true }], message: /proxied/ },
    { label: 'MX at the apex pointing at the proxied apex', records: [['@', 'MX', 'example.com', 10], { name: '@', type: 'AAAA', value: '2001:db8::1', proxied: true }] },
  ],
  quiet: [
    { label: 'DNS-only exchange beside a proxied www', records: [['@', 'MX', 'mail.example.com', 10], { name: 'mail', type: 'A', value: '192.0.2.1', proxied: false }, { name: 'www', type: 'A', value: '192.0.2.1', proxied: true }] },
    { label: 'out-of-zone exchange', records: [['@', 'MX', 'mx.example.net', 10]] },
  ],
});

describeRule(cloudflareProxiedType, {
  fires: [
    { label: 'proxied MX', records: [{ name: '@', type: 'MX', value: 'mx.example.net', priority: 10, proxied: true }], message: /MX record/ },
    { label: 'proxied TXT', records: [{ name: '@', type: 'TXT', value: 'v=spf1 -all', proxied: true }] },
  ],
  quiet: [{ label: 'proxied A, AAAA, CNAME; MX with proxied false', records: [{ name: 'a', type: 'A', value: '192.0.2.1', proxied: true }, { name: 'b', type: 'AAAA', value: '2001:db8::1', proxied: true }, { name: 'c', type: 'CNAME', value: 'x.example.net', proxied: true }, { name: '@', type: 'MX', value: 'mx.example.net', priority: 10, proxied: false }] }],
});
