/**
 * The shape of a vendor preset in presets/: data only, with where it came from and
 * when it was last checked, because vendors change their records over time.
 */
export interface MailPreset {
  /** Stable id used by `VendorMx`, e.g. `google-workspace`. */
  readonly id: string;
  /** Display name, e.g. `Google Workspace`. */
  readonly name: string;
  /** Vendor pages the records were taken from. */
  readonly sources: readonly PresetSource[];
  /** ISO date (YYYY-MM-DD) the records were last checked against the sources. */
  readonly checked: string;
  /** Variant used when none is asked for. */
  readonly defaultVariant: string;
  /** Record sets by variant name, e.g. `current` and `legacy`. Never mixed. */
  readonly variants: Readonly<Record<string, PresetVariant>>;
  /** Inputs the records need, by name; `{name}` placeholders in exchanges refer to them. */
  readonly parameters?: Readonly<Record<string, PresetParameter>>;
  /** The vendor documents a single MX host as redundant (anycast/load-balanced), so one MX is fine. */
  readonly singleMxRedundant?: boolean;
}

/** A document a preset's data was taken from. */
export interface PresetSource {
  readonly url: string;
  readonly title: string;
}

/** One record set of a vendor. */
export interface PresetVariant {
  /** What this variant is and when to use it. */
  readonly description: string;
  /** MX records; exchanges may hold `{parameter}` placeholders. */
  readonly mx: readonly PresetMx[];
  /** Set when the vendor still accepts the variant but no longer documents it for new setups. */
  readonly legacy?: boolean;
}

/** One MX of a preset. */
export interface PresetMx {
  readonly priority: number;
  /** Host name, or a template such as `mx.{region}`. */
  readonly exchange: string;
}

/** An input a preset needs. */
export interface PresetParameter {
  readonly description: string;
  /** Allowed values; omit for free-form values checked by `pattern`/`suffixes`. */
  readonly allowed?: readonly string[];
  /** Host-name suffixes a value must end with (e.g. `.mail.protection.outlook.com`). */
  readonly suffixes?: readonly string[];
  /** A realistic example value for docs and tests. */
  readonly example: string;
}
