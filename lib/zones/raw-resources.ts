import { RawResource } from './host';

/** Raw resources of some Terraform types, plus zone resources and data sources by address. */
export interface RawResources {
  /** Record-holding resources, in construct (or file) order. */
  readonly records: RawResource[];
  /** Zone resources and data sources by address (`cloudflare_zone.z`, `data.cloudflare_zone.z`). */
  readonly zones: Map<string, RawResource>;
}

/** Which Terraform types to read. */
export interface RawResourceTypes {
  readonly recordTypes: ReadonlySet<string>;
  readonly zoneTypes: ReadonlySet<string>;
}

/** Synthesized Terraform JSON (one stack's cdk.tf.json) as raw resources of the queried types. */
export function synthesizedResources(json: unknown, query: RawResourceTypes): RawResources {
  const records: RawResource[] = [];
  const zones = new Map<string, RawResource>();
  const root = isObject(json) ? json : {};
  const read = (block: unknown, prefix: string, types: ReadonlySet<string>, into: (raw: RawResource) => void) => {
    if (!isObject(block)) return;
    for (const type of types) {
      const byName = block[type];
      if (!isObject(byName)) continue;
      for (const [name, attributes] of Object.entries(byName)) {
        if (!isObject(attributes) || attributes.count !== undefined || attributes.for_each !== undefined) continue;
        const meta = attributes['//'];
        const path = isObject(meta) && isObject(meta.metadata) && typeof meta.metadata.path === 'string' ? meta.metadata.path : undefined;
        into({ type, address: `${prefix}${type}.${name}`, attributes, ...(path !== undefined ? { path } : {}) });
      }
    }
  };
  read(root.resource, '', query.recordTypes, (raw) => records.push(raw));
  read(root.resource, '', query.zoneTypes, (raw) => zones.set(raw.address, raw));
  read(root.data, 'data.', query.zoneTypes, (raw) => zones.set(raw.address, raw));
  return { records, zones };
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
