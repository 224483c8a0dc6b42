import { toCloudflareTxt } from '../cloudflare/txt';
import { DMARC_REJECT, SPF_REJECT_ALL } from '../constructs/null-mx';
import { NULL_MX_EXCHANGE, ownerNameSyntaxProblem } from '../dns/names';
import { presets } from '../presets/catalogue';
import { CompanionInput, expandCompanionGroup, presetSpf, resolvePreset, ResolvedPreset } from '../presets/expand';
import { CompanionGroupName, MailPreset, PresetRecordGroup, SpfAll } from '../presets/preset';
import { renderSpf, SPF_TERMINATORS } from '../presets/spf';
import { escapeRegExp, templateSource } from '../presets/template';
import { compareCanonicalNames } from '../testing/zone-text';
import { LiveRecord, TEMPLATE_SEQUENCE } from './live-zone';

/** What every adopted unit shares: where it publishes and the live records it stands for. */
interface UnitBase {
  /** The name the unit publishes at (lower-case ASCII FQDN). */
  readonly name: string;
  /** The live records the unit publishes, exactly (the import ids ride on these). */
  readonly records: readonly LiveRecord[];
}

/** Companion options as the adopted construct takes them. */
export interface AdoptedCompanions {
  spf?: true | { readonly all: SpfAll };
  dkim?: CompanionInput;
  verification?: CompanionInput;
  autodiscover?: true;
  dmarc?: true;
}

/** A vendor preset whose MX set is live exactly, with the companions that match what it would publish. */
export interface VendorUnit extends UnitBase {
  readonly kind: 'vendor';
  readonly preset: MailPreset;
  readonly variant: string;
  readonly region?: string;
  /** The preset's parameters as read back from the live exchanges (e.g. Microsoft 365's `exchange`). */
  readonly parameters: Readonly<Record<string, string>>;
  readonly companions: AdoptedCompanions;
  readonly ttl: number;
  readonly comment?: string;
}

/** A null MX (RFC 7505), with the SPF and DMARC `NullMx` publishes when they are live. */
export interface NullMxUnit extends UnitBase {
  readonly kind: 'null';
  readonly spf: boolean;
  readonly dmarc: boolean;
  readonly ttl: number;
  readonly comment?: string;
}

/** An MX set no preset describes. */
export interface MxUnit extends UnitBase {
  readonly kind: 'mx';
  readonly mx: ReadonlyArray<{ readonly priority: number; readonly exchange: string }>;
  readonly ttl: number;
  readonly comment?: string;
}

/** One record kept as it is (a raw `cloudflare_dns_record`). */
export interface RawUnit extends UnitBase {
  readonly kind: 'raw';
  readonly record: LiveRecord;
}

/** One piece of the generated app. */
export type AdoptedUnit = VendorUnit | NullMxUnit | MxUnit | RawUnit;

const GROUPS: readonly CompanionGroupName[] = ['verification', 'dkim', 'autodiscover', 'dmarc'];
/** Groups the constructs take as `true` only: a group of these with parameters cannot be expressed. */
const BOOLEAN_GROUPS: ReadonlySet<CompanionGroupName> = new Set(['autodiscover', 'dmarc']);

/**
 * The preset catalogue run backwards: the mail records of a live zone as the constructs that
 * publish exactly them. Per name with MX records, a null MX becomes {@link NullMxUnit}, an MX
 * set equal to a preset's expansion a {@link VendorUnit} (its SPF, DKIM, verification,
 * autodiscover and DMARC companions included where the live records are what the companion
 * would publish, TTL and comment included), any other set an {@link MxUnit}; every record left
 * over stays raw. Expansion is the presets' own (`resolvePreset`, `expandCompanionGroup`,
 * `presetSpf`), so recognition can never disagree with what a construct publishes.
 */
export function recogniseMail(records: readonly LiveRecord[]): AdoptedUnit[] {
  const used = new Set<LiveRecord>();
  const units: AdoptedUnit[] = [];
  const mxByName = new Map<string, LiveRecord[]>();
  for (const record of records) if (record.type === 'MX') mxByName.set(record.name, [...(mxByName.get(record.name) ?? []), record]);
  const names = [...mxByName.keys()].sort(compareCanonicalNames);
  for (const name of names) {
    const mx = mxByName.get(name)!;
    const unit = recogniseName(name, mx, records.filter((r) => !used.has(r) && r.type !== 'MX'));
    if (!unit) continue;
    for (const record of unit.records) used.add(record);
    units.push(unit);
  }
  for (const record of records) if (!used.has(record)) units.push({ kind: 'raw', name: record.name, records: [record], record });
  return units;
}

function recogniseName(name: string, mx: readonly LiveRecord[], others: readonly LiveRecord[]): AdoptedUnit | undefined {
  // A name our constructs refuse (`a/b`, `o'brien`: live data, not a host name) stays raw, with its record-invalid finding.
  if (ownerNameSyntaxProblem(name) !== undefined) return undefined;
  const first = mx[0];
  // A construct gives all its records one TTL and one comment, and no tags: sets that differ stay raw.
  const uniform = mx.every((r) => r.ttl === first.ttl && r.comment === first.comment && !r.proxied && !r.tags && r.priority !== undefined);
  // An exchange twice (mx-duplicate, live) is one address to a construct, which refuses it: raw.
  const distinct = new Set(mx.map((r) => r.value)).size === mx.length;
  if (!uniform || !distinct) return undefined;
  const style = { ttl: first.ttl, ...(first.comment !== undefined ? { comment: first.comment } : {}) };
  const fits = (record: LiveRecord) =>
    record.ttl === style.ttl && record.comment === style.comment && !record.proxied && !record.tags && storedAsPublished(record) && !TEMPLATE_SEQUENCE.test(record.value);
  if (mx.length === 1 && mx[0].value === NULL_MX_EXCHANGE && mx[0].priority === 0) {
    const spf = others.find((r) => r.type === 'TXT' && r.name === name && r.value === SPF_REJECT_ALL && fits(r));
    const dmarc = others.find((r) => r.type === 'TXT' && r.name === `_dmarc.${name}` && r.value === DMARC_REJECT && fits(r));
    return { kind: 'null', name, spf: spf !== undefined, dmarc: dmarc !== undefined, ...style, records: [...mx, ...(spf ? [spf] : []), ...(dmarc ? [dmarc] : [])] };
  }
  const live = mx.map((r) => ({ priority: r.priority!, exchange: r.value }));
  let best: VendorUnit | undefined;
  for (const resolved of presetsMatching(live)) {
    const companions = matchCompanions(resolved, name, others.filter(fits));
    const unit: VendorUnit = {
      kind: 'vendor',
      name,
      preset: resolved.preset,
      variant: resolved.variant,
      ...(resolved.region !== undefined ? { region: resolved.region } : {}),
      parameters: Object.fromEntries(Object.keys(resolved.preset.parameters ?? {}).map((key) => [key, resolved.values[key]])),
      companions: companions.options,
      ...style,
      records: [...mx, ...companions.records],
    };
    // The candidate that explains the most live records wins; the catalogue order breaks ties.
    if (!best || unit.records.length > best.records.length) best = unit;
  }
  if (best) return best;
  return { kind: 'mx', name, mx: live, ...style, records: mx };
}

/** A TXT whose stored content is what our constructs write (quoted, split at 255), so adopting it changes nothing. */
function storedAsPublished(record: LiveRecord): boolean {
  return record.type !== 'TXT' || record.content === undefined || record.content === toCloudflareTxt(record.value);
}

type Values = Record<string, string>;

/** Every preset selection (variant, region, parameters) whose MX set equals `live`. */
export function presetsMatching(live: ReadonlyArray<{ priority: number; exchange: string }>): ResolvedPreset[] {
  const wanted = mxKey(live);
  const found: ResolvedPreset[] = [];
  const seen = new Set<string>();
  for (const preset of presets) {
    if (preset.category === 'null') continue;
    for (const variant of Object.keys(preset.variants)) {
      const templates = preset.variants[variant].mx;
      if (templates.length !== live.length) continue;
      for (const region of regionChoices(preset)) {
        const known: Values = region === undefined ? {} : { region, ...preset.regions?.[region]?.values };
        for (const captured of assign(templates.length, live.length, (t, l, values) => matchMx(templates[t], live[l], { ...known, ...values }))) {
          const parameters = Object.fromEntries(Object.keys(preset.parameters ?? {}).filter((key) => captured[key] !== undefined).map((key) => [key, captured[key]]));
          const chosenRegion = region ?? (preset.openRegions ? captured.region : undefined);
          let resolved: ResolvedPreset;
          try {
            resolved = resolvePreset(preset, { variant, ...(chosenRegion !== undefined ? { region: chosenRegion } : {}), parameters });
          } catch {
            continue; // a value the preset would reject (wrong suffix, unknown region): not this preset
          }
          const key = `${preset.id} ${variant} ${resolved.region} ${JSON.stringify(resolved.values)}`;
          if (mxKey(resolved.mx) !== wanted || seen.has(key)) continue;
          seen.add(key);
          found.push(resolved);
        }
      }
    }
  }
  return found;
}

/** Regions to try, the default first; `undefined` alone for presets without regions, or to read an open region from the hosts. */
function regionChoices(preset: MailPreset): Array<string | undefined> {
  if (!preset.regions) return [undefined];
  const ids = Object.keys(preset.regions);
  const ordered = preset.defaultRegion !== undefined ? [preset.defaultRegion, ...ids.filter((id) => id !== preset.defaultRegion)] : ids;
  return preset.openRegions ? [...ordered, undefined] : ordered;
}

/** The placeholder values that make a preset MX equal a live one, or undefined. */
function matchMx(template: MailPreset['variants'][string]['mx'][number], live: { priority: number; exchange: string }, known: Values): Values | undefined {
  const values = matchTemplate(template.exchange, live.exchange, known, '[a-z0-9.-]+?');
  if (!values) return undefined;
  if (template.priorityParameter === undefined) return template.priority === live.priority ? values : undefined;
  return merge(values, { [template.priorityParameter]: String(live.priority) });
}

/**
 * Match `text` against a preset template: placeholders with known values must appear as
 * they are, the others are read from the text (`capture` is their pattern). Undefined when
 * it does not match or a placeholder would take two values.
 */
function matchTemplate(template: string, text: string, known: Values, capture: string): Values | undefined {
  const names: string[] = [];
  const source = templateSource(template, (name) => {
    if (known[name] !== undefined) return escapeRegExp(known[name]);
    names.push(name);
    return `(${capture})`;
  });
  const match = new RegExp(`^${source}$`, 'i').exec(text);
  if (!match) return undefined;
  let values: Values | undefined = {};
  names.forEach((name, index) => {
    values = values && merge(values, { [name]: match[index + 1] });
  });
  return values;
}

function merge(a: Values, b: Values): Values | undefined {
  for (const key of Object.keys(b)) if (a[key] !== undefined && a[key] !== b[key]) return undefined;
  return { ...a, ...b };
}

/**
 * Every one-to-one assignment of `templates` templates to `items` items (backtracking; sets
 * here hold at most a handful), with the placeholder values it implies: `match` gets the values
 * so far and returns what the pair adds (or undefined), which must agree with them.
 */
function assign(templates: number, items: number, match: (template: number, item: number, values: Values) => Values | undefined): Values[] {
  const results: Values[] = [];
  const taken = new Set<number>();
  const step = (t: number, values: Values): void => {
    if (t === templates) {
      results.push(values);
      return;
    }
    for (let i = 0; i < items; i++) {
      if (taken.has(i)) continue;
      const found = match(t, i, values);
      const next = found && merge(values, found);
      if (!next) continue;
      taken.add(i);
      step(t + 1, next);
      taken.delete(i);
    }
  };
  step(0, {});
  return results;
}

/** The companions of `resolved` at `name` that are live exactly, and the records they stand for. */
function matchCompanions(resolved: ResolvedPreset, name: string, candidates: readonly LiveRecord[]): { options: AdoptedCompanions; records: LiveRecord[] } {
  const options: AdoptedCompanions = {};
  const records: LiveRecord[] = [];
  const free = (r: LiveRecord) => !records.includes(r);
  for (const groupName of GROUPS) {
    const group = resolved.preset.companions?.[groupName];
    if (!group) continue;
    const hasParameters = Object.keys(group.parameters ?? {}).length > 0;
    if (hasParameters && BOOLEAN_GROUPS.has(groupName)) continue;
    const match = matchGroup(resolved, groupName, group, name, candidates.filter(free));
    if (!match) continue;
    (options as Record<string, CompanionInput>)[groupName] = hasParameters ? match.input : true;
    records.push(...match.records);
  }
  const spf = spfCompanion(resolved, name, candidates.filter(free));
  if (spf) {
    options.spf = spf.option;
    records.push(spf.record);
  }
  return { options, records };
}

/** A companion group whose every record is live, read back into the construct's input. */
function matchGroup(resolved: ResolvedPreset, groupName: CompanionGroupName, group: PresetRecordGroup, name: string, candidates: readonly LiveRecord[]): { input: Values; records: LiveRecord[] } | undefined {
  const context: Values = { ...resolved.values, domain: name };
  const relative = (record: LiveRecord) => (record.name === name ? '@' : record.name.endsWith(`.${name}`) ? record.name.slice(0, -name.length - 1) : undefined);
  for (const values of assign(group.records.length, candidates.length, (t, c, found) => {
    const template = group.records[t];
    const record = candidates[c];
    const label = relative(record);
    if (record.type !== template.type || label === undefined) return undefined;
    const known = { ...context, ...found };
    const byName = matchTemplate(template.name, label, known, '[a-z0-9_-]+');
    const byValue = byName && matchTemplate(template.value, record.value, { ...known, ...byName }, '.+?');
    return byName && byValue ? merge(merge(found, byName) ?? {}, byValue) : undefined;
  })) {
    const input = Object.fromEntries(Object.keys(group.parameters ?? {}).filter((key) => values[key] !== undefined).map((key) => [key, values[key]]));
    let expected;
    try {
      expected = expandCompanionGroup(resolved, groupName, Object.keys(group.parameters ?? {}).length > 0 ? input : true, name);
    } catch {
      continue;
    }
    const matched = expected.map((e) => candidates.find((r) => r.type === e.type && r.name === (e.name === '@' ? name : `${e.name}.${name}`) && r.value === e.value));
    if (matched.every((r): r is LiveRecord => r !== undefined) && new Set(matched).size === matched.length) return { input, records: matched };
  }
  return undefined;
}

/** The vendor's SPF record when it is live exactly as `companions.spf` publishes it (any terminator). */
function spfCompanion(resolved: ResolvedPreset, name: string, candidates: readonly LiveRecord[]): { option: true | { all: SpfAll }; record: LiveRecord } | undefined {
  let spf: ReturnType<typeof presetSpf>;
  try {
    spf = presetSpf(resolved);
  } catch {
    return undefined;
  }
  if (!spf?.include) return undefined;
  for (const all of SPF_TERMINATORS) {
    const text = renderSpf([spf.include], all);
    const record = candidates.find((r) => r.type === 'TXT' && r.name === name && r.value === text);
    if (record) return { option: all === spf.all ? true : { all }, record };
  }
  return undefined;
}

function mxKey(mx: ReadonlyArray<{ priority: number; exchange: string }>): string {
  return mx.map((m) => `${m.priority} ${m.exchange.toLowerCase()}`).sort().join(',');
}
