// The request shape shared by MailRecordsBase and the preset publisher, in a module of its own
// so neither imports the other for it.

/** A record a construct asks the base to publish at its name. */
export interface RecordRequest {
  readonly type: string;
  readonly value: string;
  readonly priority?: number;
  /** Owner name relative to the construct's name, e.g. `_dmarc`; default the name itself. */
  readonly label?: string;
  /**
   * What makes this record itself within its name and type, for its Terraform address: the
   * exchange for MX (default: the value), a purpose such as `spf` for TXT whose text may change.
   */
  readonly identity?: string;
  /** Prop that produced the record, for error messages, e.g. `records[1]`. */
  readonly field: string;
  readonly vendor?: { readonly preset: string; readonly variant: string };
}
