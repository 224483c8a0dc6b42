import { randomInt } from 'node:crypto';
import { createSocket } from 'node:dgram';
import { getServers } from 'node:dns';
import { connect, isIP } from 'node:net';
import { MxInputError } from '../dns/errors';
import { AnswerRecord, decodeResponse, DnsResponse, encodeQuery, MalformedMessage, QTYPE, QueryType, RCODE_NOERROR, RCODE_NXDOMAIN, rcodeName, TlsaData } from './dns-wire';

/** The outcome of one DNS lookup, with "no such data" told apart from failures. */
export type Lookup<T> =
  /**
   * `ttl`: the TTL of the RRset answered, as the server gave it (an authoritative server gives the
   * zone's; a caching resolver what is left of its cache time); the lowest when they differ, as
   * RFC 2181 §5.2 tells a resolver to treat them.
   */
  | { readonly status: 'answer'; readonly records: readonly T[]; readonly ttl: number }
  /** The name exists but holds no record of the type (NODATA). */
  | { readonly status: 'nodata' }
  /** The name does not exist (NXDOMAIN). */
  | { readonly status: 'nxdomain' }
  /** No usable answer: timeout, any rcode but NOERROR and NXDOMAIN, a malformed response, a network error. */
  | { readonly status: 'error'; readonly code: string; readonly message: string };

/** Options of {@link DnsClient}. */
export interface DnsClientOptions {
  /** Servers to ask, `host`, `host:port` or `[v6]:port`, IP addresses only. Default: the system's resolvers. */
  readonly servers?: readonly string[];
  /** Longest a lookup may take, retries included, in milliseconds: 1–{@link MAX_TIMEOUT_MS}. Default 5000. */
  readonly timeoutMs?: number;
  /** Attempts per lookup within that time, 1–{@link MAX_TRIES}; each goes to the next server. Default 2. */
  readonly tries?: number;
}

export const DEFAULT_TIMEOUT_MS = 5000;
export const DEFAULT_TRIES = 2;
/** Ten minutes: longer than any resolver waits, and far below the 2^31 ms a node timer can hold. */
export const MAX_TIMEOUT_MS = 600_000;
export const MAX_TRIES = 10;

interface Server {
  readonly host: string;
  readonly port: number;
  readonly family: 4 | 6;
}

/** A failed attempt: why, as a Lookup error. */
type Failure = Extract<Lookup<never>, { status: 'error' }>;

/**
 * A small stub resolver over UDP (node:dgram) with TCP (node:net) when an answer is
 * truncated: MX, TXT, TLSA, CNAME, A and AAAA lookups that always settle within the timeout. It
 * reads the response code itself, so every answer but NOERROR and NXDOMAIN (SERVFAIL,
 * REFUSED, YXDOMAIN, NOTAUTH, unassigned codes …) and every malformed response is a
 * failure to check, never "no such record" (node's resolver reports some of them as NODATA).
 */
export class DnsClient {
  private readonly servers: readonly Server[];
  private readonly timeoutMs: number;
  private readonly tries: number;

  constructor(options: DnsClientOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.tries = options.tries ?? DEFAULT_TRIES;
    if (!Number.isInteger(this.timeoutMs) || this.timeoutMs < 1 || this.timeoutMs > MAX_TIMEOUT_MS) {
      throw new MxInputError('timeout', `must be a whole number of milliseconds from 1 to ${MAX_TIMEOUT_MS}, not ${String(options.timeoutMs)}`);
    }
    if (!Number.isInteger(this.tries) || this.tries < 1 || this.tries > MAX_TRIES) throw new MxInputError('tries', `must be a whole number from 1 to ${MAX_TRIES}, not ${String(options.tries)}`);
    const given = options.servers && options.servers.length > 0;
    const servers = given ? options.servers! : getServers();
    if (servers.length === 0) throw new MxInputError('server', 'the system has no name server configured (/etc/resolv.conf); give one with --server <ip[:port]>');
    this.servers = servers.map((text) => {
      const parsed = parseServer(text);
      const bracketed = /^\[(.+)\]:(\d+)$/.exec(parsed);
      const hostPort = /^([^:]+):(\d+)$/.exec(parsed);
      const [host, port] = bracketed ? [bracketed[1], Number(bracketed[2])] : hostPort ? [hostPort[1], Number(hostPort[2])] : [parsed, 53];
      return { host, port, family: isIP(host) === 6 ? 6 : 4 };
    });
  }

  /** MX records at `name`; a null MX comes back with exchange `.`. */
  public mx(name: string): Promise<Lookup<{ priority: number; exchange: string }>> {
    return this.lookup(name, 'MX', (record) => {
      const mx = record.data as { priority: number; exchange: string };
      return { priority: mx.priority, exchange: mx.exchange === '' ? '.' : mx.exchange };
    });
  }

  /** TXT records at `name`, each as its character-strings joined (RFC 7208 §3.3). */
  public txt(name: string): Promise<Lookup<string>> {
    return this.lookup(name, 'TXT', (record) => (record.data as readonly string[]).join(''));
  }

  /** TLSA records at `name` (e.g. `_25._tcp.mx1.example.com`, RFC 7672 §2.2). */
  public tlsa(name: string): Promise<Lookup<TlsaData>> {
    return this.lookup(name, 'TLSA', (record) => record.data as TlsaData);
  }

  /** The CNAME target at `name`, if `name` is an alias. */
  public cname(name: string): Promise<Lookup<string>> {
    return this.lookup(name, 'CNAME', (record) => record.data as string);
  }

  /** IPv4 addresses of `name` (following CNAMEs, as senders do). */
  public a(name: string): Promise<Lookup<string>> {
    return this.lookup(name, 'A', (record) => record.data as string);
  }

  /** IPv6 addresses of `name` (following CNAMEs, as senders do). */
  public aaaa(name: string): Promise<Lookup<string>> {
    return this.lookup(name, 'AAAA', (record) => record.data as string);
  }

  /** Up to `tries` attempts, each on the next server, within the timeout; the last failure when none succeeds. */
  private async lookup<T>(name: string, type: QueryType, map: (record: AnswerRecord) => T): Promise<Lookup<T>> {
    const qname = name.replace(/\.$/, '').toLowerCase();
    const deadline = Date.now() + this.timeoutMs;
    const perTry = Math.max(1, Math.floor(this.timeoutMs / this.tries));
    let failure: Failure = timedOut(name, this.timeoutMs);
    for (let attempt = 0; attempt < this.tries; attempt++) {
      const left = deadline - Date.now();
      if (left <= 0) break;
      const server = this.servers[attempt % this.servers.length];
      const outcome = await ask(server, qname, type, Math.min(perTry, left), () => timedOut(name, this.timeoutMs));
      if ('code' in outcome) {
        failure = outcome;
        continue;
      }
      if (outcome.rcode === RCODE_NXDOMAIN) return { status: 'nxdomain' };
      if (outcome.rcode !== RCODE_NOERROR) {
        failure = rcodeFailure(outcome.rcode, name, type, server);
        continue;
      }
      const answers = answersFor(outcome, qname, type);
      return answers.length > 0 ? { status: 'answer', records: answers.map(map), ttl: Math.min(...answers.map((r) => r.ttl)) } : { status: 'nodata' };
    }
    return failure;
  }
}

function timedOut(name: string, timeoutMs: number): Failure {
  return { status: 'error', code: 'ETIMEOUT', message: `no answer for ${name} within ${timeoutMs} ms` };
}

/** Any rcode but NOERROR and NXDOMAIN: the server did not say whether the record exists. */
function rcodeFailure(rcode: number, name: string, type: QueryType, server: Server): Failure {
  const where = describeServer(server);
  if (rcode === 2) return { status: 'error', code: 'ESERVFAIL', message: `the server failed to answer for ${name} (SERVFAIL from ${where})` };
  if (rcode === 5) return { status: 'error', code: 'EREFUSED', message: `the server refused to answer for ${name} (REFUSED from ${where})` };
  return { status: 'error', code: `RCODE${rcode}`, message: `${where} answered ${rcodeName(rcode)} to the ${type} query for ${name}, which says neither yes nor no` };
}

/**
 * The records of `type` the answer gives for `qname`: at `qname` itself or, except when
 * CNAME itself is asked for, at the end of the CNAME chain the server followed.
 */
function answersFor(response: DnsResponse, qname: string, type: QueryType): AnswerRecord[] {
  const wanted = QTYPE[type];
  const names = new Set([qname]);
  if (type !== 'CNAME') {
    let current = qname;
    // A chain is at most as long as the answer; a loop stops when a name repeats.
    for (;;) {
      const alias = response.answers.find((r) => r.type === QTYPE.CNAME && r.name === current);
      if (!alias || typeof alias.data !== 'string' || names.has(alias.data)) break;
      current = alias.data;
      names.add(current);
    }
  }
  return response.answers.filter((r) => r.type === wanted && names.has(r.name));
}

function describeServer(server: Server): string {
  return server.family === 6 ? `[${server.host}]:${server.port}` : `${server.host}:${server.port}`;
}

/**
 * One query to one server: over UDP, then over TCP when the answer is truncated (TC).
 * Responses with another id or question are ignored (RFC 5452 §9.1); one from the server
 * that cannot be read is a failure.
 */
function ask(server: Server, qname: string, type: QueryType, timeoutMs: number, timeout: () => Failure): Promise<DnsResponse | Failure> {
  const id = randomInt(0, 0x10000);
  let query: Buffer;
  try {
    query = encodeQuery(id, qname, type);
  } catch (error) {
    // A name no query can carry (a label over 63 octets) is a failure to check, not a crash.
    return Promise.resolve({ status: 'error', code: 'EBADNAME', message: `cannot ask for ${qname}: ${(error as Error).message}` });
  }
  const started = Date.now();
  return new Promise((resolve) => {
    const socket = createSocket(server.family === 6 ? 'udp6' : 'udp4');
    const finish = settleOnce(resolve, () => socket.close(), timeoutMs, timeout);
    socket.on('error', (error: NodeJS.ErrnoException) => finish(networkFailure(error, server, qname)));
    socket.on('message', (message, from) => {
      if (from.port !== server.port || from.address !== server.host) return;
      const response = read(message, id, qname, type, server);
      if (response === undefined) return;
      if ('code' in response || !response.truncated) return finish(response);
      finish(askTcp(server, query, id, qname, type, Math.max(1, timeoutMs - (Date.now() - started)), timeout));
    });
    socket.send(query, server.port, server.host);
  });
}

/** The same query over TCP, length-prefixed (RFC 1035 §4.2.2). */
function askTcp(server: Server, query: Buffer, id: number, qname: string, type: QueryType, timeoutMs: number, timeout: () => Failure): Promise<DnsResponse | Failure> {
  return new Promise((resolve) => {
    const socket = connect({ host: server.host, port: server.port });
    let received = Buffer.alloc(0);
    const finish = settleOnce(resolve, () => socket.destroy(), timeoutMs, timeout);
    const length = Buffer.alloc(2);
    length.writeUInt16BE(query.length);
    socket.on('connect', () => socket.write(Buffer.concat([length, query])));
    socket.on('error', (error: NodeJS.ErrnoException) => finish(networkFailure(error, server, qname)));
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      if (received.length < 2 || received.length < 2 + received.readUInt16BE(0)) return;
      const response = read(received.subarray(2, 2 + received.readUInt16BE(0)), id, qname, type, server);
      if (response === undefined) return finish(malformed(server, qname, 'a TCP answer for another query'));
      // TC over TCP: the answer is still cut short, so what it lacks is unknown.
      if (!('code' in response) && response.truncated) return finish(malformed(server, qname, 'the answer over TCP is truncated (TC) too'));
      finish(response);
    });
    socket.on('close', () => finish(malformed(server, qname, 'the TCP connection closed before a whole answer')));
  });
}

/**
 * The `finish` of one socket exchange: the first call wins, stops the timer, closes the
 * socket and resolves (with a value or another exchange's promise); the timer calls it with `timeout()`.
 */
function settleOnce<T>(resolve: (value: T | Promise<T>) => void, close: () => void, timeoutMs: number, timeout: () => T): (result: T | Promise<T>) => void {
  let settled = false;
  const finish = (result: T | Promise<T>): void => {
    if (settled) return;
    settled = true;
    clearTimeout(timer);
    close();
    resolve(result);
  };
  const timer = setTimeout(() => finish(timeout()), timeoutMs);
  return finish;
}

/** The response, a failure when it cannot be read, or undefined when it answers another query. */
function read(message: Buffer, id: number, qname: string, type: QueryType, server: Server): DnsResponse | Failure | undefined {
  if (message.length >= 2 && message.readUInt16BE(0) !== id) return undefined;
  let response: DnsResponse;
  try {
    response = decodeResponse(message);
  } catch (error) {
    if (!(error instanceof MalformedMessage)) throw error;
    return malformed(server, qname, error.message);
  }
  if (response.question && (response.question.name !== qname || response.question.type !== QTYPE[type])) return undefined;
  return response;
}

function malformed(server: Server, qname: string, detail: string): Failure {
  return { status: 'error', code: 'EBADRESP', message: `${describeServer(server)} sent a malformed answer for ${qname} (${detail})` };
}

function networkFailure(error: NodeJS.ErrnoException, server: Server, qname: string): Failure {
  return { status: 'error', code: error.code ?? 'ERROR', message: `lookup of ${qname} at ${describeServer(server)} failed: ${error.message}` };
}

/** `127.0.0.1:5353`, `[::1]:5353`, `::1` or `192.0.2.53` → the form node's `setServers` takes; IP addresses only. */
export function parseServer(server: string): string {
  const text = server.trim();
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(text);
  const hostPort = /^([^:]+):(\d+)$/.exec(text);
  const [host, port] = bracketed ? [bracketed[1], bracketed[2]] : hostPort ? [hostPort[1], hostPort[2]] : [text, undefined];
  const family = isIP(host);
  if (family === 0) throw new MxInputError('server', `"${server}" is not an IP address with an optional port (e.g. 127.0.0.1:5353 or [::1]:5353); name servers are given by address`);
  if (port !== undefined && (Number(port) < 1 || Number(port) > 65535)) throw new MxInputError('server', `port ${port} of "${server}" is not 1–65535`);
  if (port === undefined) return host;
  return family === 6 ? `[${host}]:${port}` : `${host}:${port}`;
}
