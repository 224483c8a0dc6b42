import { DnsRecord } from '@cdktf/provider-cloudflare/lib/dns-record';
import { TerraformStack } from 'cdktf';
import { MxRecords, MxValidation, renderZone } from '../../lib';
import { newStack } from '../helpers';
import { exampleZones, presetZones } from '../testing/zones';
import { describeWithTool, namedCheckzone } from './tools';

describeWithTool('named-checkzone', 'BIND named-checkzone loads every rendered zone', (checkzone) => {
  const zones = [...exampleZones({ soa: true }), ...presetZones({ soa: true })];

  test.each(zones.map((z) => [z.label, z] as const))('%s', (_label, zone) => {
    const result = namedCheckzone(checkzone, zone.apex, zone.text);
    // No warnings either: the output is only the load line.
    expect(result.output).toBe(`zone ${zone.apex}/IN: loaded serial 1\nOK`);
    expect(result.loaded).toBe(true);
  });
});

describeWithTool('named-checkzone', 'BIND and our rules agree on what is an error', (checkzone) => {
  const zoneId = 'z1';
  /** A self-hosted example.com whose mail host has an address, plus `extra` raw records. */
  const stackWith = (extra: (stack: TerraformStack) => void): TerraformStack => {
    const stack = newStack();
    new MxRecords(stack, 'mail', { zoneId, domain: 'example.com', records: [{ priority: 10, exchange: 'mail.example.com' }, { priority: 20, exchange: 'mx2.example.net' }] });
    extra(stack);
    return stack;
  };
  const record = (stack: TerraformStack, id: string, name: string, type: string, content: string, priority?: number): void => {
    new DnsRecord(stack, id, { zoneId, name, type, content, ttl: 300, ...(priority !== undefined ? { priority } : {}) });
  };
  const errorRules = (stack: TerraformStack): string[] =>
    MxValidation.of(stack).findings().findings.filter((f) => f.severity === 'error').map((f) => f.rule);
  const check = (stack: TerraformStack) => namedCheckzone(checkzone, 'example.com', renderZone(stack, 'example.com', { soa: true }));

  test('a zone the rules accept loads', () => {
    const stack = stackWith((s) => record(s, 'host', 'mail.example.com', 'A', '192.0.2.25'));
    expect(errorRules(stack)).toEqual([]);
    expect(check(stack)).toEqual({ loaded: true, output: expect.stringMatching(/OK$/) });
  });

  test('CNAME beside other data: cname-coexists, and BIND refuses the zone', () => {
    const stack = stackWith((s) => {
      record(s, 'host', 'mail.example.com', 'A', '192.0.2.25');
      record(s, 'www', 'www.example.com', 'CNAME', 'web.example.net');
      record(s, 'www-txt', 'www.example.com', 'TXT', '"site verification"');
    });
    expect(errorRules(stack)).toContain('cname-coexists');
    const result = check(stack);
    expect(result.output).toMatch(/www\.example\.com: CNAME and other data/);
    expect(result.loaded).toBe(false);
  });

  test('MX to a CNAME: mx-target-cname, and BIND refuses it with -M fail', () => {
    const stack = stackWith((s) => {
      record(s, 'alias', 'mail.example.com', 'CNAME', 'host.example.com');
      record(s, 'host', 'host.example.com', 'A', '192.0.2.25');
    });
    expect(errorRules(stack)).toContain('mx-target-cname');
    const result = check(stack);
    expect(result.output).toMatch(/example\.com\/MX 'mail\.example\.com' is a CNAME \(illegal\)/);
    expect(result.loaded).toBe(false);
  });

  test('MX to an IP address: mx-target-ip, and BIND refuses it', () => {
    const stack = stackWith((s) => {
      record(s, 'host', 'mail.example.com', 'A', '192.0.2.25');
      record(s, 'ip-mx', 'example.com', 'MX', '192.0.2.26', 30);
    });
    expect(errorRules(stack)).toContain('mx-target-ip');
    const result = check(stack);
    expect(result.output).toMatch(/MX is an address/);
    expect(result.loaded).toBe(false);
  });
});
