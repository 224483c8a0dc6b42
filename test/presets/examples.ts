import { App, Testing } from 'cdktf';
import { IConstruct } from 'constructs';
import { CompanionOptions, MailPreset, presets, presetSpf, resolvePreset, TODAY_CONTEXT } from '../../lib';

/** "Today" for preset-age checks in tests, so results never depend on the calendar. */
export const TODAY = '2026-11-25';

/** A test app whose preset-age check runs on {@link TODAY}. */
export function pinnedApp(context: Record<string, unknown> = {}): App {
  return Testing.app({ context: { [TODAY_CONTEXT]: TODAY, ...context } });
}

/** The example value of every parameter a preset declares. */
export function exampleParameters(preset: MailPreset): Record<string, string> {
  return Object.fromEntries(Object.entries(preset.parameters ?? {}).map(([name, parameter]) => [name, parameter.example]));
}

/** Every region of a preset, or one `undefined` for presets without regions. */
export function regionsOf(preset: MailPreset): Array<string | undefined> {
  return preset.regions ? Object.keys(preset.regions) : [undefined];
}

/** Every preset × variant × region, for table-driven tests. */
export function everyCase(): Array<{ preset: MailPreset; variant: string; region?: string; label: string }> {
  return presets.flatMap((preset) =>
    Object.keys(preset.variants).flatMap((variant) =>
      regionsOf(preset).map((region) => ({ preset, variant, region, label: [preset.id, variant, region].filter(Boolean).join(' / ') })),
    ),
  );
}

/** Every companion the preset documents, with example values; SPF only where the region documents an include. */
export function exampleCompanions(preset: MailPreset, region?: string): CompanionOptions {
  const example = (group: keyof NonNullable<MailPreset['companions']>) => {
    const parameters = (preset.companions as Record<string, { parameters?: Record<string, { example: string }> }>)[group]?.parameters;
    return parameters ? Object.fromEntries(Object.entries(parameters).map(([name, p]) => [name, p.example])) : true;
  };
  const c = preset.companions ?? {};
  let spf = c.spf !== undefined;
  if (spf) {
    try {
      presetSpf(resolvePreset(preset, { region, parameters: exampleParameters(preset) }));
    } catch {
      spf = false;
    }
  }
  return {
    ...(spf ? { spf: true } : {}),
    ...(c.dkim ? { dkim: example('dkim') } : {}),
    ...(c.verification ? { verification: example('verification') as Record<string, string> } : {}),
    ...(c.autodiscover ? { autodiscover: true } : {}),
    ...(c.dmarc ? { dmarc: true } : {}),
  } as CompanionOptions;
}

/**
 * The MX records the preset data documents for a case, filled in by this test's own
 * reading of the data (not the library's expansion): [priority, exchange], sorted.
 */
export function documentedMx(preset: MailPreset, variant: string, region?: string): Array<[number, string]> {
  const values: Record<string, string> = { ...exampleParameters(preset), ...(region ? { region, ...preset.regions![region].values } : {}) };
  return preset.variants[variant].mx
    .map((mx): [number, string] => [mx.priorityParameter ? Number(values[mx.priorityParameter]) : mx.priority, mx.exchange.replace(/\{(\w+)\}/g, (_, key: string) => values[key])])
    .sort((a, b) => a[0] - b[0] || a[1].localeCompare(b[1]));
}

/** Warnings annotated on a construct. */
export function warningsOf(construct: IConstruct): string[] {
  return construct.node.metadata.filter((entry) => entry.type === '@cdktf/warn').map((entry) => String(entry.data));
}
