import { SourcedRecord } from '../dns/record';
import { Zone, ZoneDocument } from '../dns/zone';
import { mxPatternMatches, normalizePattern, parseMtaStsPolicy, ParsedMtaStsPolicy } from '../transport/mta-sts-policy';
import { coveringPattern } from '../transport/mx-patterns';
import { isMtaStsText, MTA_STS_LABEL } from '../transport/mta-sts-record';
import { isTlsRptText, TLS_RPT_LABEL } from '../transport/tls-rpt';
import { smtpTlsaHost } from '../transport/tlsa';
import { RuleHit } from './rule';
import { runCached } from './run-cache';
import { ZoneIndex } from './zone-index';

/** What the transport-security rules read from a zone, gathered in one pass over its TXT and TLSA records. */
export interface TransportView {
  /** Policy domain → its `v=STSv1` TXT records at `_mta-sts.<name>`. */
  readonly mtaStsRecords: ReadonlyMap<string, SourcedRecord[]>;
  /** Policy domain → its `v=TLSRPTv1` TXT records at `_smtp._tls.<name>`. */
  readonly tlsRptRecords: ReadonlyMap<string, SourcedRecord[]>;
  /** Policy domain → the MTA-STS policy served for it (from the construct at synth, or `--mta-sts-policy`), parsed. */
  readonly policies: ReadonlyMap<string, { readonly document: ZoneDocument; readonly parsed: ParsedMtaStsPolicy }>;
  /** MX host → its TLSA records at `_25._tcp.<host>`. */
  readonly tlsa: ReadonlyMap<string, SourcedRecord[]>;
  /** Names that publish MTA-STS: a `v=STSv1` record or a policy. */
  readonly stsNames: ReadonlySet<string>;
}

const VIEWS = {};
const STS_PREFIX = `${MTA_STS_LABEL}.`;
const RPT_PREFIX = `${TLS_RPT_LABEL}.`;

/** The zone's transport-security view, built once per rule run. */
export function transportView(zone: Zone): TransportView {
  return runCached(VIEWS, zone, build);
}

function build(zone: Zone): TransportView {
  const mtaStsRecords = new Map<string, SourcedRecord[]>();
  const tlsRptRecords = new Map<string, SourcedRecord[]>();
  for (const record of zone.ofType('TXT')) {
    const text = String(record.value ?? '');
    if (record.name.startsWith(STS_PREFIX) && isMtaStsText(text)) push(mtaStsRecords, record.name.slice(STS_PREFIX.length), record);
    else if (record.name.startsWith(RPT_PREFIX) && isTlsRptText(text)) push(tlsRptRecords, record.name.slice(RPT_PREFIX.length), record);
  }
  const policies = new Map<string, { document: ZoneDocument; parsed: ParsedMtaStsPolicy }>();
  for (const document of zone.documents) {
    if (document.kind === 'mta-sts-policy' && !policies.has(document.name)) policies.set(document.name, { document, parsed: parseMtaStsPolicy(document.text) });
  }
  const tlsa = new Map<string, SourcedRecord[]>();
  for (const record of zone.ofType('TLSA')) {
    const host = smtpTlsaHost(record.name);
    if (host !== undefined) push(tlsa, host, record);
  }
  return { mtaStsRecords, tlsRptRecords, policies, tlsa, stsNames: new Set([...mtaStsRecords.keys(), ...policies.keys()]) };
}

/** A record standing for a policy document in findings, so suppressions by construct path match it. */
export function policyRecord(document: ZoneDocument): SourcedRecord {
  return { name: document.name, type: 'MTA-STS-POLICY', value: document.text, ...(document.origin ? { origin: document.origin } : {}) };
}

function push(map: Map<string, SourcedRecord[]>, key: string, record: SourcedRecord): void {
  const list = map.get(key);
  if (list) list.push(record);
  else map.set(key, [record]);
}

/** An MX exchange that no `mx:` pattern of its name's policy matches. */
export interface UncoveredExchange {
  readonly name: string;
  readonly record: SourcedRecord;
  /** The exchange as senders compare it: lower case, no trailing dot. */
  readonly host: string;
  readonly policy: ZoneDocument;
  readonly mode: string;
  /** The pattern that would cover it: the vendor's documented wildcard or the host itself. */
  readonly add: string;
}

/** Every routing MX of a name with a usable policy whose exchange no pattern matches, in zone order. */
export function uncoveredExchanges(zone: Zone): UncoveredExchange[] {
  return runCached(UNCOVERED, zone, findUncovered);
}

const UNCOVERED = {};

function findUncovered(zone: Zone): UncoveredExchange[] {
  const found: UncoveredExchange[] = [];
  const index = ZoneIndex.of(zone);
  for (const [name, { document, parsed }] of transportView(zone).policies) {
    if (parsed.mode === undefined || parsed.mode === 'none') continue;
    for (const record of index.at(name)?.routing ?? []) {
      const host = normalizePattern(String(record.value));
      if (parsed.mx.some((pattern) => mxPatternMatches(pattern, host))) continue;
      found.push({ name, record, host, policy: document, mode: parsed.mode, add: coveringPattern(host, record.origin?.vendor?.preset) });
    }
  }
  return found;
}

/** The hits of the uncovered-MX rule for `mode`: the policy at fault, the MX record related (exchanges of an `MxMigration` are `mta-sts-migration`'s). */
export function* uncoveredHits(zone: Zone, mode: 'enforce' | 'testing', consequence: string): Iterable<RuleHit> {
  for (const found of uncoveredExchanges(zone)) {
    if (found.mode !== mode || found.record.origin?.migration) continue;
    yield { name: found.name, record: policyRecord(found.policy), related: [found.record], message: `MX ${found.host} is matched by no mx pattern of the ${mode} MTA-STS policy; ${consequence}. Add "mx: ${found.add}" to the policy.` };
  }
}

/** The record that stands for a name's MTA-STS in findings: its `_mta-sts` TXT, else its policy. */
export function stsRecordOf(view: TransportView, name: string): SourcedRecord | undefined {
  const policy = view.policies.get(name);
  return view.mtaStsRecords.get(name)?.[0] ?? (policy ? policyRecord(policy.document) : undefined);
}
