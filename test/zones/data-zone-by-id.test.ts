import { DataCloudflareZone } from '@cdktf/provider-cloudflare/lib/data-cloudflare-zone';
import { DnsRecord } from '@cdktf/provider-cloudflare/lib/dns-record';
import { Testing } from 'cdktf';
import { MxRecords } from '../../lib';
import { newStack } from '../helpers';

/**
 * A `DataCloudflareZone` looked up by id (`{ zoneId: 'abc…' }`) and the literal id are one zone
 * (as two lookups by `filter.name` are): zone-wide rules see records declared either way.
 */
describe('a zone looked up by id', () => {
  test('DataCloudflareZone({ zoneId }) and the literal id are one zone', () => {
    const id = '023e105f4ecef8ad9ca31a8372d0c353';
    const stack = newStack();
    const zone = new DataCloudflareZone(stack, 'zone', { zoneId: id });
    new MxRecords(stack, 'mail', { zoneId: zone.zoneId, domain: 'example.com', records: [
      { priority: 10, exchange: 'mx1.example.net' },
      { priority: 20, exchange: 'mx2.example.net' },
    ] });
    new DnsRecord(stack, 'apex-cname', { zoneId: id, name: '@', type: 'CNAME', content: 'shop.example.net', ttl: 1 });
    expect(() => Testing.synth(stack, true)).toThrow(/cname-at-apex/);
  });
});
