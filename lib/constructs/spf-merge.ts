import { Lazy, TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import { MxInputError } from '../dns/errors';
import { SpfAll } from '../presets/preset';
import { mostLenient, renderSpf } from '../presets/spf';
import { ZoneTarget } from '../zones/host';
import { ZoneRegistry } from '../zones/registry';

/** One sender's part of a name's SPF record. */
export interface SpfContribution {
  /** Domain for `include:`; none for a contributor that only sets the terminator (null MX). */
  readonly include?: string;
  /** The terminator the contributor's vendor documents, if it documents one. */
  readonly all?: SpfAll;
  /** A terminator the user chose; every contributor that chooses one must choose the same. */
  readonly chosenAll?: SpfAll;
  /** Construct path of the contributor, for error messages. */
  readonly path: string;
  /** TTL the contributor gives its records: the one record has one TTL (RFC 2181 §5.2), so all must agree. */
  readonly ttl: number;
}

/** Terminator when no contributor documents or chooses one: soft fail, what most vendors document. */
export const DEFAULT_SPF_ALL: SpfAll = '~all';

interface MergedSpf {
  /** The record's TTL, as its first contributor declared it. */
  readonly ttl: { readonly value: number; readonly path: string };
  readonly includes: string[];
  readonly alls: SpfAll[];
  chosen?: { readonly all: SpfAll; readonly path: string };
}

const byStack = new WeakMap<TerraformStack, Map<string, MergedSpf>>();

/**
 * Add a sender to the one SPF record of `name` in `zone` (RFC 7208 §3.2 allows one
 * per name). The first contributor creates the TXT record through `create`, whose value is
 * lazy: it renders every include added in the stack by the time the stack is synthesized.
 */
export function contributeSpf(scope: IConstruct, key: { readonly zone: ZoneTarget; readonly name: string }, contribution: SpfContribution, create: (value: string) => void): void {
  const stack = TerraformStack.of(scope);
  const records = byStack.get(stack) ?? new Map<string, MergedSpf>();
  byStack.set(stack, records);
  // The zone's identity, not its domain: one domain under two zone ids has two SPF records.
  const id = `${ZoneRegistry.of(scope).keyOf(key.zone)} ${key.name}`;
  let merged = records.get(id);
  const isNew = merged === undefined;
  if (!merged) {
    merged = { ttl: { value: contribution.ttl, path: contribution.path }, includes: [], alls: [] };
    records.set(id, merged);
  } else if (merged.ttl.value !== contribution.ttl) {
    // Keeping the first contributor's TTL would make the result depend on declaration order.
    throw new MxInputError('ttl', `the SPF record of ${key.name} is one TXT record, and a record set has one TTL (RFC 2181 §5.2): ${merged.ttl.path} declares ${merged.ttl.value}, ${contribution.path} declares ${contribution.ttl}; give both the same ttl.`);
  }
  if (contribution.chosenAll !== undefined) {
    if (merged.chosen && merged.chosen.all !== contribution.chosenAll) {
      throw new MxInputError('companions.spf.all', `the SPF record of ${key.name} ends with ${merged.chosen.all} (chosen at ${merged.chosen.path}), but ${contribution.path} asks for ${contribution.chosenAll}; one record has one terminator, so choose the same in both.`);
    }
    merged.chosen = { all: contribution.chosenAll, path: contribution.path };
  }
  if (contribution.include !== undefined) merged.includes.push(contribution.include);
  if (contribution.all !== undefined) merged.alls.push(contribution.all);
  if (isNew) {
    const spf = merged;
    create(Lazy.stringValue({ produce: () => renderSpf(spf.includes, spf.chosen?.all ?? (spf.alls.length > 0 ? mostLenient(spf.alls) : DEFAULT_SPF_ALL)) }));
  }
}
