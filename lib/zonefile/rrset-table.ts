/**
 * The RRsets a streaming zone-file reader has read so far: for each, its type, its TTL and a
 * fingerprint of each record's data, so an identical record is loaded once and one RRset keeps
 * one TTL, as BIND loads a zone, without keeping the data of every record.
 *
 * Why columns of typed arrays and not an object per RRset: a reader keeps one entry per RRset
 * until the file ends (about 150,000 for a 250,000-record zone). As objects (with a boxed
 * fingerprint, and an array once a set has two records) that was about 22 MiB, all of it copied
 * twice by the young-generation collector and kept until the process exits (no full collection
 * follows a lint run); here it is the owner map and about 6 MiB of arrays that are never copied.
 */
export class RRsetTable {
  /** Each owner's first RRset; the owner's others are chained from it. */
  private readonly byOwner = new Map<string, number>();
  /** RRsets, {@link SLOTS} numbers each: type id, TTL, first fingerprint, next RRset of the owner, first extra record. */
  private readonly sets: Float64Array[] = [];
  private setCount = 0;
  /** Records after an RRset's first, two numbers each: fingerprint, next extra record of the RRset. */
  private readonly extras: Float64Array[] = [];
  private extraCount = 0;
  private readonly typeIds = new Map<string, number>();
  private readonly typeNames: string[] = [];
  /** The RRset last found or added, and its owner: the next record is usually of the same RRset. */
  private lastOwner?: string;
  private lastId = NONE;
  /** The first RRset of the owner last looked up, for the add that usually follows a miss. */
  private headOwner?: string;
  private head = NONE;

  /** The RRset of `type` at `owner`, or {@link NONE}. */
  public find(owner: string, type: string): number {
    if (owner === this.lastOwner && this.typeNames[this.get(this.lastId, TYPE)] === type) return this.lastId;
    const first = this.byOwner.get(owner) ?? NONE;
    this.headOwner = owner;
    this.head = first;
    let id = first;
    while (id !== NONE && this.typeNames[this.get(id, TYPE)] !== type) id = this.get(id, NEXT_SET);
    if (id !== NONE) {
      this.lastOwner = owner;
      this.lastId = id;
    }
    return id;
  }

  /** A new RRset of `type` at `owner` (which has none yet), with its first record; returns its id. */
  public add(owner: string, type: string, ttl: number, fingerprint: number): number {
    const id = this.setCount++;
    if ((id & CHUNK_MASK) === 0) this.sets.push(new Float64Array(CHUNK * SLOTS));
    let typeId = this.typeIds.get(type);
    if (typeId === undefined) {
      typeId = this.typeNames.push(type) - 1;
      this.typeIds.set(type, typeId);
    }
    this.set(id, TYPE, typeId);
    this.set(id, TTL, ttl);
    this.set(id, PRINT, fingerprint);
    this.set(id, FIRST_EXTRA, NONE);
    const head = this.headOwner === owner ? this.head : (this.byOwner.get(owner) ?? NONE);
    if (head === NONE) {
      this.byOwner.set(owner, id);
      this.headOwner = owner;
      this.head = id;
      this.set(id, NEXT_SET, NONE);
    } else {
      this.set(id, NEXT_SET, this.get(head, NEXT_SET));
      this.set(head, NEXT_SET, id);
    }
    this.lastOwner = owner;
    this.lastId = id;
    return id;
  }

  public ttl(id: number): number {
    return this.get(id, TTL);
  }

  public setTtl(id: number, ttl: number): void {
    this.set(id, TTL, ttl);
  }

  /** True when the RRset holds a record with this fingerprint. */
  public holds(id: number, fingerprint: number): boolean {
    if (this.get(id, PRINT) === fingerprint) return true;
    for (let extra = this.get(id, FIRST_EXTRA); extra !== NONE; extra = this.extraGet(extra, EXTRA_NEXT)) {
      if (this.extraGet(extra, EXTRA_PRINT) === fingerprint) return true;
    }
    return false;
  }

  /** Another record of the RRset. */
  public addRecord(id: number, fingerprint: number): void {
    const extra = this.extraCount++;
    if ((extra & CHUNK_MASK) === 0) this.extras.push(new Float64Array(CHUNK * EXTRA_SLOTS));
    const chunk = this.extras[extra >>> CHUNK_BITS];
    const at = (extra & CHUNK_MASK) * EXTRA_SLOTS;
    chunk[at + EXTRA_PRINT] = fingerprint;
    chunk[at + EXTRA_NEXT] = this.get(id, FIRST_EXTRA);
    this.set(id, FIRST_EXTRA, extra);
  }

  private get(id: number, slot: number): number {
    return this.sets[id >>> CHUNK_BITS][(id & CHUNK_MASK) * SLOTS + slot];
  }

  private set(id: number, slot: number, value: number): void {
    this.sets[id >>> CHUNK_BITS][(id & CHUNK_MASK) * SLOTS + slot] = value;
  }

  private extraGet(extra: number, slot: number): number {
    return this.extras[extra >>> CHUNK_BITS][(extra & CHUNK_MASK) * EXTRA_SLOTS + slot];
  }
}

/** No RRset (or record). */
export const NONE = -1;

/** RRsets (and extra records) per chunk: chunks are added as needed, never copied. */
const CHUNK_BITS = 13;
const CHUNK = 1 << CHUNK_BITS;
const CHUNK_MASK = CHUNK - 1;
const SLOTS = 5;
const TYPE = 0;
const TTL = 1;
const PRINT = 2;
const NEXT_SET = 3;
const FIRST_EXTRA = 4;
const EXTRA_SLOTS = 2;
const EXTRA_PRINT = 0;
const EXTRA_NEXT = 1;
