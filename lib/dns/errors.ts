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
