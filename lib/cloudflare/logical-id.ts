import { createHash } from 'node:crypto';

/**
 * A Terraform resource name derived from what a record is (type, owner, identity),
 * never from its position in a list or the construct tree, so reordering records or
 * wrapping constructs never renames (destroys and re-creates) a live record.
 * Parts are joined by `__`; a part maps dots to `_`, so the name is readable and one-to-one
 * for LDH names. Where it would not be one-to-one (underscores, other characters), a short hash is added.
 */
export function recordLogicalId(type: string, name: string, identity: string): string {
  const key = `${type} ${name} ${identity}`.toLowerCase();
  const readable = [type, name, identity].map((part) => part.toLowerCase().replace(/[^a-z0-9-]+/g, '_').replace(/^_+|_+$/g, '')).join('__');
  const lossless = /^[a-z0-9.-]*$/i.test(name) && /^[a-z0-9.-]*$/i.test(identity) && readable.length <= 200;
  const base = readable.slice(0, 200);
  if (lossless) return base;
  return `${base}_${createHash('sha256').update(key).digest('hex').slice(0, 8)}`;
}
