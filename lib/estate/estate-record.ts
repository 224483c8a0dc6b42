import { readFileSync } from 'node:fs';
import { describeValue, MxInputError } from '../dns/errors';

/** The file name of the estate record in a synth's output directory (`cdktf.out/mail-estate.json`). */
export const ESTATE_RECORD_FILE = 'mail-estate.json';

/** Where one domain was synthesized: its stack and the Terraform addresses holding its records. */
export interface EstateRecordDomain {
  readonly stack: string;
  readonly addresses: readonly string[];
  /** A hash of what the domain's records are made from (inventory settings, preset data): a domain whose hash changes does not move in the same run. */
  readonly settings?: string;
}

/**
 * What one synth of an estate assigned: the shard count and, per domain, its stack and
 * resource addresses. The pipeline keeps the record of the last deployed synth; the next synth
 * reads it (`MailEstateProps.previous`) to see which domains changed stack and to release
 * their records from the old stack without deleting them.
 */
export interface EstateRecord {
  readonly version: 1;
  readonly shardSize: number;
  readonly shards: number;
  readonly domains: Readonly<Record<string, EstateRecordDomain>>;
}

/** Read an estate record written by a previous synth; a malformed one is an `MxInputError` naming the file and field. */
export function readEstateRecord(file: string): EstateRecord {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new MxInputError(file, `cannot read the previous estate record: ${(error as Error).message}`);
  }
  return checkEstateRecord(parsed, file);
}

/** Check a parsed estate record. */
export function checkEstateRecord(value: unknown, file = 'previous'): EstateRecord {
  const fail = (field: string, what: string, got: unknown): never => {
    throw new MxInputError(`${file}: ${field}`, `${what}, not ${describeValue(got)} (write it with MailEstate.record(); do not edit it)`);
  };
  const record = value as Partial<EstateRecord> | null;
  if (record === null || typeof record !== 'object') return fail('(top)', 'an object', value);
  if (record.version !== 1) fail('version', 'version 1', record.version);
  if (!Number.isInteger(record.shards) || record.shards! < 1) fail('shards', 'a whole number of shards', record.shards);
  if (!Number.isInteger(record.shardSize) || record.shardSize! < 1) fail('shardSize', 'a whole number', record.shardSize);
  if (record.domains === null || typeof record.domains !== 'object') fail('domains', 'an object of domains', record.domains);
  for (const [domain, entry] of Object.entries(record.domains!)) {
    if (typeof entry?.stack !== 'string' || entry.stack === '') fail(`domains["${domain}"].stack`, 'a stack name', entry?.stack);
    if (!Array.isArray(entry.addresses) || entry.addresses.some((a) => typeof a !== 'string' || !/^[a-z0-9_]+\.[A-Za-z0-9_-]+$/.test(a))) {
      fail(`domains["${domain}"].addresses`, 'a list of Terraform resource addresses (type.name)', entry.addresses);
    }
    if (entry.settings !== undefined && (typeof entry.settings !== 'string' || !/^[0-9a-f]{16}$/.test(entry.settings))) fail(`domains["${domain}"].settings`, 'a 16-hex-digit hash', entry.settings);
  }
  return record as EstateRecord;
}
