import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A stack whose Terraform configuration differs between two synths, and why. */
export interface ChangedStack {
  readonly name: string;
  /** `added` (only in the new synth), `changed` (its configuration differs), or `depends` (a stack it depends on changed). */
  readonly reason: 'added' | 'changed' | 'depends';
}

/** What two synths' stacks compare to. */
export interface StackComparison {
  /** Stacks to plan and apply, in the new synth's manifest order. */
  readonly changed: readonly ChangedStack[];
  /** Stacks only the old synth has: nothing plans them now, and their states still hold resources. */
  readonly removed: readonly string[];
}

/** A `cdktf.out` that cannot be read: the command exits 2 with this message. */
export class SynthReadError extends Error {}

interface Manifest {
  readonly stacks: Readonly<Record<string, { readonly synthesizedStackPath: string; readonly dependencies?: readonly string[]; readonly constructPath?: string }>>;
}

/**
 * Compare two synth output directories (`cdktf.out` of the last deployed synth and of the new
 * one) stack by stack: a stack changes when its Terraform configuration (`cdk.tf.json` without
 * cdktf's `//` metadata, which no plan reads) differs, when it is new, or when a stack it depends
 * on changed. A one-domain change of an estate is one stack.
 */
export function compareSynths(oldOut: string, newOut: string): StackComparison {
  const before = readManifest(oldOut);
  const after = readManifest(newOut);
  const changed = new Map<string, ChangedStack['reason']>();
  for (const [name, stack] of Object.entries(after.stacks)) {
    const old = before.stacks[name];
    if (old === undefined) changed.set(name, 'added');
    else if (configuration(oldOut, old.synthesizedStackPath) !== configuration(newOut, stack.synthesizedStackPath)) changed.set(name, 'changed');
  }
  // Dependents (cross-stack references) re-plan when what they read changed; manifests name dependencies by construct path.
  const byPath = new Map(Object.entries(after.stacks).map(([name, stack]) => [stack.constructPath ?? name, name]));
  for (let grew = true; grew;) {
    grew = false;
    for (const [name, stack] of Object.entries(after.stacks)) {
      if (changed.has(name)) continue;
      if ((stack.dependencies ?? []).some((dep) => changed.has(byPath.get(dep) ?? dep))) {
        changed.set(name, 'depends');
        grew = true;
      }
    }
  }
  return {
    changed: Object.keys(after.stacks).filter((name) => changed.has(name)).map((name) => ({ name, reason: changed.get(name)! })),
    removed: Object.keys(before.stacks).filter((name) => after.stacks[name] === undefined),
  };
}

function readManifest(out: string): Manifest {
  const file = join(out, 'manifest.json');
  if (!existsSync(file)) throw new SynthReadError(`${out} is not a synth output directory: it has no manifest.json (run cdktf synth, or give the cdktf.out of the last deployed synth)`);
  let manifest: Manifest;
  try {
    manifest = JSON.parse(readFileSync(file, 'utf8')) as Manifest;
  } catch (error) {
    throw new SynthReadError(`${file}: not valid JSON: ${(error as Error).message}`);
  }
  if (manifest === null || typeof manifest !== 'object' || manifest.stacks === null || typeof manifest.stacks !== 'object') {
    throw new SynthReadError(`${file}: a cdktf manifest has a "stacks" object`);
  }
  for (const [name, stack] of Object.entries(manifest.stacks)) {
    if (typeof stack?.synthesizedStackPath !== 'string') throw new SynthReadError(`${file}: stack "${name}" has no synthesizedStackPath`);
  }
  return manifest;
}

/** The stack's configuration as Terraform reads it: cdk.tf.json with every `//` key removed, keys sorted. */
function configuration(out: string, path: string): string {
  const file = join(out, path);
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new SynthReadError(`${file}: ${(error as Error).message}`);
  }
  return JSON.stringify(withoutMetadata(parsed));
}

function withoutMetadata(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutMetadata);
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, unknown>).filter(([key]) => key !== '//').sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries.map(([key, v]) => [key, withoutMetadata(v)]));
}
