import { DnsRecord } from '@cdktf/provider-cloudflare/lib/dns-record';
import { CloudflareProvider } from '@cdktf/provider-cloudflare/lib/provider';
import { App, TerraformStack } from 'cdktf';
import { recordLogicalId } from '../lib/cloudflare/logical-id';
import { toCloudflareTxt } from '../lib/cloudflare/txt';
import { DEFAULT_TTL, DMARC_REJECT, GoogleWorkspaceMx, Microsoft365Mx, MxRecords, NullMx, SPF_REJECT_ALL } from '../lib';
import { googleWorkspace } from '../presets/google-workspace';

/**
 * The estate the benchmark synthesizes: N domains, each its own Cloudflare zone, in a
 * realistic mix that repeats every ten domains:
 *   3 × Google Workspace (two current, one legacy five-MX) + a raw CNAME `mail` → ghs.googlehosted.com
 *   3 × Microsoft 365 + a raw CNAME `autodiscover` → autodiscover.outlook.com
 *   2 × null MX (MX 0 ., SPF -all, DMARC reject)
 *   2 × self-hosted: two MX in the domain + the user's own raw A records for both hosts
 * Every domain that takes mail also has the user's own raw DMARC TXT, except one in ten (a
 * Microsoft 365 domain), so the rules report real findings (`dmarc-missing`, info) on 10% of
 * domains and the annotation path is measured too.
 * = 37 records per ten domains (3.7 per domain).
 */
export type MailSetup =
  | { readonly kind: 'google'; readonly variant: 'current' | 'legacy' }
  | { readonly kind: 'microsoft-365'; readonly exchange: string }
  | { readonly kind: 'null-mx' }
  | { readonly kind: 'self-hosted'; readonly mx: ReadonlyArray<{ priority: number; exchange: string }> };

/** One `cloudflare_dns_record` as a user would write it by hand. */
export interface RawRecord {
  readonly logicalId: string;
  readonly name: string;
  readonly type: string;
  readonly content: string;
  readonly ttl: number;
  readonly priority?: number;
}

/** One domain of the estate. */
export interface DomainPlan {
  readonly domain: string;
  readonly zoneId: string;
  readonly setup: MailSetup;
  /** Every record the domain publishes: what the raw baseline writes. */
  readonly records: readonly RawRecord[];
  /** The subset users write as raw `DnsRecord` beside our constructs (A records, CNAMEs). */
  readonly userRecords: readonly RawRecord[];
}

/** The estate of `n` domains, computed up front so no timed code builds plain data. */
export function planEstate(n: number): DomainPlan[] {
  return Array.from({ length: n }, (_, i) => planDomain(i));
}

function planDomain(i: number): DomainPlan {
  const domain = `brand-${String(i).padStart(5, '0')}.example`;
  const zoneId = i.toString(16).padStart(32, '0');
  const slot = i % 10;
  const mail = (identity: string, type: string, content: string, extra: { name?: string; priority?: number } = {}): RawRecord => {
    const name = extra.name ?? domain;
    return {
      logicalId: recordLogicalId(type, name, identity),
      name,
      type,
      content: type === 'TXT' ? toCloudflareTxt(content) : content,
      ttl: DEFAULT_TTL,
      ...(extra.priority !== undefined ? { priority: extra.priority } : {}),
    };
  };
  const mx = (priority: number, exchange: string): RawRecord => mail(exchange, 'MX', exchange, { priority });
  const user = (type: string, label: string, content: string, identity = content): RawRecord => mail(identity, type, content, { name: `${label}.${domain}` });
  const dmarc = slot === 5 ? [] : [user('TXT', '_dmarc', `v=DMARC1; p=quarantine; rua=mailto:dmarc-reports@${domain}`, 'dmarc')];

  if (slot < 3) {
    const variant = slot === 2 ? 'legacy' : 'current';
    const userRecords = [user('CNAME', 'mail', 'ghs.googlehosted.com'), ...dmarc];
    const mxRecords = googleWorkspace.variants[variant]!.mx.map((r) => mx(r.priority, r.exchange));
    return { domain, zoneId, setup: { kind: 'google', variant }, records: [...mxRecords, ...userRecords], userRecords };
  }
  if (slot < 6) {
    const exchange = `${domain.replace(/\./g, '-')}.mail.protection.outlook.com`;
    const userRecords = [user('CNAME', 'autodiscover', 'autodiscover.outlook.com'), ...dmarc];
    return { domain, zoneId, setup: { kind: 'microsoft-365', exchange }, records: [mx(0, exchange), ...userRecords], userRecords };
  }
  if (slot < 8) {
    const records = [
      mail('null', 'MX', '.', { priority: 0 }),
      mail('spf', 'TXT', SPF_REJECT_ALL),
      mail('dmarc', 'TXT', DMARC_REJECT, { name: `_dmarc.${domain}` }),
    ];
    return { domain, zoneId, setup: { kind: 'null-mx' }, records, userRecords: [] };
  }
  const hosts = [
    { priority: 10, exchange: `mail.${domain}` },
    { priority: 20, exchange: `mx2.${domain}` },
  ];
  const userRecords = [user('A', 'mail', `192.0.2.${i % 250}`), user('A', 'mx2', `198.51.100.${i % 250}`), ...dmarc];
  return { domain, zoneId, setup: { kind: 'self-hosted', mx: hosts }, records: [...hosts.map((h) => mx(h.priority, h.exchange)), ...userRecords], userRecords };
}

/** The stack both scenarios fill: one stack with the Cloudflare provider (token from the environment at apply time). */
export function newMailStack(app: App): TerraformStack {
  const stack = new TerraformStack(app, 'mail');
  new CloudflareProvider(stack, 'cloudflare', {});
  return stack;
}

/** A raw `cloudflare_dns_record` directly in the stack, with the same address our adapter would give it. */
export function addRawRecord(stack: TerraformStack, zoneId: string, record: RawRecord): DnsRecord {
  const resource = new DnsRecord(stack, record.logicalId, {
    zoneId,
    name: record.name,
    type: record.type,
    content: record.content,
    ttl: record.ttl,
    ...(record.priority !== undefined ? { priority: record.priority } : {}),
    lifecycle: { createBeforeDestroy: true },
  });
  resource.overrideLogicalId(record.logicalId);
  return resource;
}

/** (a) The baseline: every record written by hand as a raw `DnsRecord`, no validation. */
export function buildRawEstate(stack: TerraformStack, estate: readonly DomainPlan[]): void {
  for (const plan of estate) {
    for (const record of plan.records) addRawRecord(stack, plan.zoneId, record);
  }
}

/** (b) The same records through our constructs (all rules on), plus the user's raw A/CNAME records. */
export function buildConstructEstate(stack: TerraformStack, estate: readonly DomainPlan[]): void {
  // A plain loop, as in buildRawEstate: cdktf records the full call stack of every
  // resource it creates, so both builders must add the same frames.
  for (let i = 0; i < estate.length; i++) {
    const plan = estate[i]!;
    const id = `mail-${i}`;
    const { zoneId, domain, setup } = plan;
    switch (setup.kind) {
      case 'google':
        new GoogleWorkspaceMx(stack, id, { zoneId, domain, variant: setup.variant });
        break;
      case 'microsoft-365':
        new Microsoft365Mx(stack, id, { zoneId, domain, exchange: setup.exchange });
        break;
      case 'null-mx':
        new NullMx(stack, id, { zoneId, domain });
        break;
      case 'self-hosted':
        new MxRecords(stack, id, { zoneId, domain, records: setup.mx });
        break;
    }
    for (const record of plan.userRecords) addRawRecord(stack, zoneId, record);
  }
}

/** Records in an estate of `n` domains. */
export function recordCount(estate: readonly DomainPlan[]): number {
  return estate.reduce((sum, plan) => sum + plan.records.length, 0);
}
