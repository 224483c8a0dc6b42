import { DataCloudflareZone } from '@cdktf/provider-cloudflare/lib/data-cloudflare-zone';
import { DnsRecord } from '@cdktf/provider-cloudflare/lib/dns-record';
import { Testing } from 'cdktf';
import { MxRecords } from '../../lib';
import { newStack } from '../helpers';

/**
 * Review defect: a `DataCloudflareZone` looked up by id (`{ zoneId: 'abc…' }`) and the literal
 * id are one zone, but only lookups by `filter.name` are matched. A raw CNAME at the apex
 * declared with the literal id, beside MxRecords declared with the data source's `zoneId`,
 * synthesizes with no finding (the same pair with both literal, or both by name, fails synth).
 */
describe('review: a zone looked up by id', () => {
  test('DEFECT data-zone-by-id: DataCloudflareZone({ zoneId }) and the literal id are one zone', () => {
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
