import { promises as dns } from 'node:dns';
import { isIP } from 'node:net';
import { MxInputError } from '../dns/errors';

/** The outcome of one DNS lookup, with "no such data" told apart from failures. */
export type Lookup<T> =
  | { readonly status: 'answer'; readonly records: readonly T[] }
  /** The name exists but holds no record of the type (NODATA). */
  | { readonly status: 'nodata' }
  /** The name does not exist (NXDOMAIN). */
  | { readonly status: 'nxdomain' }
  /** No usable answer: timeout, SERVFAIL, REFUSED, … */
  | { readonly status: 'error'; readonly code: string; readonly message: string };

/** Options of {@link DnsClient}. */
export interface DnsClientOptions {
  /** Servers to ask, `host`, `host:port` or `[v6]:port`, IP addresses only. Default: the system's resolvers. */
  readonly servers?: readonly string[];
  /** Longest a lookup may take, retries included, in milliseconds. Default 5000. */
  readonly timeoutMs?: number;
  /** Attempts per lookup within that time. Default 2. */
  readonly tries?: number;
}

export const DEFAULT_TIMEOUT_MS = 5000;
export const DEFAULT_TRIES = 2;

/**
 * A small DNS client over node's resolver (c-ares): MX, CNAME, A and AAAA lookups that
 * always settle within the timeout, each with a resolver of its own so a lookup that
 * runs out of time is cancelled without touching the others.
 */
export class DnsClient {
  private readonly servers?: string[];
  private readonly timeoutMs: number;
  private readonly tries: number;

  constructor(options: DnsClientOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.tries = options.tries ?? DEFAULT_TRIES;
    if (!Number.isInteger(this.timeoutMs) || this.timeoutMs < 1) throw new MxInputError('timeout', `must be a whole number of milliseconds ≥ 1, not ${options.timeoutMs}`);
    if (!Number.isInteger(this.tries) || this.tries < 1) throw new MxInputError('tries', `must be a whole number ≥ 1, not ${options.tries}`);
    if (options.servers && options.servers.length > 0) {
      this.servers = options.servers.map(parseServer);
      // Fail now, not on the first lookup, when node rejects the address form.
      new dns.Resolver().setServers(this.servers);
    }
  }

  /** MX records at `name`; a null MX comes back with exchange `.`. */
  public mx(name: string): Promise<Lookup<{ priority: number; exchange: string }>> {
    return this.lookup(name, (r, fq) => r.resolveMx(fq), (records) => records.map((mx) => ({ priority: mx.priority, exchange: mx.exchange === '' ? '.' : mx.exchange })));
  }

  /** TXT records at `name`, each as its character-strings joined (RFC 7208 §3.3). */
  public txt(name: string): Promise<Lookup<string>> {
    return this.lookup(name, (r, fq) => r.resolveTxt(fq), (records) => records.map((strings) => strings.join('')));
  }

  /** The CNAME target at `name`, if `name` is an alias. */
  public cname(name: string): Promise<Lookup<string>> {
    return this.lookup(name, (r, fq) => r.resolveCname(fq), (records) => records);
  }

  /** IPv4 addresses of `name` (following CNAMEs, as senders do). */
  public a(name: string): Promise<Lookup<string>> {
    return this.lookup(name, (r, fq) => r.resolve4(fq), (records) => records);
  }

  /** IPv6 addresses of `name` (following CNAMEs, as senders do). */
  public aaaa(name: string): Promise<Lookup<string>> {
    return this.lookup(name, (r, fq) => r.resolve6(fq), (records) => records);
  }

  private lookup<R, T>(name: string, query: (resolver: dns.Resolver, absolute: string) => Promise<R>, map: (answer: R) => readonly T[]): Promise<Lookup<T>> {
    const resolver = new dns.Resolver({ timeout: Math.max(1, Math.floor(this.timeoutMs / this.tries)), tries: this.tries });
    if (this.servers) resolver.setServers(this.servers);
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<Lookup<T>>((resolve) => {
      timer = setTimeout(() => {
        resolver.cancel();
        resolve({ status: 'error', code: 'ETIMEOUT', message: `no answer for ${name} within ${this.timeoutMs} ms` });
      }, this.timeoutMs);
    });
    // Absolute, so the system resolver's search list never turns a missing name into another one.
    const answer = query(resolver, name.endsWith('.') ? name : `${name}.`).then(
      (result): Lookup<T> => {
        const records = map(result);
        return records.length > 0 ? { status: 'answer', records } : { status: 'nodata' };
      },
      (error: NodeJS.ErrnoException): Lookup<T> => outcomeOf(error, name, this.timeoutMs),
    );
    return Promise.race([answer, deadline]).finally(() => clearTimeout(timer));
  }
}

function outcomeOf<T>(error: NodeJS.ErrnoException, name: string, timeoutMs: number): Lookup<T> {
  switch (error.code) {
    case 'ENODATA':
      return { status: 'nodata' };
    case 'ENOTFOUND':
      return { status: 'nxdomain' };
    case 'ETIMEOUT':
    case 'ECANCELLED':
      return { status: 'error', code: 'ETIMEOUT', message: `no answer for ${name} within ${timeoutMs} ms` };
    case 'EREFUSED':
      return { status: 'error', code: 'EREFUSED', message: `the server refused to answer for ${name}` };
    case 'ESERVFAIL':
      return { status: 'error', code: 'ESERVFAIL', message: `the server failed to answer for ${name} (SERVFAIL)` };
    default:
      return { status: 'error', code: error.code ?? 'ERROR', message: `lookup of ${name} failed: ${error.message}` };
  }
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
