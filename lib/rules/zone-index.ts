import { SourcedRecord } from '../dns/record';
import { appended } from '../dns/short-list';
import { Zone } from '../dns/zone';
import { DMARC_LABEL, dmarcPolicy, DmarcPolicy, isDmarc, isSpf } from './mail-policy';
import { isNullMx } from './mx-exchange';
import { runCached } from './run-cache';

/** The records at one owner name, sorted by what the rules ask about. */
export interface NameRecords {
  /** Owner name: lower-case ASCII, no trailing dot. */
  readonly name: string;
  readonly all: SourcedRecord[];
  /** Every MX, null MX included. */
  readonly mx: SourcedRecord[];
  /** The MX records that route mail (null MX excluded). */
  readonly routing: SourcedRecord[];
  readonly cname: SourcedRecord[];
  /** A and AAAA. */
  readonly address: SourcedRecord[];
  /** TXT records that are SPF (`v=spf1`). */
  readonly spf: SourcedRecord[];
  /** TXT records that are DMARC (`v=DMARC1`). */
  readonly dmarc: SourcedRecord[];
  readonly ns: SourcedRecord[];
}

const INDEXES = {};

/**
 * What whole-zone rules need, built once per zone in one pass over the records: records
 * by name and purpose, which names exist (including empty non-terminals), wildcards and
 * zone cuts. Every lookup is O(1) or O(labels of the name), so rules stay O(records).
 */
export class ZoneIndex {
  /** The index of `zone`, built on first use in a rule run and shared by its every rule (see `withRunCaches`). */
  public static of(zone: Zone): ZoneIndex {
    return runCached(INDEXES, zone, ZoneIndex.build);
  }

  private static readonly build = (zone: Zone): ZoneIndex => new ZoneIndex(zone);

  public readonly apex: string;
  /** `.<apex>`, built once: contains() runs for most names of every rule. */
  private readonly dotApex: string;
  /** Every MX record of the zone that routes mail (null MX excluded). */
  public readonly routingMx: SourcedRecord[] = [];
  private readonly byName = new Map<string, NameRecords>();
  private existing?: Set<string>;
  private readonly inheritedCache = new Map<string, ReturnType<ZoneIndex['dmarcFor']>>();
  private readonly memos = new Map<string, Map<string, unknown>>();
  /** True when some name below the apex has NS records (a delegation). */
  private hasCuts = false;

  private constructor(public readonly zone: Zone) {
    this.apex = zone.apex;
    this.dotApex = `.${zone.apex}`;
    let entry: Mutable | undefined;
    for (const record of zone.records) {
      // Records of one name usually come together (a zone file writes them so): the last entry, without a lookup.
      if (entry === undefined || entry.name !== record.name) entry = this.byName.get(record.name) as Mutable | undefined;
      if (!entry) {
        // Lists start as one shared empty array and are created on first use: most names hold one or two types.
        entry = { name: record.name, all: NONE, mx: NONE, routing: NONE, cname: NONE, address: NONE, spf: NONE, dmarc: NONE, ns: NONE };
        this.byName.set(record.name, entry);
      }
      // While a name holds records of one kind only (its MX, or its DMARC record), `all` IS that kind's list: one array, not two.
      const before = entry.all;
      const shared = before !== NONE && sharesList(entry);
      const list = this.file(entry, record);
      if (before === NONE) entry.all = list ?? [record];
      // `before` was one kind's list and the record is of that kind: the list it grew into (a kind's records are its own).
      else if (shared && list !== undefined && list[0] === before[0]) entry.all = list;
      else entry.all = shared ? [...before, record] : appended(before, record);
    }
  }

  /**
   * `record` added to the list of its kind at `entry`; returns that list, or undefined when its
   * kind has none. (Each list by its own name: one function writing `entry[field]` for every
   * kind makes V8 look the field up by name at every record.)
   */
  private file(entry: Mutable, record: SourcedRecord): SourcedRecord[] | undefined {
    switch (record.type) {
      case 'MX': {
        // While a name has no null MX, its routing list IS its MX list (one array, not two).
        const routes = !isNullMx(record);
        if (!routes && entry.routing === entry.mx && entry.mx !== NONE) entry.routing = entry.mx.slice();
        const same = entry.routing === entry.mx;
        entry.mx = appended(entry.mx, record);
        if (routes) {
          entry.routing = same ? entry.mx : appended(entry.routing, record);
          this.routingMx.push(record);
        }
        return entry.mx;
      }
      case 'CNAME':
        return (entry.cname = appended(entry.cname, record));
      case 'A':
      case 'AAAA':
        return (entry.address = appended(entry.address, record));
      case 'NS':
        if (record.name !== this.apex) this.hasCuts = true;
        return (entry.ns = appended(entry.ns, record));
      case 'TXT': {
        const text = String(record.value ?? '');
        if (isSpf(text)) return (entry.spf = appended(entry.spf, record));
        if (isDmarc(text)) return (entry.dmarc = appended(entry.dmarc, record));
        return undefined;
      }
      default:
        return undefined;
    }
  }

  /** The records at `name`, or undefined when it holds none. */
  public at(name: string): NameRecords | undefined {
    return this.byName.get(name);
  }

  /** Every owner name with its records. */
  public names(): IterableIterator<NameRecords> {
    return this.byName.values();
  }

  /** True when `name` is the apex or below it. */
  public contains(name: string): boolean {
    return name === this.apex || name.endsWith(this.dotApex);
  }

  /**
   * True when `name` exists in the zone: it holds records or a name below it does (an
   * empty non-terminal, which wildcards do not cover; RFC 4592 §2.2.2).
   */
  public exists(name: string): boolean {
    if (!this.existing) {
      const existing = new Set<string>();
      for (const owner of this.byName.keys()) {
        let current: string | undefined = owner;
        while (current !== undefined && !existing.has(current) && this.contains(current)) {
          existing.add(current);
          current = current === this.apex ? undefined : parent(current);
        }
      }
      this.existing = existing;
    }
    return this.existing.has(name);
  }

  /**
   * The wildcard that answers for `name` (RFC 4592 §3.3.1): `*.<closest encloser>` when
   * `name` does not exist but that wildcard does; undefined otherwise.
   */
  public wildcardFor(name: string): NameRecords | undefined {
    if (!this.contains(name) || this.exists(name)) return undefined;
    let encloser = parent(name);
    while (encloser !== undefined && this.contains(encloser) && !this.exists(encloser)) encloser = parent(encloser);
    if (encloser === undefined || !this.contains(encloser)) return undefined;
    return this.byName.get(`*.${encloser}`);
  }

  /**
   * True when `name` is at or below a zone cut (NS records below the apex): its data
   * lives in a child zone that this one does not show, so nothing can be judged there.
   */
  public isDelegated(name: string): boolean {
    if (!this.hasCuts) return false;
    let current: string | undefined = name;
    while (current !== undefined && current !== this.apex && this.contains(current)) {
      if ((this.byName.get(current)?.ns.length ?? 0) > 0) return true;
      current = parent(current);
    }
    return false;
  }

  /**
   * The DMARC policy receivers apply to `name`, with the record it comes from: the
   * name's own `_dmarc` record, else the nearest ancestor's inside the zone (its `sp=`,
   * or `p=` without one), as the organisational-domain fallback of RFC 7489 §6.6.3 does.
   * Undefined when no DMARC record covers the name.
   */
  public dmarcFor(name: string): { policy?: string; record: SourcedRecord; inherited: boolean } | undefined {
    const own = this.ownDmarc(name);
    if (own) return { policy: dmarcPolicy(String(own.value)).p, record: own, inherited: false };
    return this.dmarcAbove(name);
  }

  /** True when a DMARC record covers `name`: {@link dmarcFor} without reading the policy (most names only ask whether one does). */
  public hasDmarc(name: string): boolean {
    return this.ownDmarc(name) !== undefined || this.dmarcAbove(name) !== undefined;
  }

  /** The policy a DMARC record of an ancestor inside the zone sets for `name`, if one does. */
  private dmarcAbove(name: string): ReturnType<ZoneIndex['dmarcFor']> {
    const above = name === this.apex ? undefined : parent(name);
    return above !== undefined && this.contains(above) ? this.inheritedDmarc(above) : undefined;
  }

  /**
   * `compute(key)` once per zone for each key of a kind, e.g. the problems of each
   * distinct SPF text: real zones repeat the same texts across many names.
   */
  public memo<T>(kind: string, key: string, compute: (key: string) => T): T {
    let cache = this.memos.get(kind) as Map<string, T> | undefined;
    if (!cache) {
      cache = new Map<string, T>();
      this.memos.set(kind, cache);
    }
    if (cache.has(key)) return cache.get(key) as T;
    const value = compute(key);
    cache.set(key, value);
    return value;
  }

  /** The first DMARC record at `_dmarc.<name>`, if any. */
  private ownDmarc(name: string): SourcedRecord | undefined {
    return this.byName.get(`${DMARC_LABEL}.${name}`)?.dmarc[0];
  }

  /**
   * The policy `ancestor`'s DMARC record (or its nearest ancestor's) sets for the names below
   * it, cached per ancestor: the few parents of a zone's many names are looked up once.
   */
  private inheritedDmarc(ancestor: string): { policy?: string; record: SourcedRecord; inherited: boolean } | undefined {
    if (this.inheritedCache.has(ancestor)) return this.inheritedCache.get(ancestor);
    const own = this.ownDmarc(ancestor);
    let found: { policy?: string; record: SourcedRecord; inherited: boolean } | undefined;
    if (own) {
      const policy: DmarcPolicy = dmarcPolicy(String(own.value));
      found = { policy: policy.sp ?? policy.p, record: own, inherited: true };
    } else {
      const above = ancestor === this.apex ? undefined : parent(ancestor);
      found = above !== undefined && this.contains(above) ? this.inheritedDmarc(above) : undefined;
    }
    this.inheritedCache.set(ancestor, found);
    return found;
  }
}

type Mutable = { -readonly [K in keyof NameRecords]: NameRecords[K] };
const NONE: SourcedRecord[] = Object.freeze([]) as unknown as SourcedRecord[];

/** True when `entry.all` is one kind's list (see the constructor), not an array of its own. */
function sharesList(entry: Mutable): boolean {
  const all = entry.all;
  return all === entry.mx || all === entry.dmarc || all === entry.spf || all === entry.address || all === entry.cname || all === entry.ns;
}

/** `b.c` for `a.b.c`; undefined for a single label. */
export function parent(name: string): string | undefined {
  const dot = name.indexOf('.');
  return dot < 0 ? undefined : name.slice(dot + 1);
}
