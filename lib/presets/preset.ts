/**
 * The shape of a vendor preset in presets/: data only, with where it came from and
 * when it was last checked, because vendors change their records over time.
 *
 * Templates: MX exchanges, companion names and values may hold `{placeholder}`s, filled
 * from the preset's parameters, the chosen region's values (`{region}` is the region id
 * itself) and, in companion records, `{domain}` (the mail domain the records are for) and
 * the companion group's own parameters.
 */
export interface MailPreset {
  /** Stable id used by `VendorMx`, e.g. `google-workspace`. */
  readonly id: string;
  /** Display name, e.g. `Google Workspace`. */
  readonly name: string;
  /** What kind of service: a mailbox host, a forwarder, an inbound API, a security gateway, or null MX. */
  readonly category: PresetCategory;
  /** Vendor pages the records were taken from. */
  readonly sources: readonly PresetSource[];
  /** ISO date (YYYY-MM-DD) the records were last checked against the sources. */
  readonly checked: string;
  /** How sure the data is: `high` = vendor documentation or vendor-authored template; `medium` = indirect or conflicting sources; `low` = shape only. */
  readonly confidence: 'high' | 'medium' | 'low';
  /** Variant used when none is asked for. */
  readonly defaultVariant: string;
  /** Record sets by variant name, e.g. `current` and `legacy`. Never mixed. */
  readonly variants: Readonly<Record<string, PresetVariant>>;
  /** Inputs the records need, by name; `{name}` placeholders in exchanges refer to them. */
  readonly parameters?: Readonly<Record<string, PresetParameter>>;
  /** Data centres or accounts' regions with their own hosts, by region id (e.g. `eu`). */
  readonly regions?: Readonly<Record<string, PresetRegion>>;
  /** Region used when none is asked for; without it a preset with regions needs `region`. */
  readonly defaultRegion?: string;
  /**
   * The vendor adds regions over time (e.g. Amazon SES): a region id outside `regions` that
   * matches this pattern is accepted with a warning instead of rejected.
   */
  readonly openRegions?: { readonly pattern: string; readonly description: string };
  /**
   * The vendor documents one MX host as its complete setup (a load-balanced pool with no second
   * host to add), so `mx-single` has nothing to fix there.
   */
  readonly singleMxRedundant?: boolean;
  /** Records the vendor asks for beside MX; each group is opt-in on the constructs. */
  readonly companions?: PresetCompanions;
  /** The product is being retired: constructs warn at synth. */
  readonly deprecated?: { readonly endOfSupport: string; readonly message: string };
  /** What a user should know that the records do not say. */
  readonly notes?: string;
  /** MTA-STS and DANE facts the vendor documents, each with its source. */
  readonly transportSecurity?: PresetTransportSecurity;
}

/** A fact of a vendor's documentation and the page it is from. */
export interface SourcedFact {
  /** The vendor page that states it. */
  readonly source: string;
}

/**
 * What a vendor documents for MTA-STS (RFC 8461) and DANE (RFC 7672) on its MX hosts. Only
 * what the vendor states: a vendor with nothing documented has no entry, and policies then
 * list its exact MX hosts.
 */
export interface PresetTransportSecurity {
  /** `mx:` patterns the vendor documents for customers' policies; each covers the MX hosts it matches. */
  readonly mtaStsMx?: ReadonlyArray<SourcedFact & { readonly pattern: string }>;
  /**
   * Inbound DANE: MX hosts ending in `hostSuffix` are the vendor's DANE endpoint; the vendor
   * publishes their TLSA records in its own zone, and states conditions on the customer's MX set.
   */
  readonly dane?: SourcedFact & {
    readonly hostSuffix: string;
    /** The MX set must be this one host alone (no fallback MX). */
    readonly singleMx?: boolean;
    /** Preferences the vendor accepts for that MX. */
    readonly priorities?: readonly number[];
    /** One line for findings, e.g. what the vendor's page calls the feature. */
    readonly title: string;
  };
}

/** Kinds of mail service, for listings. */
export type PresetCategory = 'mailbox' | 'forwarding' | 'inbound-api' | 'gateway' | 'null';

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
  /** Preference; when `priorityParameter` is set, the documented example value. */
  readonly priority: number;
  /** Host name, or a template such as `mx.{region}`. */
  readonly exchange: string;
  /** The vendor assigns this preference per customer: it is taken from this parameter. */
  readonly priorityParameter?: string;
}

/** An input a preset needs. */
export interface PresetParameter {
  readonly description: string;
  /** Allowed values; omit for free-form values checked by `pattern`/`suffixes`. */
  readonly allowed?: readonly string[];
  /** Host-name suffixes a value must end with (e.g. `.mail.protection.outlook.com`). */
  readonly suffixes?: readonly string[];
  /** Regular expression a free-form value must match, e.g. `^[A-Za-z0-9+/=]+$`. */
  readonly pattern?: string;
  /** `priority`: an MX preference, an integer 0–65535. */
  readonly kind?: 'priority';
  /** Value used when none is given; without it the parameter is required. */
  readonly default?: string;
  /** A realistic example value for docs and tests. */
  readonly example: string;
}

/** A data centre of a vendor and the template values that differ there. */
export interface PresetRegion {
  /** Display name, e.g. `EU (zoho.eu)`. */
  readonly name: string;
  /** Placeholder values for this region, e.g. `{ dc: 'zoho.eu' }`. */
  readonly values?: Readonly<Record<string, string>>;
  /** Set when this region's hosts follow the vendor's pattern but were not confirmed: says what is unconfirmed. Constructs warn. */
  readonly unverified?: string;
}

/** SPF terminator: fail, soft fail or neutral for senders not listed. */
export type SpfAll = '-all' | '~all' | '?all';

/** The SPF a vendor documents: what to include and how it ends. */
export interface PresetSpf {
  /** Domain for `include:` (may be a template such as `{dc}`); omitted when the vendor sends nothing (null MX). */
  readonly include?: string;
  /** The terminator the vendor documents. */
  readonly all: SpfAll;
  /** How the vendor's own text differs, if it does (e.g. `redirect=` instead of `include:`). */
  readonly note?: string;
}

/** Companion records by purpose. */
export interface PresetCompanions {
  readonly spf?: PresetSpf;
  readonly dkim?: PresetRecordGroup;
  readonly verification?: PresetRecordGroup;
  readonly autodiscover?: PresetRecordGroup;
  readonly dmarc?: PresetRecordGroup;
}

/** Names of the companion groups that hold records (SPF is merged, so it is separate). */
export type CompanionGroupName = Exclude<keyof PresetCompanions, 'spf'>;

/** Records for one purpose (e.g. DKIM) and the inputs they need. */
export interface PresetRecordGroup {
  readonly description: string;
  readonly records: readonly PresetRecord[];
  /** Inputs the records need (e.g. `publicKey`), given in the construct's `companions` option. */
  readonly parameters?: Readonly<Record<string, PresetParameter>>;
}

/** One companion record. */
export interface PresetRecord {
  readonly type: 'TXT' | 'CNAME';
  /** Owner name relative to the mail domain (`@` for the domain itself), e.g. `{selector}._domainkey`. */
  readonly name: string;
  /** Record data, e.g. `v=DKIM1; k=rsa; p={publicKey}` or a CNAME target. */
  readonly value: string;
}
