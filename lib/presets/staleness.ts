import { MailPreset } from './preset';

/** How old (in days) preset data may be before constructs warn that it needs re-checking. */
export const DEFAULT_MAX_PRESET_AGE_DAYS = 365;

const DAY_MS = 24 * 60 * 60 * 1000;

/** Midnight UTC of an ISO date (`YYYY-MM-DD`); throws on anything else. */
export function parseIsoDate(iso: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : undefined;
  if (!date || date.toISOString().slice(0, 10) !== iso) throw new Error(`"${iso}" is not an ISO date (YYYY-MM-DD)`);
  return date;
}

/** Whole days from the day a preset was checked to `today` (UTC calendar days). */
export function presetAgeDays(preset: MailPreset, today: Date): number {
  const checked = parseIsoDate(preset.checked).getTime();
  const day = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  return Math.floor((day - checked) / DAY_MS);
}

/** A warning when the preset was checked more than `maxAgeDays` ago; undefined while it is fresh. */
export function stalenessWarning(preset: MailPreset, today: Date, maxAgeDays: number = DEFAULT_MAX_PRESET_AGE_DAYS): string | undefined {
  const age = presetAgeDays(preset, today);
  if (age <= maxAgeDays) return undefined;
  const where = preset.sources.map((source) => source.url).join(', ');
  return `the ${preset.name} preset was last checked against the vendor's documentation on ${preset.checked}, ${age} days ago (more than ${maxAgeDays}); vendors change their records, so re-check ${where} and update cdktf-mx (or raise maxPresetAge once you have).`;
}

/** A warning for a product being retired; undefined when the preset is not deprecated. */
export function deprecationWarning(preset: MailPreset, today: Date): string | undefined {
  if (!preset.deprecated) return undefined;
  const ended = presetAgeDays({ ...preset, checked: preset.deprecated.endOfSupport }, today) >= 0;
  return `${preset.name} ${ended ? 'reached' : 'reaches'} end of support on ${preset.deprecated.endOfSupport}: ${preset.deprecated.message}`;
}
