/**
 * Terraform's machine-readable plan (`terraform show -json <planfile>`), as far as
 * plan-check reads it. Format: developer.hashicorp.com/terraform/internals/json-format
 * ("Plan Representation", `format_version` 1.x): `resource_changes[]` with `address`, `type`,
 * `mode` and `change.{actions, before, after, after_unknown, importing, replace_paths}`.
 */

/** One resource instance's planned change. */
export interface ResourceChange {
  /** Full address, e.g. `cloudflare_dns_record.mx__example_com__smtp_google_com` or `module.m.dns_mx_record_set.x`. */
  readonly address: string;
  /** Terraform resource type, e.g. `dns_mx_record_set`. */
  readonly type: string;
  /**
   * What Terraform does, in order: `["no-op"]`, `["create"]`, `["read"]`, `["update"]`,
   * `["delete","create"]` (replace, delete first), `["create","delete"]` (replace with
   * create_before_destroy), `["delete"]`, `["forget"]` (Terraform 1.7+ `removed` block).
   */
  readonly actions: readonly string[];
  /** Attributes before (from state); null for a create. */
  readonly before: Readonly<Record<string, unknown>> | null;
  /** Attributes after, unknown values left out; null for a delete. */
  readonly after: Readonly<Record<string, unknown>> | null;
  /** Attribute paths whose value is known only after apply (`true` leaves, as Terraform writes them). */
  readonly afterUnknown: unknown;
  /** Present when the plan imports the resource (Terraform 1.5+ `import` blocks): the import id. */
  readonly importing?: { readonly id?: string };
  /** The attribute paths that force a replace, e.g. `[["ttl"]]`. */
  readonly replacePaths?: readonly (readonly (string | number)[])[];
  /**
   * The provider configuration of the resource as the plan's `configuration` names it
   * (`provider_config_key`: `dns.staging` at the root, `prod:dns` in module call `prod`). A
   * resource being deleted is no longer in the configuration: it gets the provider's only
   * configuration when there is one; undefined when the plan does not tell.
   */
  readonly providerConfigKey?: string;
}

/** A plan as plan-check uses it. */
export interface TerraformPlan {
  /** `format_version`, e.g. `1.2`. */
  readonly formatVersion: string;
  /** `terraform_version` that wrote it, when given. */
  readonly terraformVersion?: string;
  /** Managed resource changes (data source reads left out). */
  readonly changes: readonly ResourceChange[];
  /** True when Terraform stopped planning on an error (the plan is incomplete). */
  readonly errored: boolean;
}

/** The input is not a readable Terraform plan: plan-check exits 2 on it. */
export class PlanReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PlanReadError';
  }
}

/**
 * Read `terraform show -json` output. Throws {@link PlanReadError} naming `source` and what
 * is wrong: not JSON, state instead of a plan, a format version this reader does not know
 * (major version other than 1), or a malformed `resource_changes` entry.
 */
export function readPlanJson(text: string, source: string): TerraformPlan {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new PlanReadError(`${source} is not JSON (${(error as Error).message}); give \`terraform show -json <planfile>\` output, a planfile or a stack directory`);
  }
  if (!isObject(json)) throw new PlanReadError(`${source} is not a Terraform plan: expected a JSON object with format_version and resource_changes`);
  const version = json.format_version;
  if (typeof version !== 'string') throw new PlanReadError(`${source} has no format_version: it is not \`terraform show -json\` output`);
  if (!/^1\.\d+$/.test(version)) throw new PlanReadError(`${source} has format_version ${version}; plan-check reads format 1.x (Terraform 1.0 and later)`);
  if (json.resource_changes === undefined && json.planned_values === undefined) {
    throw new PlanReadError(`${source} is Terraform state, not a plan (no resource_changes or planned_values); run \`terraform plan -out=tfplan\` and give tfplan`);
  }
  const providerKeys = providerConfigKeys(json.configuration);
  const raw = json.resource_changes ?? [];
  if (!Array.isArray(raw)) throw new PlanReadError(`${source}: resource_changes must be an array`);
  const changes: ResourceChange[] = [];
  raw.forEach((entry, index) => {
    const where = `${source}: resource_changes[${index}]`;
    if (!isObject(entry) || typeof entry.address !== 'string' || typeof entry.type !== 'string' || !isObject(entry.change)) {
      throw new PlanReadError(`${where} needs address, type and change`);
    }
    if (entry.mode === 'data') return;
    const change = entry.change;
    if (!Array.isArray(change.actions) || !change.actions.every((a) => typeof a === 'string')) throw new PlanReadError(`${where} (${entry.address}): change.actions must be a list of strings`);
    const object = (value: unknown, field: string): Record<string, unknown> | null => {
      if (value === null || value === undefined) return null;
      if (!isObject(value)) throw new PlanReadError(`${where} (${entry.address}): change.${field} must be an object or null`);
      return value;
    };
    changes.push({
      address: entry.address,
      type: entry.type,
      actions: change.actions as string[],
      before: object(change.before, 'before'),
      after: object(change.after, 'after'),
      afterUnknown: change.after_unknown,
      ...(isObject(change.importing) ? { importing: { ...(typeof change.importing.id === 'string' ? { id: change.importing.id } : {}) } } : {}),
      ...(Array.isArray(change.replace_paths) ? { replacePaths: change.replace_paths as (string | number)[][] } : {}),
      ...withProviderKey(providerKeys.byAddress.get(configAddress(entry.address)) ?? (typeof entry.provider_name === 'string' ? providerKeys.onlyOf.get(entry.provider_name) : undefined)),
    });
  });
  return {
    formatVersion: version,
    ...(typeof json.terraform_version === 'string' ? { terraformVersion: json.terraform_version } : {}),
    changes,
    errored: json.errored === true,
  };
}

/**
 * `provider_config_key` of every resource in the plan's `configuration`, by configuration address
 * (`module.prod.dns_mx_record_set.apex`: module calls, no instance keys).
 */
function providerConfigKeys(configuration: unknown): { byAddress: Map<string, string>; onlyOf: Map<string, string> } {
  const keys = new Map<string, string>();
  const walk = (module: unknown, prefix: string, depth: number) => {
    if (!isObject(module) || depth > 100) return;
    if (Array.isArray(module.resources)) {
      for (const resource of module.resources) {
        if (isObject(resource) && typeof resource.address === 'string' && typeof resource.provider_config_key === 'string') keys.set(`${prefix}${resource.address}`, resource.provider_config_key);
      }
    }
    if (isObject(module.module_calls)) {
      for (const [name, call] of Object.entries(module.module_calls)) if (isObject(call)) walk(call.module, `${prefix}module.${name}.`, depth + 1);
    }
  };
  if (isObject(configuration)) walk(configuration.root_module, '', 0);
  // The configuration key of each provider (`registry.terraform.io/hashicorp/dns`) that has exactly one.
  const seen = new Map<string, string[]>();
  const configs = isObject(configuration) && isObject(configuration.provider_config) ? configuration.provider_config : {};
  for (const [key, config] of Object.entries(configs)) {
    if (!isObject(config) || typeof config.full_name !== 'string') continue;
    seen.set(config.full_name, [...(seen.get(config.full_name) ?? []), key]);
  }
  const onlyOf = new Map([...seen].filter(([, list]) => list.length === 1).map(([name, list]) => [name, list[0]!]));
  return { byAddress: keys, onlyOf };
}

function withProviderKey(key: string | undefined): { providerConfigKey?: string } {
  return key === undefined ? {} : { providerConfigKey: key };
}

/** A resource instance address without instance keys: `module.mail["prod"].x.y[0]` → `module.mail.x.y`. */
function configAddress(address: string): string {
  return address.replace(/\[(?:"(?:[^"\\]|\\.)*"|\d+)\]/g, '');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
