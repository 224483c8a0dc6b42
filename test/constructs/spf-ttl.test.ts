import { Testing } from 'cdktf';
import { GoogleWorkspaceMx, MxInputError, SpfInclude } from '../../lib';
import { HOSTS, hostStack } from '../hosts/host-stacks';
import { newStack } from '../helpers';
import { pinnedApp } from '../presets/examples';

/**
 * The merged SPF record is one TXT record (one RRset, RFC 2181 §5.2: one TTL). Contributors that
 * declare different TTLs are an error naming both, whatever order they are declared in, on every
 * host; keeping the first one's TTL silently made the result depend on declaration order.
 */
describe('SPF contributors with different TTLs', () => {
  const cloudflare = { label: 'Cloudflare', stack: () => newStack('stack', pinnedApp()), zone: { zoneId: 'z1', domain: 'example.com' } };
  const route53 = HOSTS.find((h) => h.label === 'Route 53')!;
  const cases = [cloudflare, { label: route53.label, stack: () => hostStack(route53, pinnedApp()), zone: { zone: route53.zone('example.com') } }];

  test.each(cases.map((c) => [c.label, c] as const))('%s: an error naming both constructs, in either order', (_label, host) => {
    const google = (stack: ReturnType<typeof host.stack>) => new GoogleWorkspaceMx(stack, 'google', { ...host.zone, ttl: 300, companions: { spf: true } });
    const sendgrid = (stack: ReturnType<typeof host.stack>) => new SpfInclude(stack, 'sendgrid', { ...host.zone, ttl: 3600, include: 'sendgrid.net' });
    for (const order of [[google, sendgrid], [sendgrid, google]]) {
      const stack = host.stack();
      let error: unknown;
      try {
        for (const add of order) add(stack);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(MxInputError);
      expect((error as Error).message).toMatch(/one TTL/);
      expect((error as Error).message).toContain('stack/google');
      expect((error as Error).message).toContain('stack/sendgrid');
    }
  });

  test('Cloudflare: the same TTL merges into one record with that TTL', () => {
    const stack = cloudflare.stack();
    new GoogleWorkspaceMx(stack, 'google', { ...cloudflare.zone, ttl: 300, companions: { spf: true } });
    new SpfInclude(stack, 'sendgrid', { ...cloudflare.zone, ttl: 300, include: 'sendgrid.net' });
    const records = Object.values((JSON.parse(Testing.synth(stack, true)) as { resource: { cloudflare_dns_record: Record<string, { type: string; content: string; ttl: number }> } }).resource.cloudflare_dns_record);
    const spf = records.filter((r) => r.type === 'TXT' && r.content.includes('v=spf1'));
    expect(spf.map((r) => [r.ttl, r.content])).toEqual([[300, expect.stringContaining('include:sendgrid.net')]]);
  });
});
