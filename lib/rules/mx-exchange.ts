import { NULL_MX_EXCHANGE, ParsedHostname, parseHostname } from '../dns/names';
import { SourcedRecord } from '../dns/record';

/**
 * Parsed host names by the value written, shared by every rule and zone: real zones
 * repeat the same exchanges across many names. A plain Map (strings are cheap keys and a
 * WeakMap on 100k records is slow to collect), cleared when it grows past the bound.
 */
const parsed = new Map<string, ParsedHostname>();
const MAX_CACHED = 200_000;

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
  let result = parsed.get(value);
  if (!result) {
    if (parsed.size >= MAX_CACHED) parsed.clear();
    result = parseHostname(value);
    parsed.set(value, result);
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
