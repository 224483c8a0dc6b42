import { NULL_MX_EXCHANGE, ParsedHostname, parseHostname } from '../dns/names';
import { SourcedRecord } from '../dns/record';

const parsed = new WeakMap<SourcedRecord, ParsedHostname>();

/** True for an MX whose exchange is `.` (RFC 7505 null MX). */
export function isNullMx(record: SourcedRecord): boolean {
  return record.type === 'MX' && String(record.value).trim() === NULL_MX_EXCHANGE;
}

/**
 * The parsed host name a record points at (MX exchange, CNAME target), computed once
 * per record however many rules ask.
 */
export function targetOf(record: SourcedRecord): ParsedHostname {
  let result = parsed.get(record);
  if (!result) {
    result = parseHostname(String(record.value ?? ''));
    parsed.set(record, result);
  }
  return result;
}

/** The MX records of a zone that route mail (null MX excluded). */
export function* routingMx(records: Iterable<SourcedRecord>): Iterable<SourcedRecord> {
  for (const record of records) if (record.type === 'MX' && !isNullMx(record)) yield record;
}

/** `MX 10 mx.example.com` as a finding shows a record. */
export function describeRecord(record: SourcedRecord): string {
  const priority = record.priority === undefined ? '' : `${record.priority} `;
  return `${record.type} ${priority}${record.value}`;
}
