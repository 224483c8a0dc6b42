import { DnsRecord } from '@cdktf/provider-cloudflare/lib/dns-record';
import { Testing } from 'cdktf';
import { Construct } from 'constructs';
import { adoptLiveRecords } from '../../lib';
import { newStack } from '../helpers';

/**
 * Review defect: README: `adoptLiveRecords(construct, zoneId, [...])` "attaches import ids to
 * the cloudflare_dns_record resources below construct that match (by resource type and
 * synthesized attributes, so it works with any binding)". Cloudflare takes `@` and names
 * relative to the zone, and users' own DnsRecords use them; the live record (as the API lists
 * it) has the full name. Such records never match: no import block, only a warning, so the
 * first deploy asks Cloudflare to create a record identical to the live one (81057/81058).
 */
describe('review: adoptLiveRecords and names written as Cloudflare accepts them', () => {
  const ZONE = '023e105f4ecef8ad9ca31a8372d0c353';

  test.each([['@', 'example.com'], ['www', 'www.example.com']])(
    'DEFECT adopt-live-relative-names: a DnsRecord named %s is the live record %s',
    (written, live) => {
      const stack = newStack();
      const mine = new Construct(stack, 'mine');
      new DnsRecord(mine, 'spf', { zoneId: ZONE, name: written, type: 'TXT', content: '"v=spf1 -all"', ttl: 1 });
      adoptLiveRecords(mine, ZONE, [{ id: '372e67954025e0ba6aaa6d586b9e0b59', type: 'TXT', name: live, value: 'v=spf1 -all' }]);
      const json = JSON.parse(Testing.synth(stack)) as { import?: Array<{ id: string }> };
      expect(json.import?.map((i) => i.id)).toEqual([`${ZONE}/372e67954025e0ba6aaa6d586b9e0b59`]);
    },
  );
});
