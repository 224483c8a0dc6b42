import { SourcedRecord } from '../dns/record';
import { identifyVendor, PRESETS } from '../presets/catalogue';
import { MailPreset, PresetMx } from '../presets/preset';
import { targetOf } from './mx-exchange';

/**
 * Which vendor an MX record belongs to, and which of the vendor's documented record
 * sets (variants) could hold it. Several variants when they share a host
 * (mailbox.org's legacy and current sets both list mxext1).
 */
export interface VendorClaim {
  readonly preset: MailPreset;
  readonly variants: readonly string[];
  /** The documented entries that can produce this exchange. */
  readonly entries: readonly PresetMx[];
}

const byHost = new Map<string, VendorClaim | null>();
const byOrigin = new Map<string, VendorClaim | null>();

/**
 * The vendor of an MX record: the preset that declared it (record origin) when known,
 * else the preset whose documented hosts match the exchange. Memoised per host.
 */
export function vendorOf(record: SourcedRecord): VendorClaim | undefined {
  const declared = record.origin?.vendor;
  const host = targetOf(record).ascii;
  if (declared) {
    const key = `${declared.preset}\u0000${declared.variant}\u0000${host ?? ''}`;
    let claim = byOrigin.get(key);
    if (claim === undefined) {
      const preset = PRESETS[declared.preset];
      const variant = preset?.variants[declared.variant];
      claim = preset && variant ? { preset, variants: [declared.variant], entries: variant.mx.filter((mx) => host === undefined || produces(mx, host)) } : null;
      byOrigin.set(key, claim);
    }
    if (claim) return claim;
  }
  if (host === undefined) return undefined;
  let claim = byHost.get(host);
  if (claim === undefined) {
    claim = identify(host) ?? null;
    byHost.set(host, claim);
  }
  return claim ?? undefined;
}

function identify(host: string): VendorClaim | undefined {
  const match = identifyVendor(host);
  if (!match) return undefined;
  const { preset } = match;
  const listing = Object.entries(preset.variants).filter(([, variant]) => variant.mx.some((mx) => mx.exchange === host));
  if (listing.length > 0) {
    return { preset, variants: listing.map(([name]) => name), entries: listing.flatMap(([, variant]) => variant.mx.filter((mx) => mx.exchange === host)) };
  }
  // A templated host (tenant or region in the name): the variant identifyVendor matched.
  const templated = preset.variants[match.variant]?.mx.filter((mx) => mx.exchange.includes('{')) ?? [];
  return { preset, variants: [match.variant], entries: templated };
}

/** True when a documented entry can be `host`: the same host, or a template. */
function produces(entry: PresetMx, host: string): boolean {
  return entry.exchange === host || entry.exchange.includes('{');
}

/**
 * True when the vendor documents `priority` for this record's exchange, or lets the
 * customer's account decide it (Cloudflare Email Routing assigns preferences per zone).
 */
export function isDocumentedPriority(claim: VendorClaim, priority: unknown): boolean {
  return claim.entries.some((entry) => entry.priorityParameter !== undefined || entry.priority === priority);
}

/** `Google Workspace (legacy)`, how findings name a vendor's record set. */
export function describeClaim(claim: VendorClaim): string {
  return claim.variants.length === 1 && Object.keys(claim.preset.variants).length > 1 ? `${claim.preset.name} (${claim.variants[0]})` : claim.preset.name;
}
