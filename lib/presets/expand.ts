import { MxInputError } from '../dns/errors';
import { parseHostname } from '../dns/names';
import { MailPreset, PresetMx, PresetParameter } from './preset';

/** Parameter values for a preset, by parameter name. */
export type PresetParameters = Readonly<Record<string, string | undefined>>;

/**
 * The MX records of one variant of a preset with its parameters filled in. Pure;
 * throws {@link MxInputError} naming the parameter and what is allowed.
 */
export function expandPreset(
  preset: MailPreset,
  variant: string | undefined,
  parameters: PresetParameters = {},
  options: { allowCustomHost?: boolean } = {},
): PresetMx[] {
  const variantName = variant ?? preset.defaultVariant;
  const chosen = preset.variants[variantName];
  if (!chosen) {
    throw new MxInputError('variant', `${preset.name} has no variant "${variantName}"; use one of: ${Object.keys(preset.variants).join(', ')}.`);
  }
  const values = checkParameters(preset, parameters, options);
  return chosen.mx.map((mx) => ({ priority: mx.priority, exchange: fill(mx.exchange, values) }));
}

/** Validate parameters against the preset's declaration; returns the normalised values. */
export function checkParameters(preset: MailPreset, parameters: PresetParameters, options: { allowCustomHost?: boolean } = {}): Record<string, string> {
  const declared = preset.parameters ?? {};
  for (const given of Object.keys(parameters)) {
    if (!(given in declared) && parameters[given] !== undefined) {
      const known = Object.keys(declared);
      throw new MxInputError(given, `${preset.name} takes no parameter "${given}"${known.length ? `; its parameters are: ${known.join(', ')}` : ''}.`);
    }
  }
  const values: Record<string, string> = {};
  for (const [name, parameter] of Object.entries(declared)) {
    const value = parameters[name]?.trim();
    if (value === undefined || value === '') {
      throw new MxInputError(name, `${preset.name} needs "${name}": ${parameter.description} (e.g. "${parameter.example}").`);
    }
    values[name] = checkValue(preset, name, parameter, value, options.allowCustomHost === true);
  }
  return values;
}

function checkValue(preset: MailPreset, name: string, parameter: PresetParameter, value: string, allowCustomHost: boolean): string {
  if (parameter.allowed && !parameter.allowed.includes(value)) {
    throw new MxInputError(name, `"${value}" is not a ${preset.name} ${name}; use one of: ${parameter.allowed.join(', ')}.`);
  }
  if (parameter.suffixes) {
    const host = parseHostname(value);
    if (host.ascii === undefined) {
      throw new MxInputError(name, `"${value}" is not a valid host name (${host.problems.map((p) => p.detail).join('; ')}).`);
    }
    if (!allowCustomHost && !parameter.suffixes.some((suffix) => host.ascii!.endsWith(suffix))) {
      throw new MxInputError(name, `"${value}" is not a ${preset.name} host: it must end with ${parameter.suffixes.join(' or ')} (${parameter.description}). Set allowCustomHost: true if this host is really right.`);
    }
    return host.ascii;
  }
  return value;
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{([a-zA-Z0-9]+)\}/g, (_, key: string) => values[key] ?? `{${key}}`);
}
