import { DnsRecord } from '@cdktf/provider-cloudflare/lib/dns-record';
import { TerraformStack } from 'cdktf';
import { join } from 'node:path';
import { compareCanonicalNames, formatZone, MxRecords, NullMx, readSynthesizedRecords, renderZone, setupMxJest, zoneSnapshotSerializer } from '../../lib';
import { fromCloudflareTxt } from '../../lib/cloudflare/txt';
import { newStack, withSynth } from '../helpers';

setupMxJest();

/** example.com with our constructs and the user's own records, written every which way. */
function mixedZone(stack: TerraformStack): void {
  new MxRecords(stack, 'mail', { zoneId: 'z1', domain: 'Example.COM.', records: [{ priority: 20, exchange: 'backup.example.net' }, { priority: 10, exchange: 'Mail.Example.com.' }] });
  new NullMx(stack, 'no-reply', { zoneId: 'z1', domain: 'example.com', name: 'noreply' });
  new DnsRecord(stack, 'host', { zoneId: 'z1', name: 'mail', type: 'A', content: '192.0.2.25', ttl: 1 });
  new DnsRecord(stack, 'host6', { zoneId: 'z1', name: 'mail.example.com', type: 'AAAA', content: '2001:db8::25', ttl: 300 });
  new DnsRecord(stack, 'www', { zoneId: 'z1', name: 'www.example.com', type: 'CNAME', content: 'web.example.net', ttl: 1, proxied: true });
  new DnsRecord(stack, 'quote', { zoneId: 'z1', name: '@', type: 'TXT', content: '"say \\"hi\\" \\\\ bye"', ttl: 600 });
  new DnsRecord(stack, 'other-zone', { zoneId: 'z2', name: 'example.org', type: 'MX', content: 'mx.example.org', priority: 5, ttl: 300 });
}

const MIXED_ZONE = `; cdktf-mx zone example.com.
; TTL 1 (Cloudflare automatic) is shown as 300, the TTL Cloudflare serves for it.
example.com. 3600 IN MX 10 mail.example.com.
example.com. 3600 IN MX 20 backup.example.net.
example.com. 600 IN TXT "say \\"hi\\" \\\\ bye"
mail.example.com. 300 IN A 192.0.2.25
mail.example.com. 300 IN AAAA 2001:db8::25
noreply.example.com. 3600 IN MX 0 .
noreply.example.com. 3600 IN TXT "v=spf1 -all"
_dmarc.noreply.example.com. 3600 IN TXT "v=DMARC1; p=reject;"
www.example.com. 300 IN CNAME web.example.net. ; proxied: Cloudflare serves its own addresses here
`;

describe('renderZone', () => {
  test('a stack: every record of the zone, ours and the user\'s, as sorted BIND text', () => {
    const stack = newStack();
    mixedZone(stack);
    expect(renderZone(stack, 'example.com')).toBe(MIXED_ZONE);
  });

  test('synthesized output gives the same text as the stack', () => {
    withSynth(mixedZone, (stack, outdir) => {
      expect(renderZone(outdir, 'example.com')).toBe(renderZone(stack, 'example.com'));
      expect(renderZone(join(outdir, 'stacks', 'mail'), 'example.com')).toBe(MIXED_ZONE);
      expect(renderZone(join(outdir, 'stacks', 'mail', 'cdk.tf.json'), 'example.com')).toBe(MIXED_ZONE);
    });
  });

  test('the same records in another order give the same text', () => {
    const reorder = (stack: TerraformStack) => {
      new DnsRecord(stack, 'www', { zoneId: 'z1', name: 'www.example.com', type: 'CNAME', content: 'web.example.net', ttl: 1, proxied: true });
      new DnsRecord(stack, 'quote', { zoneId: 'z1', name: '@', type: 'TXT', content: '"say \\"hi\\" \\\\ bye"', ttl: 600 });
      new DnsRecord(stack, 'host6', { zoneId: 'z1', name: 'mail.example.com', type: 'AAAA', content: '2001:db8::25', ttl: 300 });
      new NullMx(stack, 'no-reply', { zoneId: 'z1', domain: 'example.com', name: 'noreply' });
      new MxRecords(stack, 'mail', { zoneId: 'z1', domain: 'example.com', records: [{ priority: 10, exchange: 'mail.example.com' }, { priority: 20, exchange: 'backup.example.net' }] });
      new DnsRecord(stack, 'host', { zoneId: 'z1', name: 'mail.example.com', type: 'A', content: '192.0.2.25', ttl: 1 });
    };
    const stack = newStack();
    reorder(stack);
    expect(renderZone(stack, 'example.com')).toBe(MIXED_ZONE);
  });

  test('with soa: a placeholder SOA and NS first, so DNS software loads it', () => {
    const stack = newStack();
    new NullMx(stack, 'parked', { zoneId: 'z1', domain: 'parked.example', spf: false, dmarc: false, ttl: 300 });
    expect(renderZone(stack, 'parked.example', { soa: true })).toBe(`; cdktf-mx zone parked.example.
; Placeholder SOA and NS so DNS software loads the zone; Cloudflare publishes its own.
parked.example. 300 IN SOA ns.invalid. hostmaster.invalid. 1 7200 3600 1209600 300
parked.example. 300 IN NS ns.invalid.
parked.example. 300 IN MX 0 .
`);
  });

  test('TXT longer than 255 octets is split into quoted strings that join back to the text', () => {
    const text = `v=DKIM1; k=rsa; p=${'A'.repeat(400)}`;
    const line = formatZone('example.com', [{ name: 'sel._domainkey.example.com', type: 'TXT', value: text, ttl: 300 }]).split('\n')[1];
    const data = line.replace(/^sel\._domainkey\.example\.com\. 300 IN TXT /, '');
    expect(data).toMatch(/^"[^"]{255}" "[^"]{163}"$/);
    expect(fromCloudflareTxt(data)).toBe(text);
  });

  test('a zone only the user\'s own records are in is rendered too', () => {
    const stack = newStack();
    new DnsRecord(stack, 'mx', { zoneId: 'raw', name: 'raw.example', type: 'MX', content: 'mx.raw.example', priority: 10, ttl: 300 });
    new DnsRecord(stack, 'a', { zoneId: 'raw', name: 'mx', type: 'A', content: '192.0.2.1', ttl: 300 });
    expect(renderZone(stack, 'raw.example').split('\n').slice(1, 3)).toEqual(['raw.example. 300 IN MX 10 mx.raw.example.', 'mx.raw.example. 300 IN A 192.0.2.1']);
  });

  test('an unknown zone is an error naming the zones there are', () => {
    const stack = newStack();
    mixedZone(stack);
    expect(() => renderZone(stack, 'example.net')).toThrow('domain: no records of zone "example.net" in stack "stack"; names with MX records there: example.com, example.org, noreply.example.com.');
    withSynth(mixedZone, (_stack, outdir) => {
      expect(() => renderZone(outdir, 'example.net')).toThrow(/names with MX records there: example\.com, example\.org, noreply\.example\.com/);
    });
  });
});

describe('zones in synthesized output, where zone ids are expressions', () => {
  const zones = (stack: TerraformStack) => {
    new DnsRecord(stack, 'parent-mx', { zoneId: '${var.parent}', name: 'example.com', type: 'MX', content: 'mx.example.net', priority: 10, ttl: 300 });
    new DnsRecord(stack, 'parent-apex-a', { zoneId: '${var.parent}', name: '@', type: 'A', content: '192.0.2.1', ttl: 300 });
    new DnsRecord(stack, 'parent-www', { zoneId: '${var.parent}', name: 'www', type: 'A', content: '192.0.2.2', ttl: 300 });
    new DnsRecord(stack, 'child-mx', { zoneId: '${var.child}', name: 'eu.example.com', type: 'MX', content: 'mx.eu.example.com', priority: 10, ttl: 300 });
    new DnsRecord(stack, 'child-a', { zoneId: '${var.child}', name: 'mx.eu.example.com', type: 'A', content: '192.0.2.3', ttl: 300 });
  };

  test('relative and @ names resolve against the zone; a delegated child zone stays out', () => {
    withSynth(zones, (_stack, outdir) => {
      expect(renderZone(outdir, 'example.com').split('\n').slice(1)).toEqual([
        'example.com. 300 IN A 192.0.2.1',
        'example.com. 300 IN MX 10 mx.example.net.',
        'www.example.com. 300 IN A 192.0.2.2',
        '',
      ]);
      expect(renderZone(outdir, 'eu.example.com').split('\n').slice(1, 3)).toEqual(['eu.example.com. 300 IN MX 10 mx.eu.example.com.', 'mx.eu.example.com. 300 IN A 192.0.2.3']);
    });
  });

  test('zoneId picks one zone explicitly', () => {
    withSynth(zones, (_stack, outdir) => {
      expect(renderZone(outdir, 'eu.example.com', { zoneId: '${var.child}' })).toBe(renderZone(outdir, 'eu.example.com'));
      expect(renderZone(outdir, 'example.com', { zoneId: '${var.child}' })).not.toContain('www.example.com.');
    });
  });

  test('records known only at apply time are left out', () => {
    withSynth((stack) => {
      zones(stack);
      const source = new DnsRecord(stack, 'source', { zoneId: '${var.parent}', name: 'ip.example.com', type: 'A', content: '192.0.2.9', ttl: 300 });
      new DnsRecord(stack, 'computed', { zoneId: '${var.parent}', name: 'alias.example.com', type: 'CNAME', content: source.name, ttl: 300 });
    }, (_stack, outdir) => {
      const addresses = readSynthesizedRecords(outdir).map((r) => r.address);
      expect(addresses).toContain('cloudflare_dns_record.source');
      expect(addresses).not.toContain('cloudflare_dns_record.computed');
      expect(renderZone(outdir, 'example.com')).not.toContain('alias.example.com');
    });
  });
});

describe('canonical order (RFC 4034 §6.1)', () => {
  test('the RFC\'s own example sorts as the RFC lists it', () => {
    const rfcOrder = ['example', 'a.example', 'yljkjljk.a.example', 'Z.a.example', 'zABC.a.EXAMPLE', 'z.example', '*.z.example'];
    const shuffled = [...rfcOrder].reverse();
    shuffled.push(shuffled.splice(2, 1)[0]);
    expect(shuffled.sort(compareCanonicalNames)).toEqual(rfcOrder);
  });
});

describe('zone snapshots', () => {
  test('the serializer recognises zone text and prints it as it is', () => {
    const text = formatZone('example.com', [{ name: 'example.com', type: 'TXT', value: 'a "quoted" word', ttl: 300 }]);
    expect(zoneSnapshotSerializer.test(text)).toBe(true);
    expect(zoneSnapshotSerializer.test('example.com. 300 IN TXT "x"')).toBe(false);
    expect(zoneSnapshotSerializer.test(42)).toBe(false);
    expect(zoneSnapshotSerializer.serialize(text)).toBe('; cdktf-mx zone example.com.\nexample.com. 300 IN TXT "a \\"quoted\\" word"');
  });

  test('a stack\'s zone as a snapshot', () => {
    const stack = newStack();
    mixedZone(stack);
    expect(renderZone(stack, 'example.com')).toMatchSnapshot();
  });
});
