import { Aspects, TerraformProvider, TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import { MxInputError } from '../dns/errors';
import { ZoneHost } from './host';

interface ProviderLike extends IConstruct {
  readonly terraformResourceType?: unknown;
  readonly terraformGeneratorMetadata?: { readonly providerName?: unknown };
}

/**
 * Fail synth with ONE clear error when `stack` has `host`'s records but no provider for them.
 * Without it cdktf's own check reports "Found resources without a matching provider
 * construct. Please make sure to add provider constructs [e.g. new RandomProvider(...)]",
 * which names neither the provider class nor the token. The check runs as an aspect: cdktf
 * invokes aspects before any validation, so this error is the only one the user sees.
 * (A default provider block would hide a missing or misconfigured provider alias; we ask.)
 */
export function requireProvider(stack: TerraformStack, host: ZoneHost): void {
  Aspects.of(stack).add({
    visit(node: IConstruct): void {
      if (node !== stack || hasProvider(stack, host.providerName)) return;
      throw new MxInputError(
        'provider',
        `stack "${stack.node.path}" has ${host.name} DNS records from cdktf-mx but no ${host.name} provider; ${host.providerHint} ${cdktnHint(host)}`,
      );
    },
  });
}

/** cdktn (CDK Terrain) has no prebuilt provider packages: where its users get the provider class. */
export function cdktnHint(host: Pick<ZoneHost, 'providerName' | 'providerSource'>): string {
  return `On cdktn, add "${host.providerSource}" to terraformProviders in cdktf.json, run \`cdktn get\` and import the provider from ./.gen/providers/${host.providerName}/provider.`;
}

/** True when a provider for `name` is in the stack, whichever binding (or cdktf copy) made it. */
function hasProvider(stack: TerraformStack, name: string): boolean {
  const isMatch = (node: IConstruct): boolean => {
    if (!TerraformProvider.isTerraformProvider(node)) return false;
    const provider = node as ProviderLike;
    return provider.terraformGeneratorMetadata?.providerName === name || provider.terraformResourceType === name;
  };
  // Providers are usually direct children of the stack: look there before walking every construct.
  return stack.node.children.some(isMatch) || stack.node.findAll().some(isMatch);
}
