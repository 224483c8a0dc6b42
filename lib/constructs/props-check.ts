import { describeValue } from '../dns/errors';

/**
 * Runtime checks of the props every mail construct shares. TypeScript checks them in a typed
 * app; an untyped one (JavaScript, JSON config, `as any`) reaches the constructs with any
 * value, which must stop at the construct with an `MxInputError` naming the field and what
 * it takes, never deep in the library (`comment: 5` once failed as `text.includes is not a function`).
 */

/** What a prop takes, as the error says it, and the test of a value given. */
interface PropCheck {
  readonly allowed: string;
  readonly test: (value: unknown) => boolean;
}

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);
const isStringMap = (value: unknown): boolean => isObject(value) && Object.values(value).every((v) => typeof v === 'string');

const STRING: PropCheck = { allowed: 'a string', test: (v) => typeof v === 'string' };
const BOOLEAN: PropCheck = { allowed: 'true or false', test: (v) => typeof v === 'boolean' };
/** The range is each host's (its TTL rule names it at synth, with the host's limits); here the type. */
const TTL: PropCheck = { allowed: 'a number of seconds', test: (v) => typeof v === 'number' };
const PARAMETERS: PropCheck = {
  allowed: 'an object of preset inputs, each a string or a number (e.g. { exchange: "contoso-com.mail.protection.outlook.com" })',
  test: (v) => isObject(v) && Object.values(v).every((p) => p === undefined || typeof p === 'string' || typeof p === 'number'),
};
const COMPANIONS: PropCheck = { allowed: 'an object such as { spf: true, dkim: true }', test: isObject };

/**
 * The props of MailDomainProps, VendorConstructProps and VendorSelection, by field (`zone` is
 * checked with the zone; `maxPresetAge` with its context default, where presets are published).
 */
const SHARED: Readonly<Record<string, PropCheck>> = {
  zoneId: STRING,
  domain: STRING,
  name: STRING,
  ttl: TTL,
  comment: STRING,
  companions: COMPANIONS,
  variant: STRING,
  region: STRING,
  parameters: PARAMETERS,
  allowCustomHost: BOOLEAN,
};

/** The groups of CompanionOptions. */
const COMPANION_GROUPS: Readonly<Record<string, PropCheck>> = {
  spf: { allowed: 'true, false or { all: "~all" | "-all" | "?all" }', test: (v) => typeof v === 'boolean' || (isObject(v) && (v.all === undefined || typeof v.all === 'string')) },
  dkim: { allowed: 'true, false or the values asked for as strings (e.g. { publicKey: "MIIB…" })', test: (v) => typeof v === 'boolean' || isStringMap(v) },
  verification: { allowed: 'the token (a string) or its values by name as strings', test: (v) => typeof v === 'string' || isStringMap(v) },
  autodiscover: BOOLEAN,
  dmarc: BOOLEAN,
};

/**
 * Checks the shared props a construct was given: each one set must be of its type and in
 * its range. `fail` throws the construct's `MxInputError` (which says where).
 */
export function checkSharedProps(props: object, fail: (field: string, message: string) => never): void {
  checkFields(props as Record<string, unknown>, SHARED, '', fail);
  const companions = (props as { companions?: unknown }).companions;
  if (isObject(companions)) checkFields(companions, COMPANION_GROUPS, 'companions.', fail);
}

function checkFields(props: Readonly<Record<string, unknown>>, checks: Readonly<Record<string, PropCheck>>, prefix: string, fail: (field: string, message: string) => never): void {
  for (const field of Object.keys(checks)) {
    const value = props[field];
    if (value !== undefined && !checks[field].test(value)) fail(`${prefix}${field}`, `must be ${checks[field].allowed}, not ${describeValue(value)}`);
  }
}
