import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * The Terraform providers the deploy tests run, as `npm run providers` installs them
 * (scripts/providers.json pins them): a filesystem mirror inside the repo, never anything outside it.
 */
export const PROVIDER_MIRROR = resolve(__dirname, '..', '..', '.terraform-providers');

/** One pinned provider: `source` as terraform names it, the version, and the Go module and commit it is built from. */
export interface ProviderPin {
  readonly source: string;
  readonly version: string;
  readonly module: string;
  readonly commit: string;
}

/** The providers a deploy test can require, by type (the last part of the source address). */
export type ProviderType = 'dns' | 'cloudflare';

const PINS: readonly ProviderPin[] = (JSON.parse(readFileSync(resolve(__dirname, '..', '..', 'scripts', 'providers.json'), 'utf8')) as { providers: ProviderPin[] }).providers;

const PLATFORM = `${process.platform}_${({ x64: 'amd64', arm64: 'arm64', ia32: '386' } as Record<string, string>)[process.arch] ?? process.arch}`;

/** The pin of the provider of `type`. */
export function providerPin(type: ProviderType): ProviderPin {
  const pin = PINS.find((p) => p.source.split('/')[2] === type);
  if (!pin) throw new Error(`scripts/providers.json pins no provider of type ${type}`);
  return pin;
}

/** The installed binary of the provider of `type` in the mirror, or undefined when `npm run providers` has not installed it. */
export function providerBinary(type: ProviderType, mirror: string = PROVIDER_MIRROR): string | undefined {
  const pin = providerPin(type);
  const path = join(mirror, pin.source, pin.version, PLATFORM, `terraform-provider-${type}_v${pin.version}`);
  return existsSync(path) && (statSync(path).mode & 0o111) !== 0 ? path : undefined;
}

/** Every pinned provider that is installed in `mirror`. */
export function installedProviders(mirror: string = PROVIDER_MIRROR): ProviderPin[] {
  return PINS.filter((pin) => providerBinary(pin.source.split('/')[2] as ProviderType, mirror) !== undefined);
}
