import { Testing, TerraformStack } from 'cdktf';

/** A synthesized stack's JSON (cdk.tf.json), as far as the fixtures use it. */
export interface StackJson {
  resource?: Record<string, Record<string, Record<string, unknown>>>;
  import?: Array<{ to: string; id: string }>;
  removed?: Array<{ from: string; lifecycle?: { destroy?: boolean } }>;
}

/** Synthesize a stack (validations run, so a stack that fails synth fails the test). */
export function synthJson(stack: TerraformStack): StackJson {
  return JSON.parse(Testing.synth(stack, true)) as StackJson;
}

/** How a host's provider plans: which attributes force a replace, and what state adds (computed attributes). */
export interface ProviderModel {
  readonly forceNew: readonly string[];
  readonly state?: (type: string, attributes: Record<string, unknown>) => Record<string, unknown>;
}

/**
 * A plan in Terraform's documented JSON format (`format_version` 1.2, "Plan Representation",
 * developer.hashicorp.com/terraform/internals/json-format) for applying `after` to the state
 * `before` left, as Terraform computes it: resources only in `before` are deleted, only in
 * `after` created (or imported, with an import block), changed ones updated in place, or
 * replaced when a force-new attribute changed (`["create","delete"]` with
 * create_before_destroy, else `["delete","create"]`), unchanged ones no-op.
 */
export function planBetween(before: StackJson | null, after: StackJson, provider: ProviderModel): object {
  const resources = (json: StackJson | null) => {
    const out = new Map<string, { type: string; name: string; attributes: Record<string, unknown> }>();
    for (const [type, byName] of Object.entries(json?.resource ?? {})) {
      for (const [name, attributes] of Object.entries(byName)) out.set(`${type}.${name}`, { type, name, attributes });
    }
    return out;
  };
  const configured = (attributes: Record<string, unknown>) => Object.fromEntries(Object.entries(attributes).filter(([k]) => !['lifecycle', '//', 'depends_on', 'provider'].includes(k)));
  const state = (type: string, attributes: Record<string, unknown>) => ({ id: `id-${Object.values(configured(attributes)).join('-').length}`, ...configured(attributes), ...provider.state?.(type, configured(attributes)) });
  const old = resources(before);
  const next = resources(after);
  const imported = new Map((after.import ?? []).map((i) => [i.to, i.id]));
  // `removed { lifecycle { destroy = false } }` (Terraform 1.7+): the resource leaves the state, the object stays.
  const forgotten = new Set((after.removed ?? []).filter((r) => r.lifecycle?.destroy === false).map((r) => r.from));
  const changes: object[] = [];
  for (const address of new Set([...old.keys(), ...next.keys()])) {
    const was = old.get(address);
    const will = next.get(address);
    const { type, name } = (was ?? will)!;
    const common = { address, mode: 'managed', type, name, provider_name: `registry.terraform.io/hashicorp/${type.split('_')[0]}` };
    const change = (actions: string[], b: object | null, a: object | null, extra: object = {}) =>
      changes.push({ ...common, change: { actions, before: b, after: a, after_unknown: a && !b ? { id: true } : {}, before_sensitive: b ? {} : false, after_sensitive: a ? {} : false, ...extra } });
    if (was && !will) change(forgotten.has(address) ? ['forget'] : ['delete'], state(type, was.attributes), null);
    else if (!was && will) {
      const id = imported.get(address);
      if (id !== undefined) change(['no-op'], state(type, will.attributes), state(type, will.attributes), { importing: { id } });
      else change(['create'], null, configured(will.attributes));
    } else {
      const b = configured(was!.attributes);
      const a = configured(will!.attributes);
      const differs = Object.keys({ ...a, ...b }).filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]));
      if (differs.length === 0) change(['no-op'], state(type, was!.attributes), state(type, will!.attributes));
      else {
        const forced = differs.filter((k) => provider.forceNew.includes(k));
        if (forced.length === 0) change(['update'], state(type, was!.attributes), { ...state(type, will!.attributes) });
        else {
          const cbd = (will!.attributes.lifecycle as { create_before_destroy?: boolean } | undefined)?.create_before_destroy === true;
          change(cbd ? ['create', 'delete'] : ['delete', 'create'], state(type, was!.attributes), a, { replace_paths: forced.map((k) => [k]) });
        }
      }
    }
  }
  return { format_version: '1.2', terraform_version: '1.11.0', planned_values: { root_module: {} }, resource_changes: changes, configuration: { root_module: {} } };
}

/**
 * cloudflare/cloudflare 5.x `cloudflare_dns_record`: `zone_id` and `type` force a new record
 * (RequiresReplace in internal/services/dns_record/schema.go at v5.22.0); state holds computed ids.
 */
export const CLOUDFLARE: ProviderModel = {
  forceNew: ['zone_id', 'type'],
  state: () => ({ proxiable: false, created_on: '2026-01-01T00:00:00Z', modified_on: '2026-01-01T00:00:00Z' }),
};

/** hashicorp/aws `aws_route53_record`: `name` and `zone_id` force a new set (docs/hosts.md); state adds `fqdn`. */
export const ROUTE53: ProviderModel = {
  forceNew: ['name', 'zone_id'],
  state: (_type, a) => ({ fqdn: String(a.name).replace(/\.$/, ''), allow_overwrite: null }),
};
