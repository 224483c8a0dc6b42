import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TerraformResource, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { MxInputError } from '../dns/errors';
import { SourcedRecord } from '../dns/record';
import { VendorMx } from '../constructs/vendor-mx';
import { ZoneRegistry } from '../zones/registry';
import { DEFAULT_ESTATE_HOST, ESTATE_HOSTS, EstateZoneFactory } from './estate-hosts';
import { ESTATE_RECORD_FILE, EstateRecord, EstateRecordDomain } from './estate-record';
import { checkedDomains, EstateDomain, placeOf } from './inventory';
import { assignShards, ShardAssignment } from './shard-assignment';

/** One shard of an estate: a stack and the domains it holds. */
export interface EstateShard {
  /** 0-based shard index. */
  readonly index: number;
  /** The stack's id, which is its name in `cdktf.out/stacks/` and for `cdktf deploy <stack>`. */
  readonly stackId: string;
  readonly stack: TerraformStack;
  /** The domains the shard holds (none for a stack kept only to release moved domains). */
  readonly domains: readonly EstateDomain[];
}

/** Props of {@link MailEstate}. */
export interface MailEstateProps {
  /** Every domain of the estate, in code or from `readInventory(file)`. */
  readonly domains: readonly EstateDomain[];
  /** Most domains a stack holds. Default 250 ({@link DEFAULT_SHARD_SIZE}). */
  readonly shardSize?: number;
  /** A fixed number of shards; default grown as needed and never shrunk (see `assignShards`). */
  readonly shards?: number;
  /** Stack ids are `<stackPrefix>-<index>`. Default `mail-shard`. */
  readonly stackPrefix?: string;
  /**
   * Called once per stack before its domains are added: add the providers, backend and variables
   * the stack needs, as for any cdktf stack (e.g. `new CloudflareProvider(stack, 'cloudflare', {})`
   * and `new S3Backend(stack, { key: \`mail/${shard.stackId}.tfstate\`, … })`). Each stack has its own state.
   */
  readonly configureShard?: (stack: TerraformStack, shard: EstateShard) => void;
  /** How each `host` makes a domain's zone; default {@link ESTATE_HOSTS} (`cloudflare`, `rfc2136`). */
  readonly hosts?: Readonly<Record<string, EstateZoneFactory>>;
  /**
   * The estate record of the last deployed synth (`readEstateRecord('…/mail-estate.json')`).
   * With it, a domain that changes stack moves without a gap: the new stack imports its live
   * records, the old stack releases them with `removed { lifecycle { destroy = false } }`.
   * Without it, a domain changing stack would be a delete in one state and a create in another.
   */
  readonly previous?: EstateRecord;
}

/**
 * Many domains in stable shards: each domain's mail records (a {@link VendorMx} from its preset)
 * go to the stack `<stackPrefix>-<shard>` that rendezvous hashing of its name picks, so adding or
 * removing a domain changes one stack, and every stack holds at most `shardSize` domains.
 *
 * ```ts
 * const estate = new MailEstate(app, 'estate', {
 *   domains: readInventory('domains.csv'),
 *   configureShard: (stack) => new CloudflareProvider(stack, 'cloudflare', {}),
 * });
 * app.synth();
 * estate.writeRecord(app.outdir);
 * ```
 */
export class MailEstate extends Construct {
  /** The shards, by index; stacks kept only to release moved domains come after. */
  public readonly shards: EstateShard[] = [];
  /** The assignment the estate used. */
  public readonly assignment: ShardAssignment;
  /** Domains that changed stack since `previous`: domain → [old stack, new stack]. */
  public readonly moved: ReadonlyMap<string, readonly [string, string]>;
  private readonly mail = new Map<string, { shard: EstateShard; construct: VendorMx }>();

  constructor(scope: Construct, id: string, props: MailEstateProps) {
    super(scope, id);
    if (!Array.isArray(props?.domains)) throw new MxInputError('domains', `MailEstate ${this.node.path} needs a list of domains (readInventory(file) reads one)`);
    const prefix = props.stackPrefix ?? 'mail-shard';
    if (!/^[A-Za-z][A-Za-z0-9_-]{0,40}$/.test(prefix)) throw new MxInputError('stackPrefix', `a letter then up to 40 letters, digits, "-" or "_" (it names stacks and their directories), not ${JSON.stringify(prefix)}`);
    const hosts = props.hosts ?? ESTATE_HOSTS;
    const domains = checkedDomains(props.domains);
    const assignment = assignShards(domains, { shardSize: props.shardSize, shards: props.shards, previousShards: props.previous?.shards });
    this.assignment = assignment;
    const stackId = (index: number) => `${prefix}-${index}`;

    const byShard: EstateDomain[][] = Array.from({ length: assignment.shardCount }, () => []);
    for (const entry of domains) byShard[assignment.shardOf.get(entry.domain)!]!.push(entry);
    const moved = new Map<string, readonly [string, string]>();
    for (const entry of domains) {
      const before = props.previous?.domains[entry.domain]?.stack;
      const now = stackId(assignment.shardOf.get(entry.domain)!);
      if (before !== undefined && before !== now) moved.set(entry.domain, [before, now]);
    }
    this.moved = moved;

    const addShard = (index: number, id: string, domains: readonly EstateDomain[]): EstateShard => {
      const stack = new TerraformStack(this, id);
      const shard: EstateShard = { index, stackId: id, stack, domains };
      props.configureShard?.(stack, shard);
      this.shards.push(shard);
      return shard;
    };
    byShard.forEach((domains, index) => {
      const shard = addShard(index, stackId(index), domains);
      for (const entry of domains) this.mail.set(entry.domain, { shard, construct: this.publish(shard, entry, hosts) });
    });
    // A stack that lost a domain but no longer exists as a shard stays, only to release it.
    const byId = new Map(this.shards.map((s) => [s.stackId, s]));
    for (const [domain, [from]] of moved) {
      if (byId.has(from)) continue;
      const index = Number(/-(\d+)$/.exec(from)?.[1]);
      if (!from.startsWith(`${prefix}-`) || !Number.isInteger(index)) {
        throw new MxInputError('previous', `${domain} was in stack "${from}", which is not a "${prefix}-<n>" stack of this estate; keep stackPrefix as it was when that record was written`);
      }
      byId.set(from, addShard(index, from, []));
    }
    this.handOver(props.previous, byId, hosts);
  }

  /** The stack of each domain and the addresses of its records, to keep for the next synth's `previous`. */
  public record(): EstateRecord {
    const domains: Record<string, EstateRecordDomain> = {};
    for (const [domain, { shard, construct }] of [...this.mail].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      domains[domain] = { stack: shard.stackId, addresses: construct.records.map(addressOf) };
    }
    return { version: 1, shardSize: this.assignment.shardSize, shards: this.assignment.shardCount, domains };
  }

  /** Write {@link record} to `<outdir>/mail-estate.json` (call after `app.synth()`); returns the path. */
  public writeRecord(outdir: string): string {
    const file = join(outdir, ESTATE_RECORD_FILE);
    writeFileSync(file, `${JSON.stringify(this.record(), null, 2)}\n`);
    return file;
  }

  private publish(shard: EstateShard, entry: EstateDomain, hosts: Readonly<Record<string, EstateZoneFactory>>): VendorMx {
    const hostId = entry.host ?? DEFAULT_ESTATE_HOST;
    const factory = Object.prototype.hasOwnProperty.call(hosts, hostId) ? hosts[hostId] : undefined;
    try {
      if (factory === undefined) throw new MxInputError('host', `unknown host "${hostId}"; hosts are ${Object.keys(hosts).join(', ')}`);
      return new VendorMx(shard.stack, entry.domain, {
        zone: factory(entry),
        name: entry.domain,
        preset: entry.preset,
        ...(entry.variant !== undefined ? { variant: entry.variant } : {}),
        ...(entry.region !== undefined ? { region: entry.region } : {}),
        ...(entry.parameters !== undefined ? { parameters: entry.parameters } : {}),
        ...(entry.companions !== undefined ? { companions: entry.companions } : {}),
        ...(entry.ttl !== undefined ? { ttl: entry.ttl } : {}),
      });
    } catch (error) {
      throw error instanceof MxInputError ? error.at(placeOf(entry, error.field)) : error;
    }
  }

  /**
   * The move handshake for each domain that changed stack: its new stack imports the live
   * records (the host's import ids), its old stack forgets the addresses it held
   * (`removed { from, lifecycle { destroy = false } }`, Terraform ≥ 1.7). Either stack may apply
   * first: the records stay in the zone throughout.
   */
  private handOver(previous: EstateRecord | undefined, stacks: ReadonlyMap<string, EstateShard>, hosts: Readonly<Record<string, EstateZoneFactory>>): void {
    const released = new Map<string, string[]>();
    for (const [domain, [from]] of this.moved) {
      const { construct } = this.mail.get(domain)!;
      const adopt = construct.zone.host.adoptExisting;
      if (adopt === undefined) throw new MxInputError('host', `${domain} moves from ${from}, but ${construct.zone.host.name} cannot import live records by an id known at plan time; pin it to its old shard (shard column) instead. Hosts: ${Object.keys(hosts).join(', ')}`);
      const published = ZoneRegistry.of(construct).published;
      for (const resource of construct.records) {
        const records: SourcedRecord[] = published.filter((p) => p.resource === resource).map((p) => p.spec);
        adopt.call(construct.zone.host, resource, records);
      }
      const list = released.get(from) ?? [];
      list.push(...previous!.domains[domain]!.addresses);
      released.set(from, list);
    }
    for (const [stackId, addresses] of released) {
      const shard = stacks.get(stackId)!;
      const declared = new Set(shard.domains.flatMap((d) => this.mail.get(d.domain)!.construct.records.map(addressOf)));
      const clash = addresses.find((a) => declared.has(a));
      if (clash) throw new MxInputError('previous', `${clash} moves out of ${stackId} but ${stackId} still declares it; two domains cannot hold one address`);
      shard.stack.addOverride('removed', [...new Set(addresses)].sort().map((from) => ({ from, lifecycle: { destroy: false } })));
    }
  }
}

/** `type.name`: the resource's Terraform address in its stack. */
function addressOf(resource: TerraformResource): string {
  return `${resource.terraformResourceType}.${resource.friendlyUniqueId}`;
}
