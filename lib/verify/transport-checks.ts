import { createHash } from 'node:crypto';
import { NULL_MX_EXCHANGE } from '../dns/names';
import { PublishedMx } from '../testing/render-zone';
import { matchingPatterns, normalizePattern, parseMtaStsPolicy } from '../transport/mta-sts-policy';
import { coveringPattern } from '../transport/mx-patterns';
import { isMtaStsText, MTA_STS_LABEL, MTA_STS_POLICY_HOST_LABEL, parseMtaStsRecord } from '../transport/mta-sts-record';
import { renderTlsa, smtpTlsaName } from '../transport/tlsa';
import type { CheckResult } from './check-result';
import { DeclaredDomain, DeclaredTlsa } from './declared';
import { DnsClient } from './dns-client';
import { escapeLive, liveText } from './live-text';
import { fetchMtaStsPolicy, MTA_STS_POLICY_PATH } from './mta-sts-fetch';
import { starttlsCertificate, tlsaMatches } from './smtp-starttls';

/** How `verify` fetches MTA-STS policies. */
export interface TransportCheckOptions {
  /** HTTPS port of the policy host: 443 (another only in tests). */
  readonly port: number;
  readonly timeoutMs: number;
  /** Extra trusted CA certificates (PEM), added to Node's roots (`--ca`). */
  readonly extraCa?: string;
  /** With `--smtp`: connect to each exchange with declared TLSA, STARTTLS, and compare the key it presents. */
  readonly smtp?: { readonly port: number; readonly timeoutMs: number };
}

/**
 * The live transport security of a domain against its declaration: the `_mta-sts` id, the policy
 * served over HTTPS, the served policy's `mx:` lines against the live MX, and each declared
 * exchange's TLSA records. Only what is declared is checked.
 */
export async function checkTransport(declared: DeclaredDomain, liveMx: readonly PublishedMx[], client: DnsClient, options: TransportCheckOptions): Promise<CheckResult[]> {
  const checks: CheckResult[] = [];
  if (declared.mtaSts) {
    const [id, policy] = await Promise.all([checkMtaStsId(declared.domain, declared.mtaSts.id, client), checkPolicy(declared.domain, declared.mtaSts.text, liveMx, client, options)]);
    checks.push(id, ...policy);
  }
  checks.push(...(await Promise.all((declared.tlsa ?? []).map((tlsa) => checkTlsa(tlsa, client)))));
  const smtp = options.smtp;
  if (smtp) checks.push(...(await Promise.all((declared.tlsa ?? []).map((tlsa) => checkPresentedKey(tlsa, client, smtp)))));
  return checks;
}

/** The live `_mta-sts` TXT carries the id the declaration publishes (RFC 8461 §3.1). */
async function checkMtaStsId(domain: string, declaredId: string, client: DnsClient): Promise<CheckResult> {
  const check = 'MTA-STS id';
  const name = `${MTA_STS_LABEL}.${domain}`;
  const lookup = await client.txt(name);
  if (lookup.status === 'error') return { check, status: 'error', message: lookup.message };
  const texts = lookup.status === 'answer' ? lookup.records.filter(isMtaStsText) : [];
  if (texts.length === 0) return { check, status: 'drift', message: `${name}. publishes no v=STSv1 record; declared id=${declaredId}: senders do not look for the policy. Apply the stack.` };
  if (texts.length > 1) return { check, status: 'fail', message: `${name}. publishes ${texts.length} v=STSv1 records (${texts.map((t) => liveText(t)).join(', ')}); senders treat that as no policy (RFC 8461 §3.1)` };
  const parsed = parseMtaStsRecord(texts[0]);
  if (!parsed.record) return { check, status: 'fail', message: `${name}. ${liveText(texts[0])} is not a valid MTA-STS record (${escapeLive(parsed.problem ?? '')}); senders ignore it` };
  if (parsed.record.id !== declaredId) {
    return { check, status: 'drift', message: `live id=${liveText(parsed.record.id)}, declared id=${declaredId}: the record is stale, so senders that cached the old policy keep it (RFC 8461 §3.1). Apply the stack.` };
  }
  return { check, status: 'ok', message: `id=${declaredId} as declared` };
}

/** The policy served over HTTPS is the declared text, and its mx lines match every live exchange. */
async function checkPolicy(domain: string, declaredText: string, liveMx: readonly PublishedMx[], client: DnsClient, options: TransportCheckOptions): Promise<CheckResult[]> {
  const check = 'MTA-STS policy';
  const host = `${MTA_STS_POLICY_HOST_LABEL}.${domain}`;
  const url = `https://${host}${MTA_STS_POLICY_PATH}`;
  // Where a sender connects: the policy host's address as DNS answers it (verify's own resolver).
  const { address, failure } = await addressOf(host, client);
  if (address === undefined) {
    if (failure !== undefined) return [{ check, status: 'error', message: `cannot resolve ${host}: ${failure}` }];
    return [{ check, status: 'fail', message: `${host} has no A/AAAA record: senders cannot fetch ${url}` }];
  }
  const fetched = await fetchMtaStsPolicy(domain, { address, port: options.port, timeoutMs: options.timeoutMs, ...(options.extraCa !== undefined ? { extraCa: options.extraCa } : {}) });
  if (fetched.status === 'unreachable') return [{ check, status: 'error', message: fetched.reason }];
  if (fetched.status === 'rejected') return [{ check, status: 'fail', message: `${url} ${fetched.reason}` }];
  const parsed = parseMtaStsPolicy(fetched.text);
  const results: CheckResult[] = [];
  if (!parsed.policy) results.push({ check, status: 'fail', message: `${url} serves a policy senders cannot use: ${escapeLive(parsed.problems.join('; '), 400)}` });
  else if (fetched.text !== declaredText) {
    const declared = parseMtaStsPolicy(declaredText);
    results.push({ check, status: 'drift', message: `${url} serves another policy than declared (served: mode ${liveText(parsed.policy.mode)}, mx ${parsed.mx.map((m) => liveText(m)).join(', ')}, max_age ${parsed.policy.maxAge}; declared: mode ${declared.mode}, mx ${declared.mx.join(', ')}, max_age ${declared.maxAge}). Serve the stack's policy output there.` });
  } else results.push({ check, status: 'ok', message: `${url} serves the declared policy` });
  if (!parsed.policy) return results;
  // What senders do with the policy they fetched: every live exchange must match an mx line (RFC 8461 §4.1).
  const exchanges = [...new Set(liveMx.filter((mx) => mx.exchange !== NULL_MX_EXCHANGE).map((mx) => normalizePattern(mx.exchange)))];
  const uncovered = exchanges.filter((exchange) => matchingPatterns(parsed.mx, exchange).length === 0);
  const coverage = 'MTA-STS coverage';
  if (uncovered.length === 0) results.push({ check: coverage, status: 'ok', message: `every live MX matches the served policy (${exchanges.join(', ') || 'no MX'})` });
  else if (parsed.policy.mode === 'none') results.push({ check: coverage, status: 'info', message: `mode none: ${uncovered.join(', ')} not listed, senders do not apply the policy` });
  else {
    const enforce = parsed.policy.mode === 'enforce';
    results.push({
      check: coverage,
      status: enforce ? 'fail' : 'warn',
      message: `live MX ${uncovered.join(', ')} ${uncovered.length === 1 ? 'is' : 'are'} matched by no mx line of the ${parsed.policy.mode} policy served at ${url}; ${enforce ? 'senders that honour it do not deliver there' : 'senders report failures (TLS-RPT) but deliver'}. Add ${uncovered.map((h) => `"mx: ${coveringPattern(h)}"`).join(', ')} to the policy, serve it and change the id.`,
    });
  }
  return results;
}

/** The first address of `host` (A, then AAAA), as a sender picks one to connect to; else why a lookup failed. */
async function addressOf(host: string, client: DnsClient): Promise<{ address?: string; failure?: string }> {
  const lookups = await Promise.all([client.a(host), client.aaaa(host)]);
  const address = lookups.flatMap((l) => (l.status === 'answer' ? l.records : []))[0];
  const failed = lookups.find((l) => l.status === 'error');
  return { ...(address !== undefined ? { address } : {}), ...(failed?.status === 'error' ? { failure: failed.message } : {}) };
}

/** The key the exchange presents after STARTTLS matches a declared DANE-EE record (RFC 7672 §3.1.1). */
async function checkPresentedKey(declared: DeclaredTlsa, client: DnsClient, smtp: NonNullable<TransportCheckOptions['smtp']>): Promise<CheckResult> {
  const check = `DANE ${declared.host}`;
  const endEntity = declared.records.filter((t) => t.usage === 3);
  if (endEntity.length === 0) return { check, status: 'info', message: 'only DANE-TA (usage 2) records are declared: the chain they pin is not checked' };
  const { address, failure } = await addressOf(declared.host, client);
  if (address === undefined) return { check, status: 'error', message: `cannot connect: ${failure ?? `${declared.host} has no A/AAAA record`}` };
  const result = await starttlsCertificate(address, smtp.port, declared.host, smtp.timeoutMs);
  if (result.status === 'unreachable') return { check, status: 'error', message: result.reason };
  if (result.status === 'no-starttls') return { check, status: 'fail', message: `${address}:${smtp.port} ${result.reason}` };
  const matched = endEntity.filter((t) => tlsaMatches(t, result.certificate));
  if (matched.length > 0) return { check, status: 'ok', message: `the key ${address}:${smtp.port} presents matches ${matched.map(renderTlsa).join(', ')}` };
  const spki = createHash('sha256').update(result.certificate.publicKey.export({ type: 'spki', format: 'der' })).digest('hex');
  return { check, status: 'fail', message: `the key ${address}:${smtp.port} presents (3 1 1 ${spki}) matches no declared DANE-EE record (${endEntity.map(renderTlsa).join(', ')}): DANE senders refuse to deliver to it (RFC 7672 §3.1.1). Publish the record of the key in use, or install the declared key.` };
}

/** The live TLSA records at `_25._tcp.<exchange>` are the declared ones (RFC 7672 §2.2). */
async function checkTlsa(declared: DeclaredTlsa, client: DnsClient): Promise<CheckResult> {
  const name = smtpTlsaName(declared.host);
  const check = `TLSA ${declared.host}`;
  const lookup = await client.tlsa(name);
  if (lookup.status === 'error') return { check, status: 'error', message: lookup.message };
  const want = [...new Set(declared.records.map(renderTlsa))].sort();
  const have = lookup.status === 'answer' ? [...new Set(lookup.records.map(renderTlsa))].sort() : [];
  if (have.length === 0) return { check, status: 'drift', message: `${name}. publishes no TLSA record; declared ${want.join(', ')}: DANE senders cannot authenticate ${declared.host}. Apply the stack.` };
  const missing = want.filter((t) => !have.includes(t));
  const extra = have.filter((t) => !want.includes(t));
  if (missing.length === 0 && extra.length === 0) return { check, status: 'ok', message: `as declared: ${want.join(', ')}` };
  const problems = [...(missing.length ? [`missing ${missing.join(', ')}`] : []), ...(extra.length ? [`extra ${extra.join(', ')}`] : [])];
  return { check, status: 'drift', message: `${name}. ${problems.join('; ')}: a TLSA record that matches no certificate the exchange presents makes DANE senders refuse it (RFC 7672 §2.2). Apply the stack, or publish the record of the key in use.` };
}
