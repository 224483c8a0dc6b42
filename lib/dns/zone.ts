import { SourcedRecord } from './record';

/**
 * A zone: its apex and every record at or below it, indexed by owner name and type
 * so rules look things up in O(1) instead of scanning the zone for each record.
 */
export class Zone {
  /** Lower-case ASCII apex without the trailing dot. */
  public readonly apex: string;
  public readonly records: readonly SourcedRecord[];
  private readonly byName = new Map<string, SourcedRecord[]>();
  private readonly byType = new Map<string, SourcedRecord[]>();

  constructor(apex: string, records: readonly SourcedRecord[]) {
    this.apex = apex;
    this.records = records;
    for (const record of records) {
      push(this.byName, record.name, record);
      push(this.byType, record.type, record);
    }
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
  if (list) list.push(value);
  else map.set(key, [value]);
}
