import { DefaultTokenResolver, StringConcat, TerraformDataSource, TerraformResource, Token, Tokenization } from 'cdktf';
import { IConstruct } from 'constructs';
import { RawResource } from './host';
import { isObject, RawResourceTypes } from './raw-resources';

/** Which types to read and which resources to leave out. */
export interface RawResourceQuery extends RawResourceTypes {
  /** Resources to skip (ours: their records are known as specs). */
  readonly skip?: (resource: IConstruct) => boolean;
}

/** A construct that may be a generated resource or data source class from any cdktf copy. */
interface ElementLike extends IConstruct {
  readonly terraformResourceType?: unknown;
  readonly friendlyUniqueId?: string;
  readonly count?: unknown;
  readonly forEach?: unknown;
  readonly rawOverrides?: unknown;
  readonly lifecycle?: unknown;
  synthesizeAttributes?(): Record<string, unknown>;
}

/**
 * The stack's resources of the queried types, found by Terraform resource type (never by
 * class), with the attributes they will synthesize: `synthesizeAttributes()` merged with
 * `addOverride` values, tokens resolved to Terraform's `${…}` form. Resources with
 * `count`/`for_each` are left out: what they publish is known only at apply.
 *
 * Zone resources are read at once (records' zone keys need them all); record resources are
 * read one by one as `records` is iterated, so a caller that keeps only what it reads from
 * each never holds every resource's attributes at once (a large stack's synth peak memory).
 */
export function configuredResources(scope: IConstruct, query: RawResourceQuery): { readonly records: Iterable<RawResource>; readonly zones: Map<string, RawResource> } {
  const recordNodes: ElementLike[] = [];
  const zones = new Map<string, RawResource>();
  for (const node of scope.node.findAll() as ElementLike[]) {
    const type = node.terraformResourceType;
    if (typeof type !== 'string') continue;
    const isRecord = query.recordTypes.has(type);
    if (!isRecord && !query.zoneTypes.has(type)) continue;
    const isData = TerraformDataSource.isTerraformDataSource(node);
    if (!isData && !TerraformResource.isTerraformResource(node)) continue;
    if (query.skip?.(node) || typeof node.synthesizeAttributes !== 'function') continue;
    if (node.count !== undefined || node.forEach !== undefined) continue;
    if (isRecord && !isData) recordNodes.push(node);
    else {
      const raw = rawResource(node, type, isData);
      zones.set(raw.address, raw);
    }
  }
  return { records: { *[Symbol.iterator]() { for (const node of recordNodes) yield rawResource(node, node.terraformResourceType as string, false); } }, zones };
}

function rawResource(node: ElementLike, type: string, isData: boolean): RawResource {
  const attributes = resolved(node, withOverrides(withLifecycle(node.synthesizeAttributes!(), node.lifecycle), node.rawOverrides));
  return { type, address: `${isData ? 'data.' : ''}${type}.${node.friendlyUniqueId}`, attributes, path: node.node.path };
}

/** Resolve a value's tokens (references become `${…}`, lazy values their text); literals as they are. */
export function resolveTokens(scope: IConstruct, value: unknown): unknown {
  if (typeof value === 'string' || typeof value === 'number') {
    if (!Token.isUnresolved(value)) return value;
  } else if (!isObject(value) && !Array.isArray(value)) {
    return value;
  } else if (isPlainJson(value)) {
    // Nothing to resolve (a `lifecycle` block on every raw record): cdktf's resolver would copy
    // it at a cost of kilobytes of garbage per resource, which a large stack's synth peak feels.
    return value;
  }
  return Tokenization.resolve(value, { scope, preparing: false, resolver: new DefaultTokenResolver(new StringConcat()) });
}

/**
 * True when `value` holds only literals in plain objects and arrays: no token strings or numbers,
 * no resolvable objects, no `undefined` (which the resolver would drop), so resolving returns it as is.
 */
function isPlainJson(value: unknown): boolean {
  if (typeof value === 'string' || typeof value === 'number') return !Token.isUnresolved(value);
  if (typeof value === 'boolean' || value === null) return true;
  if (Array.isArray(value)) return value.every(isPlainJson);
  if (typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return false;
  return Object.keys(value).every((key) => !Token.isUnresolved(key) && isPlainJson((value as Record<string, unknown>)[key]));
}

function resolved(scope: IConstruct, attributes: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(attributes)) {
    const value = resolveTokens(scope, attributes[key]);
    if (value !== undefined) out[key] = value;
  }
  return out;
}

/** Attributes with the resource's `lifecycle` block as cdk.tf.json writes it (`create_before_destroy`, …). */
function withLifecycle(attributes: Record<string, unknown>, lifecycle: unknown): Record<string, unknown> {
  if (!isObject(lifecycle)) return attributes;
  const block: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(lifecycle)) {
    if (value !== undefined) block[key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)] = value;
  }
  return { ...attributes, lifecycle: block };
}

/** Attributes with `addOverride` values merged in, as cdktf merges them into the JSON. */
function withOverrides(attributes: Record<string, unknown>, overrides: unknown): Record<string, unknown> {
  if (!isObject(overrides) || Object.keys(overrides).length === 0) return attributes;
  return deepMerge({ ...attributes }, overrides);
}

function deepMerge(target: Record<string, unknown>, source: Record<string, unknown>): Record<string, unknown> {
  for (const [key, value] of Object.entries(source)) {
    const current = target[key];
    target[key] = isObject(value) && isObject(current) ? deepMerge({ ...current }, value) : value;
  }
  return target;
}
