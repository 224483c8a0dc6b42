import { NULL_MX_EXCHANGE, ParsedHostname, parseHostname } from '../dns/names';
import { SourcedRecord } from '../dns/record';

/**
 * Parsed host names by the value written, for the rule run under way (see
 * {@link withTargetCache}): real zones repeat the same exchanges across many names, and
 * every rule asks again. The cache lives as long as the run and holds every distinct value
 * of the zone: a global cache with a bound (it was 200,000) thrashed on larger zones, so
 * each rule parsed every name again (a 400k-record zone took 8x as long as 200k) and kept
 * its entries alive between runs.
 */
let runCache: Map<string, ParsedHostname> | undefined;

/**
 * Run `body` (a lint run over one zone) with a host-name cache of its own, released when
 * it returns. Nested runs share the outer cache. Outside a run, names are parsed each time.
 */
export function withTargetCache<T>(body: () => T): T {
  if (runCache) return body();
  runCache = new Map();
  try {
    return body();
  } finally {
    runCache = undefined;
  }
}

/** True for an MX whose exchange is `.` (RFC 7505 null MX). */
export function isNullMx(record: SourcedRecord): boolean {
  if (record.type !== 'MX') return false;
  const value = record.value;
  return value === NULL_MX_EXCHANGE || (typeof value === 'string' && value.length < 8 && value.trim() === NULL_MX_EXCHANGE);
}

/**
 * The parsed host name a record points at (MX exchange, CNAME target), computed once
 * per distinct value however many rules and records ask.
 */
export function targetOf(record: SourcedRecord): ParsedHostname {
  const value = typeof record.value === 'string' ? record.value : String(record.value ?? '');
  if (!runCache) return parseHostname(value);
  let result = runCache.get(value);
  if (!result) {
    result = parseHostname(value);
    runCache.set(value, result);
  }
  return result;
}

/** The MX records that route mail (null MX excluded). */
export function routingMx(records: readonly SourcedRecord[]): SourcedRecord[] {
  return records.filter((record) => record.type === 'MX' && !isNullMx(record));
}

/** `MX 10 mx.example.com` as a finding shows a record. */
export function describeRecord(record: SourcedRecord): string {
  const priority = record.priority === undefined ? '' : `${record.priority} `;
  return `${record.type} ${priority}${record.value}`;
}
