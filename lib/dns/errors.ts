/**
 * The one error type cdktf-mx throws for invalid input. Every message names the
 * offending field and what is allowed, so a user can fix it without reading our code.
 */
export class MxInputError extends Error {
  /** Which input was wrong, e.g. `records[1].priority` or `exchange`. */
  public readonly field: string;
  /** What is wrong and what is allowed, without the field. */
  public readonly detail: string;

  constructor(field: string, detail: string) {
    super(`${field}: ${detail}`);
    this.name = 'MxInputError';
    this.field = field;
    this.detail = detail;
  }

  /** The same error, saying where it happened (e.g. which construct). */
  public at(where: string): MxInputError {
    return new MxInputError(this.field, `${this.detail} (${where})`);
  }
}

/**
 * Any value as a message shows it: strings quoted (long ones cut), numbers as written
 * (`NaN`, `Infinity`, which JSON.stringify would show as `null`), bigints with `n`, and
 * objects, arrays and functions by kind, so no message prints `[object Object]` or throws
 * on a cyclic object or a symbol.
 */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
    case 'bigint':
      return `${value}n`;
    case 'symbol':
      return value.toString();
    case 'function':
      return 'a function';
    case 'object':
      return 'an object';
    default:
      return String(value);
  }
}
