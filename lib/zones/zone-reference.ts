import { RawResource } from './host';

/**
 * The zone resource or data source a zone identity refers to, when it is exactly a reference
 * such as `${data.cloudflare_zone.z.zone_id}` to one of `types` with one of `attributes`.
 * Hosts key such identities by what the zone resource names, so two lookups of one zone are one zone.
 */
export function referencedZone(identity: string, zones: ReadonlyMap<string, RawResource>, types: readonly string[], attributes: readonly string[]): RawResource | undefined {
  if (!identity.startsWith('${') || !identity.endsWith('}')) return undefined;
  const inner = identity.slice(2, -1);
  const dot = inner.lastIndexOf('.');
  if (dot < 0 || !attributes.includes(inner.slice(dot + 1))) return undefined;
  const address = inner.slice(0, dot);
  const type = address.replace(/^data\./, '').split('.')[0]!;
  if (!types.includes(type) || !/^(?:data\.)?[A-Za-z0-9_]+\.[A-Za-z0-9_-]+$/.test(address)) return undefined;
  return zones.get(address);
}
