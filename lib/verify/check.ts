import { NULL_MX_EXCHANGE } from '../dns/names';
import { byPreference, PublishedMx } from '../testing/render-zone';
import { absoluteHost } from '../testing/zone-text';
import { DeclaredDomain } from './declared';
import { DEFAULT_TIMEOUT_MS, DnsClient, Lookup } from './dns-client';
import { probeSmtp, SmtpProbe } from './smtp-probe';
import { CheckResult, CheckStatus, STATUS_ORDER } from './check-result';
import { checkTransport, TransportCheckOptions } from './transport-checks';

/** Options of {@link MailVerifier}. */
export interface VerifierOptions {
  /** Also connect to each exchange's SMTP port and read its greeting. Default off. */
  readonly smtp?: { readonly port: number; readonly timeoutMs: number };
  /**
   * A recursive resolver for the exchanges' CNAME/A/AAAA (`--resolver`): they are usually in
   * other zones than the domain. Default: the client the MX is asked of.
   */
  readonly resolver?: DnsClient;
  /**
   * The MX client asks the domain's authoritative server (`--server`) and no resolver is given:
   * a REFUSED for an exchange is that server not serving the exchange's zone, so the exchange is
   * not checked (a warning saying to give `--resolver`), never a failure to check the domain.
   */
  readonly authoritativeOnly?: boolean;
  /** How declared MTA-STS policies are fetched. Default: port 443, the DNS timeout, Node's CA roots. */
  readonly transport?: TransportCheckOptions;
}

/** HTTPS, where senders fetch MTA-STS policies (RFC 8461 §3.3). */
export const HTTPS_PORT = 443;

/** At most this many addresses of one exchange are probed. */
const MAX_PROBED_ADDRESSES = 4;

export type { CheckResult, CheckStatus } from './check-result';
export { STATUS_ORDER } from './check-result';

/** A host a sender may connect to, with the addresses it has. */
export interface DeliveryHost {
  readonly host: string;
  readonly addresses: readonly string[];
}

/**
 * What a sender does with mail for the domain (RFC 5321 §5.1): try MX hosts by
 * preference (equal preferences in random order), refuse at once (null MX), fall
 * back to the domain's own address (implicit MX), or give up.
 */
export type Delivery =
  | { readonly kind: 'mx'; readonly tiers: ReadonlyArray<{ readonly priority: number; readonly hosts: readonly DeliveryHost[] }> }
  | { readonly kind: 'null-mx' }
  | { readonly kind: 'implicit-mx'; readonly host: DeliveryHost }
  | { readonly kind: 'none'; readonly reason: string };

/** Everything `verify` found for one domain. */
export interface DomainReport {
  readonly domain: string;
  /** The worst status of its checks. */
  readonly status: CheckStatus;
  readonly declared: readonly PublishedMx[];
  /** The MX set live DNS returned; absent when the lookup failed. */
  readonly live?: readonly PublishedMx[];
  readonly checks: readonly CheckResult[];
  readonly delivery?: Delivery;
}

interface HostInfo {
  readonly addresses: string[];
  readonly aliasOf?: string;
  /** Failed lookups, each message once with the types it failed for. */
  readonly errors: string[];
  /** Every failed lookup was REFUSED. */
  readonly refused: boolean;
}

/**
 * Compares declared mail domains with live DNS. Host lookups are shared between
 * domains, so a hundred domains on one vendor ask for its hosts once.
 */
export class MailVerifier {
  private readonly hosts = new Map<string, Promise<HostInfo>>();
  private readonly probes = new Map<string, Promise<SmtpProbe>>();

  private readonly hostClient: DnsClient;

  constructor(private readonly client: DnsClient, private readonly options: VerifierOptions = {}) {
    this.hostClient = options.resolver ?? client;
  }

  public async verify(declared: DeclaredDomain): Promise<DomainReport> {
    const { domain } = declared;
    const lookup = await this.client.mx(domain);
    if (lookup.status === 'error') {
      const checks = [{ check: 'MX', status: 'error' as const, message: lookup.message }];
      return { domain, status: 'error', declared: declared.mx, checks };
    }
    const live = lookup.status === 'answer' ? lookup.records.map((mx) => ({ priority: mx.priority, exchange: absoluteHost(mx.exchange) })).sort(byPreference) : [];
    const checks: CheckResult[] = [compareMx(declared.mx, live, lookup.status === 'nxdomain')];
    const nullMx = checkNullMx(declared.mx, live);
    if (nullMx) checks.push(nullMx);

    const routing = live.filter((mx) => mx.exchange !== NULL_MX_EXCHANGE);
    const hosts = new Map<string, HostInfo>();
    await Promise.all([...new Set(routing.map((mx) => mx.exchange))].map(async (host) => hosts.set(host, await this.host(host))));
    const smtp = this.options.smtp;
    const notAuthoritative = this.options.authoritativeOnly === true;
    const exchangeChecks = await Promise.all([...hosts].sort(([a], [b]) => (a < b ? -1 : 1)).map(async ([host, info]) => [
      checkExchange(host, info, notAuthoritative),
      ...(smtp && info.addresses.length > 0 ? [await this.checkSmtp(host, info.addresses, smtp)] : []),
    ]));
    checks.push(...exchangeChecks.flat());
    if (declared.mtaSts || declared.tlsa) {
      checks.push(...(await checkTransport(declared, live, this.client, this.options.transport ?? { port: HTTPS_PORT, timeoutMs: DEFAULT_TIMEOUT_MS })));
    }

    let delivery: Delivery;
    if (lookup.status === 'nxdomain') {
      delivery = { kind: 'none', reason: 'the domain does not exist (NXDOMAIN)' };
    } else if (routing.length > 0) {
      delivery = { kind: 'mx', tiers: tiers(routing, hosts) };
    } else if (live.length > 0) {
      delivery = { kind: 'null-mx' };
    } else {
      const host = absoluteHost(domain);
      const info = await this.host(host, this.client);
      delivery = info.addresses.length > 0 ? { kind: 'implicit-mx', host: { host, addresses: info.addresses } } : { kind: 'none', reason: 'no MX and no A/AAAA' };
      checks.push(checkImplicitMx(host, info));
    }
    checks.push({ check: 'delivery order', status: 'info', message: describeDelivery(delivery) });
    return { domain, status: domainStatus(checks), declared: declared.mx, live, checks, delivery };
  }

  /** The exchange's SMTP greeting on each of its addresses, each address probed once per run. */
  private async checkSmtp(host: string, addresses: readonly string[], smtp: NonNullable<VerifierOptions['smtp']>): Promise<CheckResult> {
    const probed = addresses.slice(0, MAX_PROBED_ADDRESSES);
    const results = await Promise.all(probed.map((address) => once(this.probes, address, () => probeSmtp(address, smtp.port, smtp.timeoutMs))));
    const ready = results.filter((r) => r.status === 'ready').length;
    const status: CheckStatus = ready === results.length ? 'ok' : ready === 0 ? 'fail' : 'warn';
    const message = results.map((probe, i) => describeProbe(probed[i], smtp.port, probe)).join('; ');
    return { check: `smtp ${host}`, status, message };
  }

  /** Addresses and alias of a host, looked up once per run (exchanges through the resolver, when one is given). */
  private host(host: string, client: DnsClient = this.hostClient): Promise<HostInfo> {
    return once(this.hosts, `${client === this.client ? 'server' : 'resolver'} ${host}`, async () => {
      const [cname, a, aaaa] = await Promise.all([client.cname(host), client.a(host), client.aaaa(host)]);
      const failed = ([['CNAME', cname], ['A', a], ['AAAA', aaaa]] as const).flatMap(([type, l]) => (l.status === 'error' ? [{ type, code: l.code, message: l.message }] : []));
      // One message per cause: three lookups refused by one server are one detail, not three.
      const byMessage = new Map<string, string[]>();
      for (const { type, message } of failed) byMessage.set(message, [...(byMessage.get(message) ?? []), type]);
      return {
        addresses: [...answers(a), ...answers(aaaa)],
        ...(cname.status === 'answer' ? { aliasOf: absoluteHost(cname.records[0]) } : {}),
        errors: [...byMessage].map(([message, types]) => `${types.join('/')}: ${message}`),
        refused: failed.length > 0 && failed.every((f) => f.code === 'EREFUSED'),
      };
    });
  }
}

/** The cached promise for `key`, made on first use. */
function once<T>(cache: Map<string, Promise<T>>, key: string, make: () => Promise<T>): Promise<T> {
  let value = cache.get(key);
  if (!value) {
    value = make();
    cache.set(key, value);
  }
  return value;
}

/** `192.0.2.1:25 220 mx.example ESMTP`, `[2001:db8::1]:25 connection refused`. */
function describeProbe(address: string, port: number, probe: SmtpProbe): string {
  const where = address.includes(':') ? `[${address}]:${port}` : `${address}:${port}`;
  if (probe.status === 'unreachable') return `${where} ${probe.reason}`;
  if (probe.status === 'ready' && probe.bareLf) return `${where} 220 ${probe.banner} (lines end in a bare LF, not CRLF: RFC 5321 §2.3.8; strict senders may fail)`;
  return `${where} ${probe.status === 'ready' ? `220 ${probe.banner}` : probe.banner}`;
}

/** MX matches declared: missing, extra, or at another preference. */
function compareMx(declared: readonly PublishedMx[], live: readonly PublishedMx[], nxdomain: boolean): CheckResult {
  const listing = live.length > 0 ? live.map(describeMx).join(', ') : 'no MX';
  if (declared.length === 0) return { check: 'MX', status: 'info', message: `not declared; live: ${nxdomain ? 'the domain does not exist' : listing}` };
  if (nxdomain) return { check: 'MX', status: 'drift', message: `the domain does not exist (NXDOMAIN); declared ${declared.map(describeMx).join(', ')}` };
  const prioritiesOf = (list: readonly PublishedMx[], host: string): number[] => list.filter((mx) => mx.exchange === host).map((mx) => mx.priority).sort((a, b) => a - b);
  const missing: string[] = [];
  const extra: string[] = [];
  const moved: string[] = [];
  for (const host of [...new Set([...declared, ...live].map((mx) => mx.exchange))]) {
    const want = prioritiesOf(declared, host);
    const have = prioritiesOf(live, host);
    if (want.join() === have.join()) continue;
    if (have.length === 0) missing.push(...want.map((p) => `MX ${p} ${host}`));
    else if (want.length === 0) extra.push(...have.map((p) => `MX ${p} ${host}`));
    else moved.push(`${host} at preference ${have.join('/')}, declared ${want.join('/')}`);
  }
  const problems = [
    ...(missing.length ? [`missing ${missing.join(', ')}`] : []),
    ...(extra.length ? [`extra ${extra.join(', ')}`] : []),
    ...moved,
  ];
  if (problems.length === 0) return { check: 'MX', status: 'ok', message: `as declared: ${listing}` };
  return { check: 'MX', status: 'drift', message: `${problems.join('; ')} (live: ${listing})` };
}

/** A declared null MX is published alone, and a live null MX is never beside other MX (RFC 7505 §3). */
function checkNullMx(declared: readonly PublishedMx[], live: readonly PublishedMx[]): CheckResult | undefined {
  const declaredNull = declared.some((mx) => mx.exchange === NULL_MX_EXCHANGE);
  const liveNull = live.some((mx) => mx.exchange === NULL_MX_EXCHANGE);
  if (!declaredNull && !liveNull) return undefined;
  if (liveNull && live.length > 1) {
    return { check: 'null MX', status: 'fail', message: 'a null MX is published beside other MX, which RFC 7505 §3 forbids: senders may ignore it or try the other hosts' };
  }
  if (declaredNull && !liveNull) {
    return { check: 'null MX', status: 'fail', message: 'declared null MX is not published: senders will try to deliver instead of refusing at once' };
  }
  return { check: 'null MX', status: 'ok', message: 'published alone: senders refuse mail for the domain at once (RFC 7505)' };
}

/**
 * An exchange has its own A/AAAA and is not an alias (RFC 2181 §10.3, RFC 5321 §5.1).
 * A failed CNAME, A or AAAA lookup leaves that unknown: the check could not be made.
 */
function checkExchange(host: string, info: HostInfo, notAuthoritative: boolean): CheckResult {
  const check = `exchange ${host}`;
  if (info.aliasOf) return { check, status: 'fail', message: `is a CNAME to ${info.aliasOf}; an MX must name the host itself (RFC 2181 §10.3), some senders refuse it` };
  if (notAuthoritative && info.refused && info.addresses.length === 0) {
    return { check, status: 'warn', message: 'not checked: the --server does not serve this name (REFUSED); give --resolver <ip[:port]> of a recursive resolver to look exchanges up' };
  }
  if (info.errors.length > 0) return { check, status: 'error', message: `could not check: ${info.errors.join('; ')}${info.addresses.length > 0 ? ` (addresses found: ${info.addresses.join(', ')})` : ''}` };
  if (info.addresses.length > 0) return { check, status: 'ok', message: info.addresses.join(', ') };
  return { check, status: 'fail', message: 'has no A/AAAA record: senders cannot connect to it' };
}

/** With no MX, senders deliver to the domain's own address (RFC 5321 §5.1). */
function checkImplicitMx(host: string, info: HostInfo): CheckResult {
  const check = 'implicit MX';
  if (info.errors.length > 0) return { check, status: 'error', message: `could not check: ${info.errors.join('; ')}` };
  if (info.addresses.length > 0) {
    return { check, status: 'warn', message: `no MX: senders deliver to ${host} itself (${info.addresses.join(', ')}); publish MX, or a null MX if the domain takes no mail` };
  }
  return { check, status: 'warn', message: 'no MX and no A/AAAA: senders retry and then bounce; publish a null MX if the domain takes no mail' };
}

function tiers(routing: readonly PublishedMx[], hosts: ReadonlyMap<string, HostInfo>): Array<{ priority: number; hosts: DeliveryHost[] }> {
  const result: Array<{ priority: number; hosts: DeliveryHost[] }> = [];
  for (const mx of routing) {
    const host = { host: mx.exchange, addresses: hosts.get(mx.exchange)?.addresses ?? [] };
    const last = result[result.length - 1];
    if (last && last.priority === mx.priority) last.hosts.push(host);
    else result.push({ priority: mx.priority, hosts: [host] });
  }
  return result;
}

/** `10 mx1.example. → 20 {mx2.example., mx3.example.}`: braces hold hosts a sender tries in random order. */
export function describeDelivery(delivery: Delivery): string {
  switch (delivery.kind) {
    case 'null-mx':
      return 'none: null MX, senders refuse mail for the domain';
    case 'implicit-mx':
      return `implicit MX: ${delivery.host.host} (${delivery.host.addresses.join(', ')})`;
    case 'none':
      return `none: ${delivery.reason}`;
    case 'mx':
      return delivery.tiers
        .map((tier) => {
          const names = tier.hosts.map((h) => (h.addresses.length > 0 ? h.host : `${h.host} (no address, skipped)`));
          return `${tier.priority} ${names.length > 1 ? `{${names.join(', ')}}` : names[0]}`;
        })
        .join(' → ');
  }
}

export function describeMx(mx: PublishedMx): string {
  return `${mx.priority} ${mx.exchange}`;
}

/**
 * A domain's status: the worst of its checks, infos counting as ok. Drift and failures that were
 * seen are reported as such even when another check could not be made (exit 1, not 2): only a
 * domain with nothing definite wrong is "could not check".
 */
function domainStatus(checks: readonly CheckResult[]): CheckStatus {
  const statuses = checks.map((c) => (c.status === 'info' ? 'ok' : c.status));
  const seen = worst(statuses.filter((s) => s !== 'error'));
  return seen === 'drift' || seen === 'fail' ? seen : worst(statuses);
}

export function worst(statuses: readonly CheckStatus[]): CheckStatus {
  return statuses.reduce<CheckStatus>((a, b) => (STATUS_ORDER.indexOf(b) > STATUS_ORDER.indexOf(a) ? b : a), 'ok');
}

function answers(lookup: Lookup<string>): readonly string[] {
  return lookup.status === 'answer' ? lookup.records : [];
}
