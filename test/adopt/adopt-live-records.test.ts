import { DnsRecord } from '@cdktf/provider-cloudflare/lib/dns-record';
import { Testing } from 'cdktf';
import { adoptLiveRecords } from '../../lib/cloudflare/adopt-live-records';
import { FastmailMx } from '../../lib/constructs/fastmail-mx';
import { GoogleWorkspaceMx } from '../../lib/constructs/google-workspace-mx';
import { MxInputError } from '../../lib/dns/errors';
import { newStack } from '../helpers';

const ZONE = '023e105f4ecef8ad9ca31a8372d0c353';

interface Synth {
  resource: { cloudflare_dns_record: Record<string, { name: string; type: string; content: string }> };
  import?: Array<{ to: string; id: string }>;
}
const synth = (stack: ReturnType<typeof newStack>) => JSON.parse(Testing.synth(stack, true)) as Synth;

describe('adoptLiveRecords: import blocks on the records a construct emits', () => {
  test('each live record lands on the resource with its type, name, content and priority', () => {
    const stack = newStack();
    const gw = new GoogleWorkspaceMx(stack, 'corp', { zoneId: ZONE, domain: 'Example.COM', companions: { spf: true, verification: 'tok-123' } });
    adoptLiveRecords(gw, ZONE, [
      { id: 'rec-mx', type: 'MX', name: 'example.com.', value: 'SMTP.google.com', priority: 1 },
      // The SPF is a lazy value (merged across constructs): it is resolved before matching.
      { id: 'rec-spf', type: 'TXT', name: 'example.com', value: 'v=spf1 include:_spf.google.com ~all' },
      { id: 'rec-ver', type: 'TXT', name: 'example.com', value: 'google-site-verification=tok-123' },
    ]);
    const json = synth(stack);
    const byId = Object.fromEntries((json.import ?? []).map((i) => [i.id, json.resource.cloudflare_dns_record[i.to.replace('cloudflare_dns_record.', '')]]));
    expect(byId[`${ZONE}/rec-mx`]).toMatchObject({ type: 'MX', content: 'smtp.google.com' });
    expect(byId[`${ZONE}/rec-spf`]).toMatchObject({ type: 'TXT', content: '"v=spf1 include:_spf.google.com ~all"' });
    expect(byId[`${ZONE}/rec-ver`]).toMatchObject({ type: 'TXT', content: '"google-site-verification=tok-123"' });
    expect(json.import).toHaveLength(3);
  });

  test('works by resource type, so a raw DnsRecord below the scope is matched too; other scopes are not touched', () => {
    const stack = newStack();
    const raw = new DnsRecord(stack, 'dmarc', { zoneId: ZONE, name: '_dmarc.example.com', type: 'TXT', content: '"v=DMARC1; p=none"', ttl: 1 });
    new FastmailMx(stack, 'fm', { zoneId: ZONE, domain: 'example.com' });
    adoptLiveRecords(raw, ZONE, [{ id: 'rec-dmarc', type: 'TXT', name: '_dmarc.example.com', value: 'v=DMARC1; p=none' }]);
    const json = synth(stack);
    expect(json.import).toEqual([{ to: 'cloudflare_dns_record.dmarc', id: `${ZONE}/rec-dmarc` }]);
  });

  test('records are read as validation reads them: Terraform escapes undone and addOverride values applied', () => {
    const stack = newStack();
    // Stored escaped ("$${") in cdk.tf.json; the live text is the literal "${".
    new DnsRecord(stack, 'note', { zoneId: ZONE, name: 'note.example.com', type: 'TXT', content: '"cost $${var.x}"', ttl: 1 });
    const moved = new DnsRecord(stack, 'moved', { zoneId: ZONE, name: 'old.example.com', type: 'CNAME', content: 'target.example.net', ttl: 1 });
    moved.addOverride('name', 'new.example.com');
    adoptLiveRecords(stack, ZONE, [
      { id: 'rec-note', type: 'TXT', name: 'note.example.com', value: 'cost ${var.x}' },
      { id: 'rec-moved', type: 'CNAME', name: 'new.example.com', value: 'target.example.net' },
    ]);
    expect(synth(stack).import).toEqual([
      { to: 'cloudflare_dns_record.note', id: `${ZONE}/rec-note` },
      { to: 'cloudflare_dns_record.moved', id: `${ZONE}/rec-moved` },
    ]);
  });

  test('a live record that matches nothing is a synth warning, not an import', () => {
    const stack = newStack();
    const gw = new GoogleWorkspaceMx(stack, 'corp', { zoneId: ZONE, domain: 'example.com' });
    adoptLiveRecords(gw, ZONE, [
      { id: 'rec-mx', type: 'MX', name: 'example.com', value: 'smtp.google.com', priority: 1 },
      { id: 'rec-old', type: 'MX', name: 'example.com', value: 'smtp.google.com', priority: 5 },
    ]);
    const json = synth(stack);
    expect(json.import).toEqual([expect.objectContaining({ id: `${ZONE}/rec-mx` })]);
    const warnings = gw.node.metadata.filter((m) => /warn/i.test(m.type)).map((m) => String(m.data));
    expect(warnings).toEqual([expect.stringContaining('live record MX example.com 5 smtp.google.com (id rec-old) matches no cloudflare_dns_record below stack/corp')]);
  });

  test('the zone id must be the literal Cloudflare id, and every record needs its fields', () => {
    const stack = newStack();
    expect(() => adoptLiveRecords(stack, '${var.zone_id}', [])).toThrow(MxInputError);
    expect(() => adoptLiveRecords(stack, ZONE, [{ id: '', type: 'MX', name: 'example.com', value: 'x' }])).toThrow('records[0].id');
  });
});
