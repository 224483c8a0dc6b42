import { IResolvable, IResolveContext, Token } from 'cdktf';

/** Marks a value {@link settledCopy} cannot vouch for: it has, or may have, tokens in it. */
export const UNSETTLED: unique symbol = Symbol('unsettled');

/**
 * Encoded number tokens are doubles near -1.9e+289 (cdktf `createTokenDouble`); in a string they
 * print with a three-digit exponent. cdktf's resolver scans strings for them, so such text is left to it.
 */
const NUMBER_TOKEN_TEXT = /e\+\d{3}/;

/**
 * A copy of `value` as cdktf's resolver would return it, when that is certain without running
 * it: plain strings (no `TfToken[` marker, nothing that reads as an encoded number token),
 * numbers that are not number tokens, booleans, null, and arrays and plain objects of those
 * (undefined entries dropped, as the resolver drops them). Anything else, a token, a resolvable,
 * a `Date`, a class instance, gives {@link UNSETTLED}, and the caller lets cdktf resolve it.
 * @see node_modules/cdktf/lib/tokens/private/resolve.js (cdktf 0.21): strings without token
 *   markers, non-token numbers, booleans and null come back unchanged; objects and arrays are
 *   rebuilt without their undefined values.
 */
export function settledCopy(value: unknown): unknown {
  switch (typeof value) {
    case 'string':
      return value.includes('TfToken[') || NUMBER_TOKEN_TEXT.test(value) ? UNSETTLED : value;
    case 'number':
      return Token.isUnresolved(value) ? UNSETTLED : value;
    case 'boolean':
    case 'undefined':
      return value;
    case 'object': {
      if (value === null) return null;
      if (Array.isArray(value)) {
        const out: unknown[] = [];
        for (const item of value) {
          const copy = settledCopy(item);
          if (copy === UNSETTLED) return UNSETTLED;
          if (copy !== undefined) out.push(copy);
        }
        return out;
      }
      const proto = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) return UNSETTLED;
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(value)) {
        if (key.includes('TfToken[')) return UNSETTLED;
        const copy = settledCopy((value as Record<string, unknown>)[key]);
        if (copy === UNSETTLED) return UNSETTLED;
        if (copy !== undefined) out[key] = copy;
      }
      return out;
    }
    default:
      return UNSETTLED;
  }
}

/**
 * Wraps an already-settled JSON object (from {@link settledCopy}) so that cdktf's resolver
 * does not walk it key by key on each of its passes over the stack (`prepareStack`, each
 * element's fragment, then the whole document: three walks that cost a record about as much as
 * all the rest of its synth). The wrapper carries the object's own keys, so whoever reads a
 * once-resolved fragment sees the attributes; its first resolution gives the wrapper back
 * (cdktf's `deepMerge` keeps a resolvable as it is), every later one the plain object, so the
 * document cdktf writes holds plain objects, byte-identical to a walked one.
 * @see node_modules/cdktf/lib/tokens/resolvable.js `DefaultTokenResolver.resolveToken`: the
 *   value a post-processor returns is not resolved again.
 */
export function resolvedOnce(settled: Record<string, unknown>): Record<string, unknown> {
  return new SettledAttributes(settled) as unknown as Record<string, unknown>;
}

/**
 * The wrapper of {@link resolvedOnce}: the attributes as its own (enumerable) properties, the
 * token methods on the prototype, so a reader or `JSON.stringify` sees the attributes alone.
 * (A plain object with `Object.defineProperty` methods costs 4 µs a record: it leaves V8's fast path.)
 */
class SettledAttributes implements IResolvable {
  // Private fields are not properties: readers and JSON.stringify see the attributes alone.
  readonly #settled: Record<string, unknown>;
  #resolved = false;

  constructor(settled: Record<string, unknown>) {
    Object.assign(this, settled);
    this.#settled = settled;
  }

  /** No creation stack is captured: there is nothing to trace back. */
  public get creationStack(): string[] {
    return [];
  }

  /** First resolution: this wrapper again (kept as it is by cdktf's deepMerge); then the plain attributes. */
  public resolve(context: IResolveContext): undefined {
    const result = this.#resolved ? this.#settled : this;
    this.#resolved = true;
    context.registerPostProcessor({ postProcess: () => result });
    return undefined;
  }

  public toString(): string {
    return '[settled attributes]';
  }
}
