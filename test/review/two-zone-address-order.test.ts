import { Testing } from 'cdktf';
import { GoogleWorkspaceMx } from '../../lib';
import { newStack } from '../helpers';

/**
 * Review defect: README, "Terraform addresses": reordering or wrapping constructs "leaves existing
 * records alone". With one domain under two zone ids, the zone whose construct comes FIRST keeps
 * the plain address and the other gets `__in__<zone>`; so swapping the two constructs (or deleting
 * the first one) moves every record of both zones to the other's address. Terraform then replaces
 * them (zone_id forces a new resource) and, with create_before_destroy, asks Cloudflare to create
 * a record identical to a live one (81057/81058).
 */
function addresses(order: readonly string[]): Record<string, string> {
  const stack = newStack();
  for (const zone of order) new GoogleWorkspaceMx(stack, `mail-${zone}`, { zoneId: zone, domain: 'example.com' });
  const records = (JSON.parse(Testing.synth(stack, true)) as { resource: { cloudflare_dns_record: Record<string, { zone_id: string }> } }).resource.cloudflare_dns_record;
  return Object.fromEntries(Object.entries(records).map(([address, r]) => [r.zone_id, address]));
}

describe('review: one domain under two zone ids', () => {
  test('DEFECT two-zone-order: swapping the two constructs keeps each zone\'s record at its address', () => {
    expect(addresses(['zone-staging', 'zone-prod'])).toEqual(addresses(['zone-prod', 'zone-staging']));
  });

  test('DEFECT two-zone-order: removing the first zone leaves the second zone\'s record where it was', () => {
    const both = addresses(['zone-prod', 'zone-staging']);
    expect(addresses(['zone-staging'])['zone-staging']).toBe(both['zone-staging']);
  });
});
