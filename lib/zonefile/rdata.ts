import { isIP, isIPv4, isIPv6 } from 'node:net';
import { absoluteName, parseTtl } from './names';
import { decodeOctets, escapeString, Token } from './tokens';

/** Record data as read: BIND's presentation form plus what the rules use. */
export interface Rdata {
  /** The data as `named-checkzone -D` prints it: names absolute and lower-case, strings quoted, numbers decimal. */
  readonly data: string;
  /** Meaning for the rules: the address, the target or exchange name, the joined TXT text; else {@link data}. */
  readonly value: string;
  /** MX (AFSDB, RT, KX) preference, SRV priority. */
  readonly priority?: number;
  /** TXT/SPF: each character-string, decoded as UTF-8. */
  readonly strings?: readonly string[];
  /** True when the data was given in RFC 3597 generic form (`\# len hex`) and not decoded. */
  readonly generic?: boolean;
  /**
   * TXT/SPF: true when the text was written as several character-strings, some of them
   * unquoted words: `v=spf1 mx -all` unquoted is three strings, which receivers join
   * without spaces (RFC 7208 §3.3).
   */
  readonly unquotedWords?: boolean;
  /**
   * MX: the exchange as written when it is an IP address without a trailing dot. BIND reads
   * it as a name below the origin (`192.0.2.99.example.com.`) and warns "MX is an address".
   */
  readonly exchangeAddress?: string;
}

type Read = Rdata | { error: string };

/** Types whose data is one domain name (RFC 1035 §3.3, RFC 6672). */
const ONE_NAME = new Set(['NS', 'CNAME', 'PTR', 'DNAME', 'MB', 'MD', 'MF', 'MG', 'MR']);
/** Types whose data is a 16-bit preference and a name (RFC 1035 §3.3.9, RFC 1183, RFC 2230). */
const PREFERENCE_NAME = new Set(['MX', 'AFSDB', 'RT', 'KX']);

/**
 * Every type BIND 9.18 knows by mnemonic (lib/dns/rdata); a word outside this set (and
 * not TYPEnnn) where the type belongs is a misread line, reported, never guessed.
 */
export const KNOWN_TYPES: ReadonlySet<string> = new Set(
  ('A NS MD MF CNAME SOA MB MG MR NULL WKS PTR HINFO MINFO MX TXT RP AFSDB X25 ISDN RT NSAP NSAP-PTR SIG KEY PX GPOS ' +
    'AAAA LOC NXT EID NIMLOC SRV ATMA NAPTR KX CERT A6 DNAME SINK APL DS SSHFP IPSECKEY RRSIG NSEC DNSKEY DHCID NSEC3 ' +
    'NSEC3PARAM TLSA SMIMEA HIP NINFO RKEY TALINK CDS CDNSKEY OPENPGPKEY CSYNC ZONEMD SVCB HTTPS SPF NID L32 L64 LP ' +
    'EUI48 EUI64 URI CAA AVC DOA AMTRELAY RESINFO TA DLV').split(' '),
);

/** `TYPE123` (RFC 3597 §5): the type by number. */
export const TYPE_NUMBER = /^TYPE(\d{1,5})$/;

/**
 * Read the data of one record of `type` (upper case) from its tokens; names are resolved
 * against `origin`. Returns an error message when BIND would refuse the data.
 */
export function readRdata(type: string, tokens: readonly Token[], origin: string): Read {
  if (tokens.length > 0 && tokens[0].text === '\\#' && !tokens[0].quoted) return readGeneric(type, tokens);
  if (tokens.length === 0) return { error: `${type} record has no data` };
  if (ONE_NAME.has(type)) {
    const target = oneName(type, tokens, 0, origin);
    return typeof target !== 'string' ? target : { data: target, value: target };
  }
  if (PREFERENCE_NAME.has(type)) {
    const preference = uint(tokens[0], 16, `${type} preference`);
    if (typeof preference === 'string') return { error: preference };
    const exchange = oneName(type, tokens, 1, origin);
    if (typeof exchange !== 'string') return exchange;
    const data = `${preference} ${exchange}`;
    const written = tokens[1].text;
    // An address never starts with a letter (but IPv6 `fe80::1`, which holds a colon).
    const address = type === 'MX' && (isDigit(written.charCodeAt(0)) || written.includes(':')) && isIP(written) !== 0;
    return address ? { data, value: exchange, priority: preference, exchangeAddress: written } : { data, value: exchange, priority: preference };
  }
  switch (type) {
    case 'A': return address(tokens, 'A', (text) => (isIPv4(text) ? text : undefined));
    case 'AAAA': return address(tokens, 'AAAA', canonicalIpv6);
    case 'TXT':
    case 'SPF': return txt(type, tokens);
    case 'SOA': return soa(tokens, origin);
    case 'SRV': return srv(tokens, origin);
    case 'CAA': return caa(tokens);
    case 'HINFO': {
      if (tokens.length !== 2) return { error: `HINFO takes two character-strings (CPU and OS), not ${tokens.length}` };
      const data = strings(tokens);
      return 'error' in data ? data : { data: data.printed.join(' '), value: data.printed.join(' ') };
    }
    default: {
      const data = tokens.map((t) => (t.quoted ? `"${t.text}"` : t.text)).join(' ');
      return { data, value: data };
    }
  }
}

function address(tokens: readonly Token[], type: string, canonical: (text: string) => string | undefined): Read {
  if (tokens.length !== 1) return { error: `${type} takes one address, not ${tokens.length} words` };
  const text = canonical(tokens[0].text);
  return text === undefined ? { error: `"${tokens[0].text}" is not an ${type === 'A' ? 'IPv4' : 'IPv6'} address` } : { data: text, value: text };
}

/** An IPv6 address as BIND prints it (RFC 5952: lower case, longest zero run as `::`). */
function canonicalIpv6(text: string): string | undefined {
  if (!isIPv6(text) || text.includes('%')) return undefined;
  if (text.includes('.')) return text.toLowerCase();
  return new URL(`http://[${text}]/`).hostname.slice(1, -1);
}

/** The one name of the tokens from `from` on, absolute (one string per name written: zones repeat their exchanges and targets). */
function oneName(type: string, tokens: readonly Token[], from: number, origin: string): string | { error: string } {
  if (tokens.length !== from + 1) return names(type, tokens.slice(from), origin, 1) as { error: string };
  const text = tokens[from].text;
  if (origin !== namesOrigin || knownNames.size >= MAX_KNOWN_NAMES) {
    knownNames.clear();
    namesOrigin = origin;
  }
  const known = knownNames.get(text);
  if (known !== undefined) return known;
  const name = absoluteName(text, origin);
  if (typeof name !== 'string') return { error: `${type}: ${name.error}` };
  knownNames.set(text, name);
  return name;
}

/** Names {@link oneName} read under {@link namesOrigin}, by the text written; bounded, emptied when full. */
const knownNames = new Map<string, string>();
let namesOrigin: string | undefined;
const MAX_KNOWN_NAMES = 4096;

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/** `count` names from the tokens, absolute. */
function names(type: string, tokens: readonly Token[], origin: string, count: number): { names: string[] } | { error: string } {
  if (tokens.length !== count) return { error: `${type} takes ${count === 1 ? 'one name' : `${count} names`} here, not ${tokens.length} words ("${tokens.map((t) => t.text).join(' ')}")` };
  const out: string[] = [];
  for (const token of tokens) {
    const name = absoluteName(token.text, origin);
    if (typeof name !== 'string') return { error: `${type}: ${name.error}` };
    out.push(name);
  }
  return { names: out };
}

/** An unsigned integer of `bits` bits written in decimal, or an error message. */
function uint(token: Token | undefined, bits: number, what: string): number | string {
  const max = 2 ** bits - 1;
  if (token === undefined || !/^\d+$/.test(token.text)) return `${what} must be a number from 0 to ${max}, not ${token ? `"${token.text}"` : 'missing'}`;
  const value = Number(token.text);
  return value > max ? `${what} ${value} is above ${max}` : value;
}

/** Character-strings: quoted or not, each word its own string (RFC 1035 §5.1), at most 255 octets each. */
function strings(tokens: readonly Token[]): { octets: string[]; printed: string[] } | { error: string } {
  const octets: string[] = [];
  const printed: string[] = [];
  for (const token of tokens) {
    const value = decodeOctets(token.text);
    if (value === undefined) return { error: `bad escape in "${token.text}" (\\DDD must be 000–255)` };
    if (value.length > 255) return { error: `a character-string of ${value.length} octets; at most 255 are allowed (split it into several quoted strings)` };
    octets.push(value);
    printed.push(`"${escapeString(value)}"`);
  }
  return { octets, printed };
}

/** TXT: the strings; the text the rules see is them joined without separators (RFC 7208 §3.3). */
function txt(type: string, tokens: readonly Token[]): Read {
  const read = strings(tokens);
  if ('error' in read) return { error: `${type}: ${read.error}` };
  const decoded = read.octets.map((s) => (isAscii(s) ? s : Buffer.from(s, 'latin1').toString('utf8')));
  const unquotedWords = tokens.length > 1 && tokens.some((t) => !t.quoted);
  return { data: read.printed.join(' '), value: decoded.join(''), strings: decoded, ...(unquotedWords ? { unquotedWords } : {}) };
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

function soa(tokens: readonly Token[], origin: string): Read {
  if (tokens.length !== 7) return { error: `SOA takes 7 fields (mname rname serial refresh retry expire minimum), not ${tokens.length}` };
  const hosts = names('SOA', tokens.slice(0, 2), origin, 2);
  if ('error' in hosts) return hosts;
  const serial = uint(tokens[2], 32, 'SOA serial');
  if (typeof serial === 'string') return { error: serial };
  const timers: number[] = [];
  for (const [i, field] of ['refresh', 'retry', 'expire', 'minimum'].entries()) {
    const seconds = parseTtl(tokens[3 + i].text);
    if (seconds === undefined || seconds > 2 ** 32 - 1) return { error: `SOA ${field} must be a time (300, 1h, 2w…), not "${tokens[3 + i].text}"` };
    timers.push(seconds);
  }
  const data = [...hosts.names, serial, ...timers].join(' ');
  return { data, value: data };
}

function srv(tokens: readonly Token[], origin: string): Read {
  if (tokens.length !== 4) return { error: `SRV takes priority weight port target, not ${tokens.length} words` };
  const numbers: number[] = [];
  for (const [i, field] of ['priority', 'weight', 'port'].entries()) {
    const n = uint(tokens[i], 16, `SRV ${field}`);
    if (typeof n === 'string') return { error: n };
    numbers.push(n);
  }
  const target = names('SRV', tokens.slice(3), origin, 1);
  if ('error' in target) return target;
  return { data: `${numbers.join(' ')} ${target.names[0]}`, value: target.names[0], priority: numbers[0] };
}

function caa(tokens: readonly Token[]): Read {
  if (tokens.length !== 3) return { error: `CAA takes flags tag value, not ${tokens.length} words` };
  const flags = uint(tokens[0], 8, 'CAA flags');
  if (typeof flags === 'string') return { error: flags };
  if (!/^[A-Za-z0-9]+$/.test(tokens[1].text)) return { error: `CAA tag must be letters and digits (issue, issuewild, iodef), not "${tokens[1].text}"` };
  const value = strings([tokens[2]]);
  if ('error' in value) return { error: `CAA: ${value.error}` };
  const data = `${flags} ${tokens[1].text} ${value.printed[0]}`;
  return { data, value: data };
}

/** RFC 3597 `\# length hex…`: checked and kept; A and AAAA are decoded, other types left generic. */
function readGeneric(type: string, tokens: readonly Token[]): Read {
  const length = tokens[1] && /^\d+$/.test(tokens[1].text) ? Number(tokens[1].text) : undefined;
  const hex = tokens.slice(2).map((t) => t.text).join('').toLowerCase();
  if (length === undefined || !/^[0-9a-f]*$/.test(hex) || hex.length !== length * 2) {
    return { error: `generic data "\\# ${tokens.slice(1).map((t) => t.text).join(' ')}" must be "\\# <length> <hex>" with exactly length octets of hex (RFC 3597 §5)` };
  }
  const bytes = Buffer.from(hex, 'hex');
  if (type === 'A' && length === 4) return { data: [...bytes].join('.'), value: [...bytes].join('.') };
  if (type === 'AAAA' && length === 16) {
    const text = canonicalIpv6(hex.match(/.{4}/g)!.join(':'))!;
    return { data: text, value: text };
  }
  const data = length === 0 ? '\\# 0' : `\\# ${length} ${hex}`;
  return { data, value: data, generic: true };
}
