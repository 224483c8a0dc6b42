import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Annotations, TerraformResource, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { MxInputError } from '../dns/errors';
import { VendorMx } from '../constructs/vendor-mx';
import { PRESETS } from '../presets/catalogue';
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
  /** The shards, by index; then stacks of the previous record kept for this run (to release a moved domain, or hold a deferred one). */
  public readonly shards: EstateShard[] = [];
  /** The assignment the estate used. */
  public readonly assignment: ShardAssignment;
  /** Domains that changed stack since `previous`: domain → [old stack, new stack]. */
  public readonly moved: ReadonlyMap<string, readonly [string, string]>;
  /**
   * Domains whose records change in this run and whose shard changed too: they stay in their old
   * stack this run (the change applies there) and move in the next, so a move never has to find
   * live records by content they do not have yet. Domain → the stack they move to next run.
   */
  public readonly deferred: ReadonlyMap<string, string>;
  private readonly mail = new Map<string, { shard: EstateShard; entry: EstateDomain; construct: VendorMx }>();

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

    // Where each domain goes this run: its shard, unless it moves while its records change (then it waits a run).
    const placement = new Map<string, string>();
    const moved = new Map<string, readonly [string, string]>();
    const deferred = new Map<string, string>();
    for (const entry of domains) {
      const was = props.previous?.domains[entry.domain];
      const next = stackId(assignment.shardOf.get(entry.domain)!);
      if (was === undefined || was.stack === next) placement.set(entry.domain, next);
      else if (was.settings !== undefined && was.settings !== settingsOf(entry)) {
        placement.set(entry.domain, was.stack);
        deferred.set(entry.domain, next);
      } else {
        placement.set(entry.domain, next);
        moved.set(entry.domain, [was.stack, next]);
      }
    }
    this.moved = moved;
    this.deferred = deferred;

    const addShard = (id: string, domains: readonly EstateDomain[]): EstateShard => {
      const index = Number(/-(\d+)$/.exec(id)?.[1]);
      if (!id.startsWith(`${prefix}-`) || !Number.isInteger(index)) {
        throw new MxInputError('previous', `stack "${id}" of the previous record is not a "${prefix}-<n>" stack of this estate; keep stackPrefix as it was when that record was written`);
      }
      const stack = new TerraformStack(this, id);
      const shard: EstateShard = { index, stackId: id, stack, domains };
      props.configureShard?.(stack, shard);
      this.shards.push(shard);
      return shard;
    };
    // Every shard, then any stack of the previous record still needed: to hold a deferred domain or release a moved one.
    const stackIds = [...Array.from({ length: assignment.shardCount }, (_, index) => stackId(index))];
    for (const id of [...placement.values(), ...[...moved.values()].map(([from]) => from)]) if (!stackIds.includes(id)) stackIds.push(id);
    const byId = new Map<string, EstateShard>();
    for (const id of stackIds) {
      const shard = addShard(id, domains.filter((entry) => placement.get(entry.domain) === id));
      byId.set(id, shard);
      for (const entry of shard.domains) this.mail.set(entry.domain, { shard, entry, construct: this.publish(shard, entry, hosts) });
    }
    for (const [domain, next] of deferred) {
      Annotations.of(this).addWarning(`${domain} changes its records and its stack in one run: it stays in ${placement.get(domain)} for this run and moves to ${next} in the next, with the import/removed handshake.`);
    }
    this.handOver(props.previous, byId, hosts);
  }

  /** The stack of each domain and the addresses of its records, to keep for the next synth's `previous`. */
  public record(): EstateRecord {
    const domains: Record<string, EstateRecordDomain> = {};
    for (const [domain, { shard, entry, construct }] of [...this.mail].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      domains[domain] = { stack: shard.stackId, addresses: construct.records.map(addressOf), settings: settingsOf(entry) };
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
      // Addresses derive from content: the records at an address both stacks declare are handed over; the old
      // stack deletes what the domain no longer declares, the new one creates what it newly declares.
      const before = new Set(previous!.domains[domain]!.addresses);
      const published = ZoneRegistry.of(construct).published;
      const handed: string[] = [];
      for (const resource of construct.records) {
        if (!before.has(addressOf(resource))) continue;
        adopt.call(construct.zone.host, resource, published.filter((p) => p.resource === resource).map((p) => p.spec));
        handed.push(addressOf(resource));
      }
      released.set(from, [...(released.get(from) ?? []), ...handed]);
    }
    for (const [stackId, addresses] of released) {
      const shard = stacks.get(stackId)!;
      const declared = new Set(shard.domains.flatMap((d) => this.mail.get(d.domain)!.construct.records.map(addressOf)));
      const clash = addresses.find((a) => declared.has(a));
      if (clash) throw new MxInputError('previous', `${clash} moves out of ${stackId} but ${stackId} still declares it; two domains cannot hold one address`);
      if (addresses.length === 0) continue;
      shard.stack.addOverride('removed', [...new Set(addresses)].sort().map((from) => ({ from, lifecycle: { destroy: false } })));
    }
  }
}

/** `type.name`: the resource's Terraform address in its stack. */
function addressOf(resource: TerraformResource): string {
  return `${resource.terraformResourceType}.${resource.friendlyUniqueId}`;
}

/**
 * What the domain's records are made from, hashed: its inventory settings (all but the pin) and
 * its preset's data. Equal settings publish equal records, so a moved domain's live records are
 * found by the content its new stack declares.
 */
function settingsOf(entry: EstateDomain): string {
  const { domain: _domain, source: _source, shard: _shard, ...settings } = entry;
  return createHash('sha256').update(canonicalJson({ settings, preset: PRESETS[entry.preset] ?? entry.preset })).digest('hex').slice(0, 16);
}

/** JSON with object keys sorted at every level. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
