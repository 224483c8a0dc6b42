import { SourcedRecord } from './record';
import { appended } from './short-list';

/**
 * A zone: its apex and every record at or below it, indexed by owner name and type
 * so rules look things up in O(1) instead of scanning the zone for each record.
 */
export class Zone {
  /** Lower-case ASCII apex without the trailing dot. */
  public readonly apex: string;
  public readonly records: readonly SourcedRecord[];
  /** Built on first use: the rules look names up in their ZoneIndex, so lint never needs this one. */
  private nameIndex?: Map<string, SourcedRecord[]>;
  private readonly byType = new Map<string, SourcedRecord[]>();

  constructor(apex: string, records: readonly SourcedRecord[]) {
    this.apex = apex;
    this.records = records;
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
