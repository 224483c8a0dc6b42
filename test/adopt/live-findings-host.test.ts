// The generated app publishes to Cloudflare, so the live zone is judged with Cloudflare's host
// rules only: another host's rule (route53-ttl, rfc2136-ttl, …) would be noise about a host the
// records are not going to.
import { liveFindings } from '../../lib/adopt/findings';
import { normaliseLiveRecord } from '../../lib/adopt/live-zone';

test('live findings use the Cloudflare host rules, not every host', () => {
  const records = [
    normaliseLiveRecord({ id: 'a', name: 'example.com', type: 'MX', content: 'mx1.example.net', priority: 10, ttl: 2147483648 }, 'example.com'),
    normaliseLiveRecord({ id: 'b', name: 'example.com', type: 'MX', content: 'mx2.example.net', priority: 20, ttl: 300 }, 'example.com'),
  ];
  const rules = liveFindings({ domain: 'example.com', source: 'test', records, unreadable: [] }).map((f) => f.rule);
  expect(rules).toContain('cloudflare-ttl');
  expect(rules.filter((rule) => /^(route53|google-dns|rfc2136)-/.test(rule))).toEqual([]);
});
