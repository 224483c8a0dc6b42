import { DnsRecord } from '@cdktf/provider-cloudflare/lib/dns-record';
import { TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { configureMxValidation, GoogleWorkspaceMx, MxInputError, MxRecords, MxValidation, NullMx, suppressMxRule } from '../../lib';
import { newStack } from '../helpers';

const zoneId = 'zone-1';
const raw = (stack: TerraformStack, id: string, props: { name: string; type: string; content: string; ttl?: number; proxied?: boolean; priority?: number; zoneId?: string }) =>
  new DnsRecord(stack, id, { zoneId: props.zoneId ?? zoneId, ttl: props.ttl ?? 300, ...props });
const selfHosted = (stack: TerraformStack, records = [{ priority: 10, exchange: 'mail.example.com' }, { priority: 20, exchange: 'mx2.example.net' }]) =>
  new MxRecords(stack, 'mail', { zoneId, domain: 'example.com', records });
const synthError = (stack: TerraformStack): string => {
  try {
    Testing.synth(stack, true);
  } catch (error) {
    return (error as Error).message;
  }
  return '';
};
/** Warnings and infos attached during validation, as the CLI would print them. */
const notes = (stack: TerraformStack): string[] => stack.node.findAll().flatMap((c) => c.node.metadata.filter((m) => m.type.includes('warn') || m.type.includes('info')).map((m) => String(m.data)));

describe('synth-time validation sees the whole zone, raw records included', () => {
  test('MX → raw CNAME: mx-target-cname error naming rule, record, both paths and fix', () => {
    const stack = newStack();
    selfHosted(stack);
    raw(stack, 'alias', { name: 'mail', type: 'CNAME', content: 'host.example.net' });
    expect(synthError(stack)).toContain('[stack] [mx-target-cname] example.com. (stack/mail): MX 10 mail.example.com: the exchange is a CNAME (declared at stack/alias) → host.example.net; an MX must name a host with its own A/AAAA records (RFC 2181 §10.3). Point the MX at host.example.net');
  });

  test('MX → raw A record: no error', () => {
    const stack = newStack();
    selfHosted(stack);
    raw(stack, 'host', { name: 'mail.example.com', type: 'A', content: '192.0.2.25' });
    expect(synthError(stack)).toBe('');
  });

  test('raw CNAME at the apex, raw second SPF, raw proxied mail host, raw TXT with quotes', () => {
    const stack = newStack();
    selfHosted(stack);
    raw(stack, 'apex', { name: '@', type: 'CNAME', content: 'site.example.net' });
    raw(stack, 'spf1', { name: 'example.com', type: 'TXT', content: '"v=spf1 include:_spf.google.com ~all"' });
    raw(stack, 'spf2', { name: 'example.com', type: 'TXT', content: 'v=spf1 mx -all' });
    raw(stack, 'host', { name: 'mail', type: 'A', content: '192.0.2.25', proxied: true, ttl: 1 });
    const message = synthError(stack);
    for (const rule of ['cname-at-apex', 'cname-coexists', 'spf-multiple', 'cloudflare-proxied-mail-host']) expect(message).toContain(`[${rule}]`);
    expect(message).toContain('(stack/apex)');
  });

  test('zone ids are compared after resolving tokens: two references to one variable are one zone', () => {
    const stack = newStack();
    const variable = new TerraformVariable(stack, 'zone_id', { type: 'string' });
    new MxRecords(stack, 'mail', { zoneId: variable.stringValue, domain: 'example.com', records: [{ priority: 10, exchange: 'mail.example.com' }, { priority: 20, exchange: 'mx2.example.net' }] });
    raw(stack, 'alias', { name: 'mail', type: 'CNAME', content: 'host.example.net', zoneId: variable.stringValue });
    expect(synthError(stack)).toContain('[mx-target-cname]');
  });

  test('raw records of another zone id are not part of the zone', () => {
    const stack = newStack();
    selfHosted(stack);
    raw(stack, 'alias', { name: 'mail', type: 'CNAME', content: 'host.example.net', zoneId: 'zone-2' });
    expect(MxValidation.of(stack).findings().findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  test('warnings are annotations and do not fail; warningsAsErrors fails on them', () => {
    const stack = newStack();
    selfHosted(stack, [{ priority: 10, exchange: 'mx1.example.net' }]);
    expect(synthError(stack)).toBe('');
    expect(notes(stack)).toContainEqual(expect.stringContaining('[mx-single] example.com. (stack/mail)'));
    configureMxValidation(stack, { warningsAsErrors: true });
    expect(synthError(stack)).toContain('[mx-single]');
  });

  test('infos of one rule past three names are summarised in one annotation', () => {
    const stack = newStack();
    for (let i = 0; i < 5; i++) new MxRecords(stack, `d${i}`, { zoneId: `z${i}`, domain: `d${i}.example`, records: [{ priority: 10, exchange: 'mx1.example.net' }, { priority: 20, exchange: 'mx2.example.net' }] });
    expect(synthError(stack)).toBe('');
    const dmarc = notes(stack).filter((n) => n.includes('[dmarc-missing]'));
    expect(dmarc).toEqual([expect.stringMatching(/^\[dmarc-missing\] 5 names \(d0\.example\., d1\.example\., d2\.example\., …\): a domain that receives or sends mail has no DMARC policy\. Publish/)]);
  });

  test('severity overrides apply at synth; unknown ids and severities are rejected at once', () => {
    const stack = newStack();
    selfHosted(stack);
    raw(stack, 'alias', { name: 'mail', type: 'CNAME', content: 'host.example.net' });
    configureMxValidation(stack, { rules: { 'mx-target-cname': 'warning' } });
    expect(synthError(stack)).toBe('');
    expect(() => configureMxValidation(stack, { rules: { 'mx-target-cnam': 'off' } })).toThrow(/no rule "mx-target-cnam"/);
    expect(() => configureMxValidation(stack, { rules: { 'mx-single': 'loud' as never } })).toThrow(MxInputError);
  });

  test('the shipped constructs validate clean', () => {
    const stack = newStack();
    new GoogleWorkspaceMx(stack, 'g', { zoneId: 'z-g', domain: 'example.com' });
    new NullMx(stack, 'parked', { zoneId: 'z-p', domain: 'parked.example' });
    expect(MxValidation.of(stack).findings().findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });
});

describe('suppressMxRule', () => {
  test('a suppression with a reason removes the finding and is recorded in the synthesized metadata', () => {
    const stack = newStack();
    const mail = selfHosted(stack, [{ priority: 10, exchange: 'mx1.example.net' }]);
    suppressMxRule(mail, { id: 'mx-single', reason: 'one relay on purpose; senders queue during maintenance' });
    expect(synthError(stack)).toBe('');
    expect(notes(stack).some((n) => n.includes('[mx-single]'))).toBe(false);
    const json = stack.toTerraform() as { '//': { metadata: Record<string, unknown> } };
    expect(json['//'].metadata['cdktf-mx']).toEqual({
      suppressions: [{ rule: 'mx-single', scope: 'stack/mail', path: 'stack/mail', reason: 'one relay on purpose; senders queue during maintenance', matched: [expect.stringMatching(/^\[mx-single\] example\.com\. \(stack\/mail\): /)] }],
    });
  });

  test('a suppression on the raw CNAME\'s construct silences mx-target-cname about it', () => {
    const stack = newStack();
    selfHosted(stack);
    const alias = raw(stack, 'alias', { name: 'mail', type: 'CNAME', content: 'host.example.net' });
    suppressMxRule(alias, { id: 'mx-target-cname', reason: 'flattened by Cloudflare for this host, checked with dig' });
    expect(synthError(stack)).toBe('');
  });

  test('a suppression that matched nothing is a warning (an error under warningsAsErrors)', () => {
    const stack = newStack();
    selfHosted(stack);
    raw(stack, 'host', { name: 'mail', type: 'A', content: '192.0.2.25' });
    suppressMxRule(stack, { id: 'mx-ttl-high', reason: 'left over from the 2024 migration' });
    expect(synthError(stack)).toBe('');
    expect(notes(stack)).toContainEqual(expect.stringContaining('[suppression-unused] stack: the suppression of "mx-ttl-high" matched no finding'));
    configureMxValidation(stack, { warningsAsErrors: true });
    expect(synthError(stack)).toContain('[suppression-unused]');
  });

  test('a stack-wide suppression with zone and name hides that finding only, never another domain\'s', () => {
    const stack = newStack();
    selfHosted(stack);
    raw(stack, 'host', { name: 'mail', type: 'A', content: '192.0.2.25' });
    raw(stack, 'spf-a', { name: '@', type: 'TXT', content: '"v=spf1 a -all"' });
    raw(stack, 'spf-b', { name: '@', type: 'TXT', content: '"v=spf1 mx -all"' });
    suppressMxRule(stack, { id: 'spf-multiple', zone: 'example.com', name: '@', reason: 'live at adoption; fixed after the first deploy' });
    expect(synthError(stack)).toBe('');
    // A second domain in another zone with the same error still fails synth.
    new MxRecords(stack, 'other', { zoneId: 'zone-2', domain: 'example.net', records: [{ priority: 10, exchange: 'mx.example.org' }, { priority: 20, exchange: 'mx2.example.org' }] });
    raw(stack, 'other-spf-a', { zoneId: 'zone-2', name: 'example.net', type: 'TXT', content: '"v=spf1 a -all"' });
    raw(stack, 'other-spf-b', { zoneId: 'zone-2', name: 'example.net', type: 'TXT', content: '"v=spf1 mx -all"' });
    const error = synthError(stack);
    expect(error).toContain('[spf-multiple] example.net.');
    expect(error).not.toContain('[spf-multiple] example.com.');
    const json = stack.toTerraform() as { '//': { metadata: Record<string, { suppressions: unknown[] }> } };
    expect(json['//'].metadata['cdktf-mx'].suppressions).toEqual([expect.objectContaining({ rule: 'spf-multiple', scope: 'stack', zone: 'example.com', name: '@' })]);
    expect(() => suppressMxRule(stack, { id: 'spf-multiple', zone: 'not a domain', reason: 'a long enough reason' })).toThrow(/zone must be a domain/);
    expect(() => suppressMxRule(stack, { id: 'spf-multiple', name: 5 as unknown as string, reason: 'a long enough reason' })).toThrow(/name must be a non-empty string/);
  });

  test('the reason must say something, and the id must exist', () => {
    const stack = newStack();
    const mail = selfHosted(stack);
    expect(() => suppressMxRule(mail, { id: 'mx-single', reason: 'legacy' })).toThrow(/at least 10 characters/);
    expect(() => suppressMxRule(mail, { id: 'mx-single', reason: '          ' })).toThrow(MxInputError);
    expect(() => suppressMxRule(mail, { id: 'mx-singel', reason: 'a long enough reason' })).toThrow(/no rule "mx-singel"/);
  });

  test('stacks without suppressions carry no cdktf-mx metadata', () => {
    const stack = newStack();
    selfHosted(stack);
    expect((stack.toTerraform() as { '//': { metadata: Record<string, unknown> } })['//'].metadata['cdktf-mx']).toBeUndefined();
  });
});
