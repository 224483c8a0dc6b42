import { NULL_MX_EXCHANGE, ParsedHostname, parseHostname } from '../dns/names';
import { SourcedRecord } from '../dns/record';
import { runCached } from './run-cache';

/**
 * Parsed host names by the value written, for the rule run under way (see `withRunCaches`):
 * real zones repeat the same exchanges across many names, and every rule asks again. The
 * cache lives as long as the run and holds every distinct value of the zone: a global cache
 * with a bound (it was 200,000) thrashed on larger zones, so each rule parsed every name
 * again (a 400k-record zone took 8x as long as 200k) and kept its entries alive between runs.
 */
const TARGETS = {};

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
  return runCached(TARGETS, value, parseHostname);
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
