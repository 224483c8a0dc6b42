import { googleWorkspace } from '../../presets/google-workspace';
import { microsoft365 } from '../../presets/microsoft-365';
import { MailPreset } from './preset';

/** Every vendor preset, by id. */
export const PRESETS: Readonly<Record<string, MailPreset>> = Object.fromEntries(
  [googleWorkspace, microsoft365].map((preset) => [preset.id, preset]),
);

/** Which vendor and variant an MX exchange belongs to, as far as the presets know. */
export interface VendorMatch {
  readonly preset: MailPreset;
  readonly variant: string;
}

const exact = new Map<string, VendorMatch>();
const patterns: Array<{ pattern: RegExp; match: VendorMatch }> = [];
for (const preset of Object.values(PRESETS)) {
  for (const [variant, set] of Object.entries(preset.variants)) {
    for (const mx of set.mx) {
      if (!mx.exchange.includes('{')) {
        exact.set(mx.exchange, { preset, variant });
        continue;
      }
      // A template: each placeholder matches what its parameter allows (suffix-bound hosts match any prefix).
      const source = mx.exchange
        .split(/(\{[a-zA-Z0-9]+\})/)
        .map((part) => {
          const name = /^\{([a-zA-Z0-9]+)\}$/.exec(part)?.[1];
          if (!name) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
          const parameter = preset.parameters?.[name];
          if (parameter?.allowed) return `(?:${parameter.allowed.map((v) => v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`;
          if (parameter?.suffixes) return `[a-z0-9.-]+(?:${parameter.suffixes.map((v) => v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`;
          return '[a-z0-9-]+';
        })
        .join('');
      patterns.push({ pattern: new RegExp(`^${source}$`), match: { preset, variant } });
    }
  }
}

/** The preset an exchange host (lower-case ASCII, no trailing dot) belongs to, if any. */
export function identifyVendor(exchange: string): VendorMatch | undefined {
  const hit = exact.get(exchange);
  if (hit) return hit;
  for (const { pattern, match } of patterns) if (pattern.test(exchange)) return match;
  return undefined;
}
