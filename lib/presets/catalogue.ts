import { amazonSesInbound } from '../../presets/amazon-ses-inbound';
import { amazonWorkmail } from '../../presets/amazon-workmail';
import { barracudaEmailGatewayDefense } from '../../presets/barracuda-email-gateway-defense';
import { cloudflareEmailRouting } from '../../presets/cloudflare-email-routing';
import { fastmail } from '../../presets/fastmail';
import { forwardEmail } from '../../presets/forward-email';
import { googleWorkspace } from '../../presets/google-workspace';
import { icloudPlus } from '../../presets/icloud-plus';
import { improvmx } from '../../presets/improvmx';
import { mailboxOrg } from '../../presets/mailbox-org';
import { mailgun } from '../../presets/mailgun';
import { microsoft365 } from '../../presets/microsoft-365';
import { migadu } from '../../presets/migadu';
import { mimecast } from '../../presets/mimecast';
import { namecheapPrivateEmail } from '../../presets/namecheap-private-email';
import { nullMx } from '../../presets/null-mx';
import { postmarkInbound } from '../../presets/postmark-inbound';
import { proofpointEssentials } from '../../presets/proofpoint-essentials';
import { protonMail } from '../../presets/proton-mail';
import { purelymail } from '../../presets/purelymail';
import { sendgridInboundParse } from '../../presets/sendgrid-inbound-parse';
import { titan } from '../../presets/titan';
import { tuta } from '../../presets/tuta';
import { yandex360 } from '../../presets/yandex-360';
import { zohoMail } from '../../presets/zoho-mail';
import { MailPreset } from './preset';
import { escapeRegExp, templateSource } from './template';

/**
 * The catalogue in listing order. Amazon SES comes before WorkMail: both receive on
 * inbound-smtp.<region>.amazonaws.com, and a raw record is attributed to the first.
 */
const ORDERED: readonly MailPreset[] = [
  googleWorkspace,
  microsoft365,
  fastmail,
  protonMail,
  zohoMail,
  icloudPlus,
  yandex360,
  mailboxOrg,
  tuta,
  migadu,
  purelymail,
  namecheapPrivateEmail,
  titan,
  amazonSesInbound,
  amazonWorkmail,
  mailgun,
  sendgridInboundParse,
  postmarkInbound,
  cloudflareEmailRouting,
  improvmx,
  forwardEmail,
  mimecast,
  proofpointEssentials,
  barracudaEmailGatewayDefense,
  nullMx,
].map(deepFreeze);

/** Every vendor preset, by id. */
export const PRESETS: Readonly<Record<string, MailPreset>> = Object.freeze(Object.fromEntries(ORDERED.map((preset) => [preset.id, preset])));

/**
 * The catalogue as a list, for tools and docs: id, name, variants, regions, parameters,
 * companions, sources and the date each was checked. Frozen: presets are shared data.
 */
export const presets: readonly MailPreset[] = Object.freeze([...ORDERED]);

/** Which vendor and variant an MX exchange belongs to, as far as the presets know. */
export interface VendorMatch {
  readonly preset: MailPreset;
  readonly variant: string;
}

const exact = new Map<string, VendorMatch>();
const patterns: Array<{ pattern: RegExp; match: VendorMatch }> = [];
for (const preset of ORDERED) {
  // The default variant first: when variants share a host (mailbox.org), the current one claims it.
  const variants = [preset.defaultVariant, ...Object.keys(preset.variants).filter((v) => v !== preset.defaultVariant)];
  for (const variant of variants) {
    for (const mx of preset.variants[variant].mx) {
      if (!mx.exchange.includes('{')) {
        if (!exact.has(mx.exchange)) exact.set(mx.exchange, { preset, variant });
        continue;
      }
      patterns.push({ pattern: new RegExp(`^${templateSource(mx.exchange, (name) => placeholderPattern(preset, name))}$`), match: { preset, variant } });
    }
  }
}

/** What a placeholder can stand for: its allowed values, region values, or any host part (suffix-bound hosts match any prefix). */
function placeholderPattern(preset: MailPreset, name: string): string {
  const alternatives = (values: readonly string[]) => `(?:${values.map(escapeRegExp).join('|')})`;
  const parameter = preset.parameters?.[name];
  if (parameter?.allowed) return alternatives(parameter.allowed);
  if (parameter?.suffixes) return `[a-z0-9.-]+${alternatives(parameter.suffixes)}`;
  const regions = Object.entries(preset.regions ?? {});
  if (name === 'region' && regions.length > 0) {
    const known = alternatives(regions.map(([id]) => id));
    return preset.openRegions ? `(?:${known}|[a-z0-9-]+)` : known;
  }
  const regionValues = regions.map(([, region]) => region.values?.[name]).filter((v): v is string => v !== undefined);
  if (regionValues.length > 0) return alternatives(regionValues);
  return '[a-z0-9-]+';
}

/** The preset an exchange host (lower-case ASCII, no trailing dot) belongs to, if any. */
export function identifyVendor(exchange: string): VendorMatch | undefined {
  const hit = exact.get(exchange);
  if (hit) return hit;
  for (const { pattern, match } of patterns) if (pattern.test(exchange)) return match;
  return undefined;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value as object)) deepFreeze(child);
  }
  return value;
}
