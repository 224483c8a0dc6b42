import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { MxInputError } from '../dns/errors';
import { describeValue } from '../dns/errors';
import { resolveOwnerName } from '../dns/names';
import { unquotedTxt } from '../dns/txt';
import { numeric } from '../lint/lint-zone';
import { byPreference, PublishedMx } from '../testing/render-zone';
import { readSynthesizedStacks } from '../testing/synthesized';
import { mtaStsPolicyId } from '../transport/mta-sts-policy';
import { isMtaStsText, MTA_STS_LABEL, parseMtaStsRecord } from '../transport/mta-sts-record';
import { parseTlsa, smtpTlsaName, Tlsa } from '../transport/tlsa';
import { withAbsoluteNames } from '../testing/zone-records';
import { absoluteHost, compareCanonicalNames } from '../testing/zone-text';

/** A mail domain as declared: the name and the MX set it should publish. */
export interface DeclaredDomain {
  /** Lower-case ASCII name without trailing dot. */
  readonly domain: string;
  /** Declared MX, by preference; exchanges absolute (`.` for a null MX). Empty when a domain is checked without a declaration. */
  readonly mx: readonly PublishedMx[];
  /** The declared MTA-STS policy (the `MtaSts` policy in the stack metadata, or a zone JSON's `mtaStsPolicies`), when there is one. */
  readonly mtaSts?: DeclaredMtaSts;
  /** Declared TLSA records at `_25._tcp.<exchange>` of the declared exchanges that have them. */
  readonly tlsa?: readonly DeclaredTlsa[];
}

/** An MTA-STS policy as declared: the text to serve and the id the declaration publishes for it. */
export interface DeclaredMtaSts {
  readonly text: string;
  /** The id of the declared `_mta-sts` TXT record, else the one derived from the text (`mtaStsPolicyId`). */
  readonly id: string;
}

/** The TLSA records declared for one exchange. */
export interface DeclaredTlsa {
  /** The exchange, lower case, no trailing dot. */
  readonly host: string;
  readonly records: readonly Tlsa[];
}

/** A zone in JSON, as `cdktf-mx lint` reads it too. */
interface ZoneJson {
  readonly zone: string;
  readonly records: ReadonlyArray<{ name?: unknown; type?: unknown; value?: unknown; priority?: unknown }>;
}

/**
 * Every name with MX records in a declaration: synthesized output (a `cdktf.out`
 * directory, a stack directory or a `cdk.tf.json`) or a zone JSON file
 * (`{ zone, records: [{ name, type, value, priority }] }`, a list of them, or `{ zones: [...] }`).
 * Stacks are read apart: two stacks' `${var.zone_id}` are two zones, and a domain two stacks
 * declare (production and staging) is checked once per distinct MX set, never as their union.
 */
export function readDeclaredMail(path: string, options: { stack?: string } = {}): DeclaredDomain[] {
  const zoneJson = zoneJsonOf(path);
  // Each stack's cdk.tf.json is read once, for its records and its policies.
  const stacks = zoneJson === undefined ? readSynthesizedStacks(path, options) : [];
  const records: ReadonlyArray<{ name: string; type: string; value: string; priority?: number; stack?: string }> =
    zoneJson !== undefined
      ? zoneJsonRecords(path, zoneJson)
      : withAbsoluteNames(stacks.flatMap((s) => s.records).map((r) => ({ ...r, zoneId: `${r.stack}\n${r.zoneId}` })));
  const policies: ReadonlyArray<{ stack?: string; name: string; text: string }> = zoneJson !== undefined ? zoneJsonPolicies(path, zoneJson) : stacks.flatMap((s) => s.policies);
  const byName = new Map<string, { domain: string; mx: PublishedMx[] }>();
  for (const record of records) {
    // A relative name whose zone could not be told from its neighbours names no domain to query.
    if (record.type !== 'MX' || !record.name.includes('.')) continue;
    const key = `${record.stack ?? ''}\n${record.name}`;
    const entry = byName.get(key) ?? { domain: record.name, mx: [] };
    entry.mx.push({ priority: record.priority ?? Number.NaN, exchange: absoluteHost(record.value) });
    byName.set(key, entry);
  }
  const seen = new Set<string>();
  return [...byName.entries()]
    .map(([key, { domain, mx }]) => {
      const stack = key.slice(0, key.indexOf('\n'));
      const ofStack = records.filter((r) => (r.stack ?? '') === stack);
      return { domain, mx: mx.sort(byPreference), ...transportOf(domain, mx, ofStack, policies.filter((p) => (p.stack ?? '') === stack)) };
    })
    .filter((d) => {
      const key = JSON.stringify(d);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => compareCanonicalNames(a.domain, b.domain));
}

/**
 * The MTA-STS policy and TLSA records declared for a domain: the policy named for it, with the id of
 * its declared `_mta-sts` record (else the id derived from the text); TLSA at `_25._tcp.<exchange>`.
 */
function transportOf(
  domain: string,
  mx: readonly PublishedMx[],
  records: ReadonlyArray<{ name: string; type: string; value: string }>,
  policies: ReadonlyArray<{ name: string; text: string }>,
): Pick<DeclaredDomain, 'mtaSts' | 'tlsa'> {
  const policy = policies.find((p) => p.name.replace(/\.$/, '').toLowerCase() === domain);
  const declaredId = records
    .filter((r) => r.type === 'TXT' && r.name === `${MTA_STS_LABEL}.${domain}` && isMtaStsText(unquotedTxt(r.value)))
    .map((r) => parseMtaStsRecord(unquotedTxt(r.value)).record?.id)
    .find((id) => id !== undefined);
  const tlsa: DeclaredTlsa[] = [];
  for (const host of new Set(mx.filter((m) => m.exchange !== '.').map((m) => m.exchange.replace(/\.$/, '')))) {
    const found = records.filter((r) => r.type === 'TLSA' && r.name === smtpTlsaName(host)).flatMap((r) => parseTlsa(r.value).tlsa ?? []);
    if (found.length > 0) tlsa.push({ host, records: found });
  }
  return {
    ...(policy ? { mtaSts: { text: policy.text, id: declaredId ?? mtaStsPolicyId(policy.text) } } : {}),
    ...(tlsa.length > 0 ? { tlsa } : {}),
  };
}

/** A zone JSON's `mtaStsPolicies` ({ name?, text }, as `lintZone` takes them) with absolute names. */
function zoneJsonPolicies(path: string, json: unknown): Array<{ name: string; text: string }> {
  return zonesOf(json).filter(isZone).flatMap((zone) => {
    const list = (zone as { mtaStsPolicies?: unknown }).mtaStsPolicies;
    if (list === undefined) return [];
    if (!Array.isArray(list)) throw new MxInputError('mtaStsPolicies', `${path}: mtaStsPolicies must be a list of { "name"?, "text" }, not ${describeValue(list)}`);
    return list.map((entry: { name?: unknown; text?: unknown }, i) => {
      if (typeof entry?.text !== 'string' || (entry.name !== undefined && typeof entry.name !== 'string')) {
        throw new MxInputError(`mtaStsPolicies[${i}]`, `${path}: each policy needs a string "text" (and an optional "name"), not ${describeValue(entry)}`);
      }
      return { name: resolveOwnerName(entry.name ?? '@', zone.zone), text: entry.text };
    });
  });
}

/** The parsed file when `path` is zone JSON rather than synthesized output. */
function zoneJsonOf(path: string): unknown {
  if (!path.endsWith('.json') || basename(path) === 'cdk.tf.json' || !statSync(path, { throwIfNoEntry: false })?.isFile()) return undefined;
  const json = parse(path);
  return typeof json === 'object' && json !== null && 'resource' in json ? undefined : json;
}

function zoneJsonRecords(path: string, json: unknown): Array<{ name: string; type: string; value: string; priority?: number }> {
  const zones = zonesOf(json);
  return zones.flatMap((zone, z) => {
    const where = `${path}${zones.length > 1 ? ` zone ${z}` : ''}`;
    if (!isZone(zone)) throw new MxInputError('zone', `${where} is not { "zone": "example.com", "records": [{ "name", "type", "value", "priority" }] }`);
    return zone.records.map((record, r) => {
      if (typeof record?.type !== 'string' || typeof record.value !== 'string') {
        throw new MxInputError(`records[${r}]`, `${where}: each record needs a string "type" and "value"`);
      }
      if (record.name !== undefined && typeof record.name !== 'string') {
        throw new MxInputError(`records[${r}].name`, `${where}: the owner name must be a string (@, relative or absolute), not ${describeValue(record.name)}`);
      }
      const type = record.type.trim().toUpperCase();
      // Read as lintZone reads it, so both commands agree: a number or a string of digits.
      const priority = numeric(record.priority);
      if (type === 'MX' && !(typeof priority === 'number' && Number.isInteger(priority) && priority >= 0 && priority <= 65535)) {
        throw new MxInputError(`records[${r}].priority`, `${where}: an MX record needs a priority from 0 to 65535 (a number or a string of digits), not ${describeValue(record.priority)}`);
      }
      return { name: resolveOwnerName(record.name ?? '@', zone.zone), type, value: record.value, ...(typeof priority === 'number' ? { priority } : {}) };
    });
  });
}

/** The zones of a zone JSON file: one zone, a list of them, or `{ zones: [...] }`. */
function zonesOf(json: unknown): unknown[] {
  return Array.isArray(json) ? json : typeof json === 'object' && json !== null && 'zones' in json ? (json as { zones: unknown[] }).zones : [json];
}

function isZone(value: unknown): value is ZoneJson {
  return typeof value === 'object' && value !== null && typeof (value as ZoneJson).zone === 'string' && Array.isArray((value as ZoneJson).records);
}

function parse(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new MxInputError('path', `${path} is not readable JSON: ${(error as Error).message}`);
  }
}
