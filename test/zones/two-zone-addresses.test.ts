import { Testing } from 'cdktf';
import { CloudflareZone, GoogleWorkspaceMx, MxInputError } from '../../lib';
import { newStack } from '../helpers';

/**
 * Documented behaviour (docs/constructs.md, "Terraform addresses"): with one domain under two zone ids in one
 * stack, the zone whose construct comes FIRST keeps the plain address and the other gets
 * `__in__<zone>`. Swapping the two constructs, or deleting the first, moves the records of both
 * zones to the other's address (Terraform replaces them). docs/constructs.md says so; these tests pin
 * that behaviour, and show `CloudflareZone.fromId(id, domain, { addressQualifier })` making the
 * order irrelevant.
 */
function addresses(order: readonly string[], qualifiers: Readonly<Record<string, string>> = {}): Record<string, string> {
  const stack = newStack();
  for (const zone of order) {
    const target = qualifiers[zone] !== undefined ? { zone: CloudflareZone.fromId(zone, 'example.com', { addressQualifier: qualifiers[zone] }) } : { zoneId: zone, domain: 'example.com' };
    new GoogleWorkspaceMx(stack, `mail-${zone}`, target);
  }
  const records = (JSON.parse(Testing.synth(stack, true)) as { resource: { cloudflare_dns_record: Record<string, { zone_id: string }> } }).resource.cloudflare_dns_record;
  return Object.fromEntries(Object.entries(records).map(([address, r]) => [r.zone_id, address]));
}

describe('one domain under two zone ids: addresses follow declaration order', () => {
  test('the first-declared zone keeps the plain address, the later one is qualified with its zone', () => {
    expect(addresses(['zone-prod', 'zone-staging'])).toEqual({
      'zone-prod': 'mx__example_com__smtp_google_com',
      'zone-staging': 'mx__example_com__smtp_google_com__in__zone-staging',
    });
  });

  test('swapping the constructs swaps the addresses (why docs/constructs.md says to keep the order)', () => {
    const before = addresses(['zone-prod', 'zone-staging']);
    const after = addresses(['zone-staging', 'zone-prod']);
    expect(after['zone-staging']).toBe(before['zone-prod']);
    expect(after['zone-prod']).toBe('mx__example_com__smtp_google_com__in__zone-prod');
  });

  test('a zone alone in a stack has the plain address whatever zones other stacks declare', () => {
    expect(addresses(['zone-staging'])['zone-staging']).toBe('mx__example_com__smtp_google_com');
  });

  test('addressQualifier pins a zone\'s addresses: order and removal no longer move any record', () => {
    const pin = { 'zone-staging': 'staging' };
    const both = addresses(['zone-prod', 'zone-staging'], pin);
    expect(both).toEqual({ 'zone-prod': 'mx__example_com__smtp_google_com', 'zone-staging': 'mx__example_com__smtp_google_com__in__staging' });
    expect(addresses(['zone-staging', 'zone-prod'], pin)).toEqual(both);
    expect(addresses(['zone-staging'], pin)['zone-staging']).toBe(both['zone-staging']);
    expect(addresses(['zone-prod'], pin)['zone-prod']).toBe(both['zone-prod']);
  });

  test.each([[''], ['Staging'], ['a b'], ['x'.repeat(61)], [42]])('addressQualifier %p is refused with the field named', (qualifier) => {
    expect(() => CloudflareZone.fromId('zone-prod', 'example.com', { addressQualifier: qualifier as string })).toThrow(MxInputError);
    expect(() => CloudflareZone.fromId('zone-prod', 'example.com', { addressQualifier: qualifier as string })).toThrow(/addressQualifier/);
  });
});
