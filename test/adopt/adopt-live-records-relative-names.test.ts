import { DnsRecord } from '@cdktf/provider-cloudflare/lib/dns-record';
import { Testing } from 'cdktf';
import { Construct } from 'constructs';
import { adoptLiveRecords, MxRecords } from '../../lib';
import { newStack } from '../helpers';

/**
 * `adoptLiveRecords(construct, zoneId, [...])` matches resources by synthesized attributes.
 * Cloudflare takes `@` and names relative to the zone, and users' own DnsRecords use them; the
 * live record (as the API lists it) has the full name. Unmatched, the first deploy would ask
 * Cloudflare to create a record identical to the live one (81057/81058).
 */
describe('adoptLiveRecords and names written as Cloudflare accepts them', () => {
  const ZONE = '023e105f4ecef8ad9ca31a8372d0c353';

  test.each([['@', 'example.com'], ['www', 'www.example.com']])(
    'a DnsRecord named %s is the live record %s',
    (written, live) => {
      const stack = newStack();
      const mine = new Construct(stack, 'mine');
      new DnsRecord(mine, 'spf', { zoneId: ZONE, name: written, type: 'TXT', content: '"v=spf1 -all"', ttl: 1 });
      adoptLiveRecords(mine, ZONE, [{ id: '372e67954025e0ba6aaa6d586b9e0b59', type: 'TXT', name: live, value: 'v=spf1 -all' }]);
      const json = JSON.parse(Testing.synth(stack)) as { import?: Array<{ id: string }> };
      expect(json.import?.map((i) => i.id)).toEqual([`${ZONE}/372e67954025e0ba6aaa6d586b9e0b59`]);
    },
  );

  test('when a construct declares the zone, `@` is its apex, not another live name with the same content', () => {
    const stack = newStack();
    new MxRecords(stack, 'mail', { zoneId: ZONE, domain: 'example.com', records: [{ priority: 10, exchange: 'mx1.example.net' }, { priority: 20, exchange: 'mx2.example.net' }] });
    const mine = new Construct(stack, 'mine');
    new DnsRecord(mine, 'spf', { zoneId: ZONE, name: '@', type: 'TXT', content: '"v=spf1 -all"', ttl: 1 });
    adoptLiveRecords(mine, ZONE, [
      { id: 'aaaa7954025e0ba6aaa6d586b9e0b59', type: 'TXT', name: 'sub.example.com', value: 'v=spf1 -all' },
      { id: 'bbbb7954025e0ba6aaa6d586b9e0b59', type: 'TXT', name: 'example.com', value: 'v=spf1 -all' },
    ]);
    const json = JSON.parse(Testing.synth(stack)) as { import?: Array<{ id: string }> };
    expect(json.import?.map((i) => i.id)).toEqual([`${ZONE}/bbbb7954025e0ba6aaa6d586b9e0b59`]);
  });
});
