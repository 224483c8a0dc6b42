import { Testing } from 'cdktf';
import { Construct } from 'constructs';
import { MxInputError, MxRecords } from '../../lib';
import { appSynthError, newStack, synthRecords } from '../helpers';

const zoneId = '023e105f4ecef8ad9ca31a8372d0c353';

function selfHosted(stack: Construct, records = [
  { priority: 10, exchange: 'mail.example.org' },
  { priority: 20, exchange: 'backup.example.net' },
]): MxRecords {
  return new MxRecords(stack, 'self-hosted', { zoneId, domain: 'example.org', records });
}

describe('MxRecords', () => {
  test('synthesizes one cloudflare_dns_record per MX with full name, priority, TTL and create-before-destroy', () => {
    const stack = newStack();
    selfHosted(stack);
    const records = synthRecords(stack);
    expect(records).toMatchSnapshot();
    expect(records).toEqual({
      mx__example_org__mail_example_org: { zone_id: zoneId, name: 'example.org', type: 'MX', content: 'mail.example.org', priority: 10, ttl: 3600, lifecycle: { create_before_destroy: true } },
      mx__example_org__backup_example_net: { zone_id: zoneId, name: 'example.org', type: 'MX', content: 'backup.example.net', priority: 20, ttl: 3600, lifecycle: { create_before_destroy: true } },
    });
  });

  test('cdktf matchers see the records', () => {
    const stack = newStack();
    selfHosted(stack);
    const synthesized = Testing.synth(stack, true);
    expect(synthesized).toHaveResourceWithProperties({ tfResourceType: 'cloudflare_dns_record' }, { name: 'example.org', type: 'MX', content: 'backup.example.net', priority: 20 });
    expect(synthesized).not.toHaveResourceWithProperties({ tfResourceType: 'cloudflare_dns_record' }, { content: 'backup.example.net.' });
  });

  test('normalises exchange and name: case, trailing dot, Unicode, relative name', () => {
    const stack = newStack();
    new MxRecords(stack, 'eu', { zoneId, domain: 'Bücher.Example.', name: 'EU', records: [{ priority: 5, exchange: 'MX.Bücher.Example.' }], ttl: 1, comment: 'EU office mail' });
    expect(Object.values(synthRecords(stack))).toEqual([
      expect.objectContaining({ name: 'eu.xn--bcher-kva.example', content: 'mx.xn--bcher-kva.example', priority: 5, ttl: 1, comment: 'EU office mail' }),
    ]);
  });

  test('exposes the records it created', () => {
    const stack = newStack();
    const mx = selfHosted(stack);
    expect(mx.records).toHaveLength(2);
    expect(mx.specs.map((s) => [s.priority, s.value])).toEqual([[10, 'mail.example.org'], [20, 'backup.example.net']]);
    expect(mx.recordName).toBe('example.org');
  });

  test('reordering or inserting records leaves existing Terraform addresses unchanged', () => {
    const before = newStack();
    selfHosted(before);
    const after = newStack();
    selfHosted(after, [
      { priority: 5, exchange: 'new.example.org' },
      { priority: 20, exchange: 'backup.example.net' },
      { priority: 10, exchange: 'mail.example.org' },
    ]);
    const beforeRecords = synthRecords(before);
    const afterRecords = synthRecords(after);
    for (const [address, record] of Object.entries(beforeRecords)) expect(afterRecords[address]).toEqual(record);
    expect(Object.keys(afterRecords)).toHaveLength(3);
  });

  test('changing a priority updates in place: the address stays', () => {
    const a = newStack();
    selfHosted(a);
    const b = newStack();
    selfHosted(b, [{ priority: 10, exchange: 'mail.example.org' }, { priority: 30, exchange: 'backup.example.net' }]);
    expect(Object.keys(synthRecords(b))).toEqual(Object.keys(synthRecords(a)));
  });

  test('wrapping the construct in another construct does not change addresses', () => {
    const flat = newStack();
    selfHosted(flat);
    const nested = newStack();
    selfHosted(new Construct(new Construct(nested, 'team'), 'mail'));
    expect(Object.keys(synthRecords(nested))).toEqual(Object.keys(synthRecords(flat)));
  });

  describe('invalid input fails synth with rule id, record, construct path and what is allowed', () => {
    test.each([
      [{ priority: 70000, exchange: 'mail.example.org' }, 'mx-priority-range', 'preference is 70000; it must be an integer from 0 to 65535'],
      [{ priority: -1, exchange: 'mail.example.org' }, 'mx-priority-range', 'preference is -1'],
      [{ priority: 1.5, exchange: 'mail.example.org' }, 'mx-priority-range', 'preference is 1.5'],
      [{ priority: 10, exchange: '' }, 'mx-target-empty', 'no host name given'],
      [{ priority: 10, exchange: '192.0.2.25' }, 'mx-target-ip', '"192.0.2.25" is an IP address'],
      [{ priority: 10, exchange: '2001:db8::25' }, 'mx-target-ip', 'is an IP address'],
      [{ priority: 10, exchange: 'mail_server.example.org' }, 'mx-target-syntax', 'contains "_"'],
      [{ priority: 10, exchange: 'mail..example.org' }, 'mx-target-syntax', 'empty label'],
      [{ priority: 10, exchange: `${'x'.repeat(64)}.example.org` }, 'dns-label-length', 'a label may have at most 63'],
      [{ priority: 10, exchange: `${'abcdefgh.'.repeat(30)}org` }, 'dns-name-length', 'a name may have at most 253'],
    ])('%j → %s', (entry, rule, text) => {
      const message = appSynthError((stack) => selfHosted(stack, [entry]));
      expect(message).toContain(`[${rule}] example.org. (stack/self-hosted)`);
      expect(message).toContain(text);
      // Testing.synth with validations fails the same way.
      const stack = newStack();
      selfHosted(stack, [entry]);
      expect(() => Testing.synth(stack, true)).toThrow(`[${rule}]`);
    });

    test('TTL outside Cloudflare\'s range', () => {
      for (const ttl of [0, 30, 59, 86401, 3.5]) {
        const message = appSynthError((stack) => new MxRecords(stack, 'mx', { zoneId, domain: 'example.org', ttl, records: [{ priority: 10, exchange: 'mx.example.net' }] }));
        expect(message).toContain('[cloudflare-ttl] example.org. (stack/mx)');
        expect(message).toContain(`TTL ${ttl} is not allowed; use 1 (automatic) or 60–86400 seconds`);
      }
    });

    test('all errors are reported at once', () => {
      const message = appSynthError((stack) => selfHosted(stack, [{ priority: 70000, exchange: 'mail.example.org' }, { priority: 10, exchange: '192.0.2.1' }]));
      expect(message).toContain('[mx-priority-range]');
      expect(message).toContain('[mx-target-ip]');
    });

    test('the same exchange twice in one construct', () => {
      const stack = newStack();
      expect(() => selfHosted(stack, [{ priority: 10, exchange: 'mail.example.org' }, { priority: 20, exchange: 'MAIL.example.org.' }]))
        .toThrow(/records\[1\]: example\.org MX mail\.example\.org is declared twice in one zone \(stack\/self-hosted and stack\/self-hosted\)/);
    });

    test('the same record from two constructs is an error, not a silent merge', () => {
      const stack = newStack();
      new MxRecords(stack, 'a', { zoneId, domain: 'example.org', records: [{ priority: 10, exchange: 'mx.example.net' }] });
      expect(() => new MxRecords(stack, 'b', { zoneId, domain: 'example.org', records: [{ priority: 20, exchange: 'mx.example.net' }] }))
        .toThrow('declared twice in one zone (stack/a and stack/b)');
    });

    test.each([
      [{ records: [] }, 'records: give at least one { priority, exchange }; for a domain that takes no mail use NullMx (stack/bad)'],
      [{ domain: 'not a domain' }, 'domain: "not a domain" is not a valid domain name'],
      [{ zoneId: '' }, 'zoneId: the Cloudflare zone id is required (MxRecords at stack/bad)'],
      [{ name: 'other.net.' }, 'name: "other.net." is outside the zone example.org'],
      [{ comment: 'two\nlines' }, 'comment: must be one line of at most 500 characters'],
    ])('props %j are rejected at construction', (override, message) => {
      const props = { zoneId, domain: 'example.org', records: [{ priority: 10, exchange: 'mx.example.net' }], ...override };
      const build = (): unknown => new MxRecords(newStack(), 'bad', props);
      expect(build).toThrow(MxInputError);
      expect(build).toThrow(message);
    });
  });

  test('a valid stack synthesizes through App.synth without errors', () => {
    const app = Testing.app();
    selfHosted(newStack('ok', app));
    expect(() => app.synth()).not.toThrow();
  });
});
