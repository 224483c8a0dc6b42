import { RecordOrigin, SourcedRecord } from './record';

/**
 * A document a domain publishes outside DNS that rules must judge with its records: the
 * MTA-STS policy served at `https://mta-sts.<name>/.well-known/mta-sts.txt` (RFC 8461 §3.3).
 * At synth the construct that renders it supplies it; `cdktf-mx lint --mta-sts-policy` reads it from a file.
 */
export interface ZoneDocument {
  /** What the document is. */
  readonly kind: 'mta-sts-policy';
  /** The policy domain: the owner name whose MX the policy covers (lower-case ASCII, no trailing dot). */
  readonly name: string;
  /** The document's text as served. */
  readonly text: string;
  /** Where it was declared, for findings and suppressions. */
  readonly origin?: RecordOrigin;
}
import { appended } from './short-list';

/**
 * A zone: its apex and every record at or below it, indexed by owner name and type
 * so rules look things up in O(1) instead of scanning the zone for each record.
 */
export class Zone {
  /** Lower-case ASCII apex without the trailing dot. */
  public readonly apex: string;
  public readonly records: readonly SourcedRecord[];
  /** Documents served outside DNS that belong with the records (MTA-STS policies). */
  public readonly documents: readonly ZoneDocument[];
  /** Built on first use: the rules look names up in their ZoneIndex, so lint never needs this one. */
  private nameIndex?: Map<string, SourcedRecord[]>;
  private readonly byType = new Map<string, SourcedRecord[]>();

  constructor(apex: string, records: readonly SourcedRecord[], documents: readonly ZoneDocument[] = []) {
    this.apex = apex;
    this.records = records;
    this.documents = documents;
    for (const record of records) push(this.byType, record.type, record);
  }

  private get byName(): Map<string, SourcedRecord[]> {
    if (!this.nameIndex) {
      this.nameIndex = new Map();
      for (const record of this.records) push(this.nameIndex, record.name, record);
    }
    return this.nameIndex;
  }

  /** Every record at `name` (normalised). */
  public at(name: string): readonly SourcedRecord[] {
    return this.byName.get(name) ?? [];
  }

  /** Records of `type` at `name`. */
  public get(name: string, type: string): readonly SourcedRecord[] {
    return this.at(name).filter((r) => r.type === type);
  }

  /** Every record of `type` in the zone. */
  public ofType(type: string): readonly SourcedRecord[] {
    return this.byType.get(type) ?? [];
  }

  /** Every owner name that holds at least one record. */
  public names(): IterableIterator<string> {
    return this.byName.keys();
  }

  /** True when `name` is the apex or below it. */
  public contains(name: string): boolean {
    return name === this.apex || name.endsWith(`.${this.apex}`);
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  const next = appended(list, value);
  if (next !== list) map.set(key, next);
}
