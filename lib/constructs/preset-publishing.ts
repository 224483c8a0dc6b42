import { Annotations } from 'cdktf';
import { Construct } from 'constructs';
import { MxInputError, describeValue } from '../dns/errors';
import { PRESETS } from '../presets/catalogue';
import { expandCompanionGroup, presetSpf, PresetSelection, resolvePreset, ResolvedPreset } from '../presets/expand';
import { CompanionGroupName, MailPreset } from '../presets/preset';
import { SPF_TERMINATORS } from '../presets/spf';
import { DEFAULT_MAX_PRESET_AGE_DAYS, deprecationWarning, parseIsoDate, stalenessWarning } from '../presets/staleness';
import { ZoneTarget } from '../zones/host';
import { CompanionOptions } from './companion-options';
import { RecordRequest } from './record-request';
import { contributeSpf } from './spf-merge';

/** Context key (app or stack) for the default `maxPresetAge`, in days. */
export const MAX_PRESET_AGE_CONTEXT = 'cdktf-mx:maxPresetAge';
/** Context key (app or stack) fixing "today" (`YYYY-MM-DD`) for the preset-age check, for reproducible synths and tests. */
export const TODAY_CONTEXT = 'cdktf-mx:today';

/** How a construct publishes a preset, beyond the variant and parameters. */
export interface PresetOptions extends Omit<PresetSelection, 'variant' | 'parameters'> {
  readonly companions?: CompanionOptions;
  /** Days before the preset-age warning; see {@link MAX_PRESET_AGE_CONTEXT}. */
  readonly maxPresetAge?: number;
  /** Prefix for the fields errors name, e.g. `from.` inside a migration. */
  readonly fieldPrefix?: string;
  /** New preferences for the preset's MX (a migration demotes the old vendor's records). */
  readonly priorities?: (mx: ReadonlyArray<{ priority: number; exchange: string }>) => number[];
}

/** What a construct lends the publishing code: its identity and its protected publish methods. */
export interface PresetPublisher {
  readonly scope: Construct;
  readonly zone: ZoneTarget;
  readonly recordName: string;
  /** `VendorMx at stack/mail`, for error messages. */
  readonly where: string;
  /** TTL of the construct's records (its SPF contribution must agree with the other contributors'). */
  readonly ttl: number;
  publish(request: RecordRequest): void;
  publishMx(entries: ReadonlyArray<{ priority: number; exchange: string }>, field: string, vendor: { preset: string; variant: string }): void;
}

const GROUPS: readonly CompanionGroupName[] = ['verification', 'dkim', 'autodiscover', 'dmarc'];

/** The preset with this id, or an error listing the ids there are. */
export function presetById(preset: string | MailPreset | undefined, field = 'preset'): MailPreset {
  if (preset !== null && typeof preset === 'object') return checkPresetObject(preset, field);
  if (typeof preset !== 'string') throw new MxInputError(field, `name the vendor: a preset id such as "fastmail" (see presets) or a preset object.`);
  const found = PRESETS[preset];
  if (!found) throw new MxInputError(field, `there is no preset "${preset}"; use one of: ${Object.keys(PRESETS).join(', ')}.`);
  return found;
}

/**
 * A preset object of the user's own, checked for the fields publishing reads, so a
 * malformed one is an input error naming the field rather than a TypeError from deep inside.
 */
function checkPresetObject(preset: MailPreset, field: string): MailPreset {
  const fail = (path: string, what: string): never => {
    throw new MxInputError(`${field}.${path}`, `a preset object needs ${what}, not ${describeValue((preset as unknown as Record<string, unknown>)[path.split(/[.[]/)[0]])}; see the MailPreset type and presets/ for examples.`);
  };
  if (typeof preset.id !== 'string' || preset.id.trim() === '') fail('id', 'an id (a non-empty string)');
  if (typeof preset.name !== 'string' || preset.name.trim() === '') fail('name', 'a name (a non-empty string)');
  if (typeof preset.checked !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(preset.checked)) fail('checked', 'checked: the date its data was checked, YYYY-MM-DD');
  const variants = preset.variants as unknown;
  if (variants === null || typeof variants !== 'object' || Array.isArray(variants) || Object.keys(variants).length === 0) fail('variants', 'variants: an object of at least one { description, mx: [{ priority, exchange }] }');
  if (typeof preset.defaultVariant !== 'string' || !Object.prototype.hasOwnProperty.call(variants, preset.defaultVariant)) {
    throw new MxInputError(`${field}.defaultVariant`, `a preset object needs defaultVariant naming one of its variants (${Object.keys(preset.variants).join(', ')}), not ${describeValue(preset.defaultVariant)}.`);
  }
  for (const [name, variant] of Object.entries(preset.variants)) {
    const mx = (variant as { mx?: unknown } | null)?.mx;
    if (!Array.isArray(mx) || mx.length === 0) {
      throw new MxInputError(`${field}.variants.${name}.mx`, `must be an array of at least one { priority, exchange }, not ${describeValue(mx)}.`);
    }
    mx.forEach((entry: unknown, index: number) => {
      const record = entry as { priority?: unknown; exchange?: unknown; priorityParameter?: unknown } | null;
      if (record === null || typeof record !== 'object' || typeof record.exchange !== 'string' || (typeof record.priority !== 'number' && typeof record.priorityParameter !== 'string')) {
        throw new MxInputError(`${field}.variants.${name}.mx[${index}]`, `must be { priority: number, exchange: string }, not ${describeValue(entry)}.`);
      }
    });
  }
  return preset;
}

/**
 * Publish a preset's MX records and the companions asked for, and warn about what the
 * user should re-check (stale data, retired product, unconfirmed region). Every input error
 * is an {@link MxInputError} naming the construct.
 */
export function publishPresetRecords(publisher: PresetPublisher, preset: MailPreset, selection: PresetSelection, options: PresetOptions = {}): ResolvedPreset {
  const prefix = options.fieldPrefix ?? '';
  const fail = (error: unknown): never => {
    throw error instanceof MxInputError ? new MxInputError(`${prefix}${error.field}`, error.detail).at(publisher.where) : error;
  };
  let resolved: ResolvedPreset;
  try {
    resolved = resolvePreset(preset, { ...selection, region: options.region ?? selection.region, allowCustomHost: options.allowCustomHost ?? selection.allowCustomHost });
  } catch (error) {
    return fail(error);
  }
  const vendor = { preset: preset.id, variant: resolved.variant };
  const priorities = options.priorities?.(resolved.mx);
  const mx = resolved.mx.map((entry, index) => ({ ...entry, priority: priorities?.[index] ?? entry.priority }));
  publisher.publishMx(mx, `${prefix}${preset.parameters ? Object.keys(preset.parameters).join('/') : 'variant'}`, vendor);
  try {
    publishCompanions(publisher, resolved, options.companions ?? {}, prefix);
    warn(publisher.scope, resolved, options.maxPresetAge);
  } catch (error) {
    fail(error);
  }
  return resolved;
}

function publishCompanions(publisher: PresetPublisher, resolved: ResolvedPreset, companions: CompanionOptions, prefix: string): void {
  const vendor = { preset: resolved.preset.id, variant: resolved.variant };
  for (const group of GROUPS) {
    const input = companions[group];
    if (input === undefined || input === false) continue;
    for (const record of expandCompanionGroup(resolved, group, input, publisher.recordName)) {
      publisher.publish({
        type: record.type,
        value: record.value,
        ...(record.name !== '@' ? { label: record.name } : {}),
        identity: record.identity,
        field: `${prefix}companions.${group}`,
        vendor,
      });
    }
  }
  if (companions.spf === undefined || companions.spf === false) return;
  const spf = presetSpf(resolved);
  if (!spf) throw new MxInputError('companions.spf', `${resolved.preset.name} documents no SPF record; add other senders with SpfInclude.`);
  const chosenAll = typeof companions.spf === 'object' ? companions.spf.all : undefined;
  if (chosenAll !== undefined && !SPF_TERMINATORS.includes(chosenAll)) {
    throw new MxInputError('companions.spf.all', `"${chosenAll}" is not an SPF terminator; use one of: ${SPF_TERMINATORS.join(', ')}.`);
  }
  contributeSpf(publisher.scope, { zone: publisher.zone, name: publisher.recordName }, { ...spf, ...(chosenAll ? { chosenAll } : {}), path: publisher.scope.node.path, ttl: publisher.ttl }, (value) =>
    publisher.publish({ type: 'TXT', value, identity: 'spf', field: `${prefix}companions.spf` }),
  );
}

/** Synth-time warnings about the data itself; never an error, never the network. */
function warn(scope: Construct, resolved: ResolvedPreset, maxPresetAge: number | undefined): void {
  const { preset } = resolved;
  const today = todayOf(scope);
  const warnings = [
    stalenessWarning(preset, today, maxAgeOf(scope, maxPresetAge)),
    deprecationWarning(preset, today),
    ...resolved.notes,
  ].filter((w): w is string => w !== undefined);
  for (const warning of warnings) Annotations.of(scope).addWarning(warning);
}

function maxAgeOf(scope: Construct, prop: number | undefined): number {
  const context: unknown = scope.node.tryGetContext(MAX_PRESET_AGE_CONTEXT);
  const value = prop ?? (context === undefined ? DEFAULT_MAX_PRESET_AGE_DAYS : Number(context));
  if (!Number.isFinite(value) || value < 0) {
    const source = prop !== undefined ? 'maxPresetAge' : `context ${MAX_PRESET_AGE_CONTEXT}`;
    throw new MxInputError('maxPresetAge', `${source} must be a number of days ≥ 0, not ${describeValue(prop ?? context)}.`);
  }
  return value;
}

function todayOf(scope: Construct): Date {
  const context: unknown = scope.node.tryGetContext(TODAY_CONTEXT);
  if (context === undefined) return new Date();
  try {
    return parseIsoDate(String(context));
  } catch {
    throw new MxInputError(TODAY_CONTEXT, `context ${TODAY_CONTEXT} must be a date written YYYY-MM-DD, not ${describeValue(context)}.`);
  }
}
