import { TerraformStack, Token } from 'cdktf';
import { IConstruct } from 'constructs';
import type { ZoneDocument } from '../dns/zone';
import { PublishedRecord, ZoneHost, ZoneTarget } from './host';
import { requireProvider } from './provider-check';
import { resolveTokens } from './configured-resources';

/** A zone one of our constructs declared, and which construct declared it first. */
export interface ZoneDeclaration {
  readonly target: ZoneTarget;
  /** Construct path of the first construct that declared it. */
  readonly declaredBy: string;
}

const byStack = new WeakMap<TerraformStack, ZoneRegistry>();

/**
 * What a stack declares: every zone our constructs publish into and every record they
 * published (spec, zone, resource). Validation, `renderZone` and the provider check read it;
 * a later feature can find the resource holding a record here, e.g. to attach an import id.
 */
export class ZoneRegistry {
  /** The registry of the stack holding `scope`, created on first use. */
  public static of(scope: IConstruct): ZoneRegistry {
    const stack = TerraformStack.of(scope);
    let registry = byStack.get(stack);
    if (!registry) {
      registry = new ZoneRegistry(stack);
      byStack.set(stack, registry);
    }
    return registry;
  }

  /** Every record our constructs published in the stack, in publishing order. */
  public readonly published: PublishedRecord[] = [];
  /**
   * Documents our constructs serve outside DNS (MTA-STS policies), each produced when the zone
   * is judged: a policy derives from the MX set, which constructs declared later still join.
   */
  public readonly documents: Array<{ readonly zone: ZoneTarget; readonly produce: () => ZoneDocument }> = [];
  private readonly declarations = new Map<string, ZoneDeclaration>();
  private readonly ours = new WeakSet<IConstruct>();
  private readonly hostSet = new Set<ZoneHost>();
  private readonly hostListeners: Array<(host: ZoneHost) => void> = [];
  private readonly resolvedIdentities = new Map<string, string>();

  private constructor(public readonly stack: TerraformStack) {
    this.onHost((host) => requireProvider(stack, host));
  }

  /** Declare that a construct at `declaredBy` publishes into `target`. */
  public declareZone(target: ZoneTarget, declaredBy: string): void {
    const key = `${target.host.name} ${target.identity} ${target.apex}`;
    if (!this.declarations.has(key)) this.declarations.set(key, { target, declaredBy });
    if (!this.hostSet.has(target.host)) {
      this.hostSet.add(target.host);
      for (const listener of this.hostListeners) listener(target.host);
    }
  }

  /** Record that `published.resource` holds `published.spec`. */
  public addPublished(published: PublishedRecord): void {
    this.published.push(published);
    this.ours.add(published.resource);
  }

  /** Record that a construct serves a document (an MTA-STS policy) for `zone`, produced when the zone is judged. */
  public addDocument(zone: ZoneTarget, produce: () => ZoneDocument): void {
    this.documents.push({ zone, produce });
  }

  /** True for resources our constructs created (their records are known as specs). */
  public isOurs(resource: IConstruct): boolean {
    return this.ours.has(resource);
  }

  /** The zones declared, each (host, identity as written, apex) once. */
  public zones(): ZoneDeclaration[] {
    return [...this.declarations.values()];
  }

  /**
   * A comparable key for a zone while the stack is built: the host and the identity with tokens
   * resolved (`Cloudflare ${var.zone_id}`), so two references to one variable are one zone.
   */
  public keyOf(zone: ZoneTarget): string {
    return `${zone.host.name} ${this.resolvedIdentity(zone)}`;
  }

  /** The zone's identity with tokens resolved: `${var.zone_id}`, or the literal as given. */
  public resolvedIdentity(zone: ZoneTarget): string {
    const identity = zone.identity;
    if (!Token.isUnresolved(identity)) return identity;
    let resolved = this.resolvedIdentities.get(identity);
    if (resolved === undefined) {
      const value = resolveTokens(this.stack, identity);
      resolved = typeof value === 'string' ? value : identity;
      this.resolvedIdentities.set(identity, resolved);
    }
    return resolved;
  }

  /** The hosts the stack publishes to. */
  public hosts(): ZoneHost[] {
    return [...this.hostSet];
  }

  /** Call `listener` for every host the stack publishes to, now and when one is first used. */
  public onHost(listener: (host: ZoneHost) => void): void {
    this.hostListeners.push(listener);
    for (const host of this.hostSet) listener(host);
  }
}
