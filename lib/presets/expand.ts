import { MxInputError } from '../dns/errors';
import { ownerNameProblems, parseHostname, toAscii } from '../dns/names';
import { CompanionGroupName, MailPreset, PresetMx, PresetParameter, PresetRecordGroup, SpfAll } from './preset';
import { escapeRegExp, fillTemplate, placeholders, templateSource } from './template';

/** Parameter values for a preset, by parameter name. */
export type PresetParameters = Readonly<Record<string, string | number | undefined>>;

/** What a user picks from a preset. */
export interface PresetSelection {
  /** Variant name; default the preset's `defaultVariant`. */
  readonly variant?: string;
  /** Region id; default the preset's `defaultRegion`. */
  readonly region?: string;
  readonly parameters?: PresetParameters;
  /** Accept host parameters outside the vendor's known suffixes. */
  readonly allowCustomHost?: boolean;
}

/** A preset with a variant, region and parameters chosen: concrete MX records and the values that filled them. */
export interface ResolvedPreset {
  readonly preset: MailPreset;
  readonly variant: string;
  readonly region?: string;
  /** Every placeholder value: parameters, region values and `region`. */
  readonly values: Readonly<Record<string, string>>;
  readonly mx: ReadonlyArray<{ readonly priority: number; readonly exchange: string }>;
  /** Things the user should be warned about (unconfirmed region data, a region not in the list). */
  readonly notes: readonly string[];
}

/**
 * Resolve a preset for a selection. Pure; throws {@link MxInputError} naming the
 * input (`variant`, `region` or the parameter) and what is allowed.
 */
export function resolvePreset(preset: MailPreset, selection: PresetSelection = {}): ResolvedPreset {
  const variant = selection.variant ?? preset.defaultVariant;
  const chosen = preset.variants[variant];
  if (!chosen) {
    throw new MxInputError('variant', `${preset.name} has no variant "${variant}"; use one of: ${Object.keys(preset.variants).join(', ')}.`);
  }
  const notes: string[] = [];
  const region = chooseRegion(preset, selection.region, notes);
  const values: Record<string, string> = {
    ...(region !== undefined ? { region, ...preset.regions?.[region]?.values } : {}),
    ...checkParameters(preset, selection.parameters ?? {}, { allowCustomHost: selection.allowCustomHost }),
  };
  const mx = chosen.mx.map((entry) => ({
    priority: entry.priorityParameter !== undefined ? Number(values[entry.priorityParameter]) : entry.priority,
    exchange: fillComplete(preset, entry.exchange, values),
  }));
  return { preset, variant, ...(region !== undefined ? { region } : {}), values, mx, notes };
}

/**
 * The MX records of one variant of a preset with its parameters filled in. Pure;
 * throws {@link MxInputError} naming the parameter and what is allowed.
 */
export function expandPreset(
  preset: MailPreset,
  variant: string | undefined,
  parameters: PresetParameters = {},
  options: { allowCustomHost?: boolean; region?: string } = {},
): PresetMx[] {
  return resolvePreset(preset, { variant, parameters, ...options }).mx.map((mx) => ({ ...mx }));
}

/** Validate parameters against the preset's declaration; returns the normalised values. */
export function checkParameters(preset: MailPreset, parameters: PresetParameters, options: { allowCustomHost?: boolean } = {}): Record<string, string> {
  return checkDeclared(preset.name, preset.parameters ?? {}, parameters, '', options.allowCustomHost === true);
}

function chooseRegion(preset: MailPreset, asked: string | undefined, notes: string[]): string | undefined {
  const regions = preset.regions;
  if (!regions) {
    if (asked !== undefined) throw new MxInputError('region', `${preset.name} has no regions; leave region out.`);
    return undefined;
  }
  const known = Object.keys(regions).join(', ');
  const region = asked?.trim() || preset.defaultRegion;
  if (region === undefined) {
    throw new MxInputError('region', `${preset.name} needs "region": the data centre your account lives in decides the hosts, and the wrong one bounces mail; use one of: ${known}.`);
  }
  const data = regions[region];
  if (data) {
    if (data.unverified) notes.push(`${preset.name} region "${region}": ${data.unverified} Compare with what the vendor's console shows before relying on it.`);
    return region;
  }
  if (preset.openRegions && new RegExp(preset.openRegions.pattern).test(region)) {
    notes.push(`${preset.name} region "${region}" is not among the regions known on ${preset.checked} (${known}); ${preset.openRegions.description}`);
    return region;
  }
  throw new MxInputError('region', `"${region}" is not a ${preset.name} region; use one of: ${known}.`);
}

/** Fill a template whose placeholders must all be known; a leftover placeholder is a bug in the preset data. */
function fillComplete(preset: MailPreset, template: string, values: Readonly<Record<string, string>>): string {
  const filled = fillTemplate(template, values);
  const missing = placeholders(filled);
  if (missing.length > 0) throw new Error(`preset ${preset.id}: "${template}" refers to {${missing.join('}, {')}}, which nothing provides`);
  return filled;
}

/** Check given values against declared parameters; `prefix` namespaces the field in errors (e.g. `companions.dkim.`). */
function checkDeclared(
  owner: string,
  declared: Readonly<Record<string, PresetParameter>>,
  given: PresetParameters,
  prefix: string,
  allowCustomHost: boolean,
): Record<string, string> {
  for (const name of Object.keys(given)) {
    if (!(name in declared) && given[name] !== undefined) {
      const known = Object.keys(declared);
      throw new MxInputError(`${prefix}${name}`, `${owner} takes no parameter "${name}"${known.length ? `; its parameters are: ${known.join(', ')}` : ''}.`);
    }
  }
  const values: Record<string, string> = {};
  for (const [name, parameter] of Object.entries(declared)) {
    const raw = given[name];
    const value = (raw === undefined || raw === null ? '' : String(raw)).trim() || parameter.default;
    if (value === undefined || value === '') {
      throw new MxInputError(`${prefix}${name}`, `${owner} needs "${name}": ${parameter.description} (e.g. "${parameter.example}").`);
    }
    values[name] = checkValue(owner, name, parameter, value, allowCustomHost, `${prefix}${name}`);
  }
  return values;
}

function checkValue(owner: string, name: string, parameter: PresetParameter, value: string, allowCustomHost: boolean, field: string): string {
  if (parameter.allowed && !parameter.allowed.includes(value)) {
    throw new MxInputError(field, `"${value}" is not a ${owner} ${name}; use one of: ${parameter.allowed.join(', ')}.`);
  }
  if (parameter.kind === 'priority' && !(/^[0-9]+$/.test(value) && Number(value) <= 65535)) {
    throw new MxInputError(field, `"${value}" is not an MX preference: ${name} must be an integer 0–65535 (${parameter.description}).`);
  }
  if (parameter.pattern !== undefined && !new RegExp(parameter.pattern).test(value)) {
    throw new MxInputError(field, `"${value}" is not a valid ${owner} ${name}: ${parameter.description} (e.g. "${parameter.example}").`);
  }
  if (parameter.suffixes) {
    const host = parseHostname(value);
    if (host.ascii === undefined) {
      throw new MxInputError(field, `"${value}" is not a valid host name (${host.problems.map((p) => p.detail).join('; ')}).`);
    }
    if (!allowCustomHost && !parameter.suffixes.some((suffix) => host.ascii!.endsWith(suffix))) {
      throw new MxInputError(field, `"${value}" is not a ${owner} host: it must end with ${parameter.suffixes.join(' or ')} (${parameter.description}). Set allowCustomHost: true if this host is really right.`);
    }
    return host.ascii;
  }
  return value;
}

/** What a user gives for a companion group: `true`, the one value the group needs, or its values by name. */
export type CompanionInput = boolean | string | Readonly<Record<string, string>>;

/** A companion record ready to publish. */
export interface CompanionRecord {
  readonly group: CompanionGroupName;
  readonly type: 'TXT' | 'CNAME';
  /** Owner name relative to the mail domain: `@` or labels such as `fm1._domainkey`, lower case. */
  readonly name: string;
  /** TXT text, or the CNAME target as lower-case ASCII. */
  readonly value: string;
  /** Stable purpose for the Terraform address, so a changed value updates in place: `verification`, `dkim-<selector>`, … */
  readonly identity: string;
}

/**
 * The records of one companion group of a resolved preset, for mail domain `domain`.
 * A value given whole (e.g. `google-site-verification=abc` where the template wants the
 * token `abc`) is recognised and taken apart. Throws {@link MxInputError} on
 * `companions.<group>[.<parameter>]`.
 */
export function expandCompanionGroup(resolved: ResolvedPreset, groupName: CompanionGroupName, input: CompanionInput, domain: string): CompanionRecord[] {
  const { preset } = resolved;
  const field = `companions.${groupName}`;
  const group = preset.companions?.[groupName];
  if (!group) {
    const offered = Object.keys(preset.companions ?? {});
    throw new MxInputError(field, `${preset.name} documents no ${groupName} records${offered.length ? `; its companions are: ${offered.join(', ')}` : ''}.`);
  }
  const context: Record<string, string> = { ...resolved.values, domain };
  const given = recogniseWholeValues(group, namedInput(preset, groupName, group, input), context);
  const values = { ...context, ...checkDeclared(`${preset.name} ${groupName}`, group.parameters ?? {}, given, `${field}.`, false) };
  return group.records.map((record) => {
    const name = fillComplete(preset, record.name, values).toLowerCase();
    const filled = fillComplete(preset, record.value, values);
    let value = filled;
    if (record.type === 'CNAME') {
      // DKIM targets hold `_domainkey` labels, so this is a domain name, not an LDH host name.
      const target = toAscii(filled.trim().replace(/\.$/, ''));
      const problems = target === undefined ? [{ detail: 'it is not a valid internationalised name' }] : ownerNameProblems(target);
      if (target === undefined || problems.length > 0 || !target.includes('.') || /[\s@/\\:{}]/.test(target)) {
        throw new MxInputError(field, `${preset.name} ${groupName} target "${filled}" is not a domain name${problems.length ? ` (${problems.map((p) => p.detail).join('; ')})` : ''}.`);
      }
      value = target;
    }
    const identity = groupName === 'dkim' ? `dkim-${name.split('.')[0]}` : groupName;
    return { group: groupName, type: record.type, name, value, identity };
  });
}

function namedInput(preset: MailPreset, groupName: CompanionGroupName, group: PresetRecordGroup, input: CompanionInput): Record<string, string> {
  if (input === true) return {};
  if (typeof input === 'string') {
    const names = Object.keys(group.parameters ?? {});
    const needed = names.filter((name) => group.parameters![name].default === undefined);
    const target = names.length === 1 ? names[0] : needed.length === 1 ? needed[0] : undefined;
    if (target === undefined) {
      throw new MxInputError(`companions.${groupName}`, `${preset.name} ${groupName} needs ${names.length ? `{ ${names.join(', ')} }` : 'no value'}, not a single string; give them by name.`);
    }
    return { [target]: input };
  }
  if (input === null || typeof input !== 'object') {
    throw new MxInputError(`companions.${groupName}`, `must be true or the values ${preset.name} asks for, by name.`);
  }
  return { ...input };
}

/** Where a user pasted a whole record value for a one-placeholder slot, keep only the part the template wants. */
function recogniseWholeValues(group: PresetRecordGroup, given: Record<string, string>, context: Readonly<Record<string, string>>): Record<string, string> {
  const result = { ...given };
  for (const record of group.records) {
    for (const name of placeholders(record.value)) {
      const value = result[name];
      if (typeof value !== 'string' || record.value === `{${name}}`) continue;
      const source = templateSource(record.value, (other) => (other === name ? '(.+)' : context[other] !== undefined ? escapeRegExp(context[other]) : '.+?'));
      const match = new RegExp(`^${source}$`, 'i').exec(value.trim());
      if (match) result[name] = match[1];
    }
  }
  return result;
}

/** The SPF a resolved preset documents, its include filled in; undefined when it documents none. */
export function presetSpf(resolved: ResolvedPreset): { include?: string; all: SpfAll } | undefined {
  const spf = resolved.preset.companions?.spf;
  if (!spf) return undefined;
  if (spf.include === undefined) return { all: spf.all };
  const include = fillTemplate(spf.include, resolved.values);
  if (placeholders(include).length > 0) {
    throw new MxInputError('companions.spf', `${resolved.preset.name} documents no SPF include for region "${resolved.region}"; add the include the vendor's console shows with SpfInclude instead.`);
  }
  return { include, all: spf.all };
}
