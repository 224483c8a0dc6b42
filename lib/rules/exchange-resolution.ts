import { toAscii } from '../dns/names';
import { SourcedRecord } from '../dns/record';
import { targetOf } from './mx-exchange';
import { runCached } from './run-cache';
import { NameRecords, ZoneIndex } from './zone-index';

/** What the zone answers for an MX exchange, as far as the zone can tell. */
export type ExchangeAnswer =
  /** Outside the zone, or below a delegation: the zone cannot tell. */
  | { kind: 'unknowable'; host: string }
  /** Records at the exchange name itself. */
  | { kind: 'records'; host: string; records: NameRecords }
  /** No records of its own; a wildcard answers. */
  | { kind: 'wildcard'; host: string; records: NameRecords }
  /** The name exists only as a parent of other names (empty non-terminal): no data. */
  | { kind: 'empty'; host: string }
  /** The name does not exist in the zone: NXDOMAIN. */
  | { kind: 'missing'; host: string };

/**
 * How the zone answers for the exchange of `record` (an MX), or undefined when the
 * exchange does not parse (other rules report that). O(labels of the host).
 */
export function resolveExchange(index: ZoneIndex, record: SourcedRecord): ExchangeAnswer | undefined {
  // Zones repeat their exchanges across many names, and three rules ask for each MX: one answer per exchange and zone in a run.
  const answers = runCached(ANSWERS, index, newAnswers);
  const value = typeof record.value === 'string' ? record.value : String(record.value ?? '');
  let answer = answers.get(value);
  if (answer === undefined && !answers.has(value)) {
    answer = answerFor(index, record);
    answers.set(value, answer);
  }
  return answer;
}

const ANSWERS = {};
const newAnswers = (): Map<string, ExchangeAnswer | undefined> => new Map();

function answerFor(index: ZoneIndex, record: SourcedRecord): ExchangeAnswer | undefined {
  const host = targetOf(record).ascii;
  if (host === undefined) return undefined;
  if (!index.contains(host) || index.isDelegated(host)) return { kind: 'unknowable', host };
  const records = index.at(host);
  if (records) return { kind: 'records', host, records };
  const wildcard = index.wildcardFor(host);
  if (wildcard) return { kind: 'wildcard', host, records: wildcard };
  return index.exists(host) ? { kind: 'empty', host } : { kind: 'missing', host };
}

/** Where a record was declared, for messages: ` (declared at stack/raw-cname)` or ''. */
export function declaredAt(record: SourcedRecord): string {
  return record.origin?.path ? ` (declared at ${record.origin.path})` : '';
}

/**
 * A CNAME (or SPF include) target as the zone indexes names: lower-case ASCII without
 * the trailing dot. Unlike host names, such targets may hold `_` (DKIM, SPF records).
 */
export function normaliseTarget(value: string): string {
  const bare = value.trim().replace(/\.$/, '');
  return toAscii(bare) ?? bare.toLowerCase();
}
