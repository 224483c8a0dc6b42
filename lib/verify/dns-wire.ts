/**
 * The DNS wire format (RFC 1035 §4), just what `verify` needs: a query for one name and
 * type, and the parts of a response it reads (id, TC bit, rcode, answer records). Pure
 * functions over bytes, so every field of a response, including a malformed one, is seen.
 */

/** Record types `verify` and the DNS adoption source ask for (RFC 1035 §3.2.2, RFC 3596 §2.1, RFC 6698 §7.1). */
export const QTYPE = { A: 1, CNAME: 5, MX: 15, TXT: 16, AAAA: 28, TLSA: 52 } as const;
export type QueryType = keyof typeof QTYPE;

/** Response codes by number (RFC 1035 §4.1.1, RFC 2136 §2.2, RFC 6895 §2.3). */
export const RCODE_NAMES: Readonly<Record<number, string>> = {
  0: 'NOERROR', 1: 'FORMERR', 2: 'SERVFAIL', 3: 'NXDOMAIN', 4: 'NOTIMP', 5: 'REFUSED',
  6: 'YXDOMAIN', 7: 'YXRRSET', 8: 'NXRRSET', 9: 'NOTAUTH', 10: 'NOTZONE', 11: 'DSOTYPENI',
};

export const RCODE_NOERROR = 0;
export const RCODE_NXDOMAIN = 3;
/** Class IN, the only one queries ask (RFC 1035 §3.2.4). */
export const CLASS_IN = 1;

/** `SERVFAIL (2)`, `rcode 12` for unassigned ones. */
export function rcodeName(rcode: number): string {
  return RCODE_NAMES[rcode] !== undefined ? `${RCODE_NAMES[rcode]} (${rcode})` : `rcode ${rcode}`;
}

/** A response that cannot be read: truncated, a bad name pointer, a record running past the end. */
export class MalformedMessage extends Error {}

/** One resource record of the answer section, its data decoded for the types `verify` asks for. */
export interface AnswerRecord {
  /** Owner name, lower case, no trailing dot (`''` for the root). */
  readonly name: string;
  readonly type: number;
  /** TTL in seconds as the server answered it (RFC 2181 §8: a value with the top bit set counts as 0). */
  readonly ttl: number;
  /** A/AAAA: the address; CNAME: the target; MX: preference and exchange (`''` for the root); TXT: its character-strings; TLSA: its fields, data as lower-case hex. Other types: undefined. */
  readonly data?: string | { readonly priority: number; readonly exchange: string } | readonly string[] | TlsaData;
}

/** A TLSA record's fields (RFC 6698 §2.1). */
export interface TlsaData {
  readonly usage: number;
  readonly selector: number;
  readonly matchingType: number;
  /** Certificate association data, lower-case hex. */
  readonly data: string;
}

/** The parts of a response `verify` reads. */
export interface DnsResponse {
  readonly id: number;
  /** TC: the answer did not fit in the UDP datagram; ask again over TCP (RFC 1035 §4.2.2, RFC 7766). */
  readonly truncated: boolean;
  /** The response code: the 4 header bits (extended rcodes need EDNS, which the query does not offer). */
  readonly rcode: number;
  /** The question the response answers, lower case, no trailing dot. */
  readonly question?: { readonly name: string; readonly type: number };
  readonly answers: readonly AnswerRecord[];
}

/** A recursive query (RD set) for `name` (absolute, trailing dot optional) and `type`. */
export function encodeQuery(id: number, name: string, type: QueryType): Buffer {
  const labels = wireLabels(name);
  const parts: Buffer[] = [];
  const header = Buffer.alloc(12);
  header.writeUInt16BE(id, 0);
  header.writeUInt16BE(0x0100, 2); // RD: ask the server to recurse
  header.writeUInt16BE(1, 4); // QDCOUNT
  parts.push(header);
  for (const bytes of labels) {
    if (bytes.length > 63) throw new MalformedMessage(`label "${bytes.toString('latin1', 0, 20)}…" of ${name} is longer than 63 octets`);
    parts.push(Buffer.from([bytes.length]), bytes);
  }
  const tail = Buffer.alloc(5);
  tail.writeUInt16BE(QTYPE[type], 1);
  tail.writeUInt16BE(CLASS_IN, 3);
  parts.push(tail);
  return Buffer.concat(parts);
}

/**
 * The labels of a name in presentation form (as {@link decodeResponse} gives names): split at
 * dots that are not escaped, `\\.` and `\\\\` the characters, `\\DDD` the octet DDD (RFC 1035 §5.1).
 */
function wireLabels(name: string): Buffer[] {
  const labels: Buffer[] = [];
  let label: number[] = [];
  const text = name.endsWith('.') && !name.endsWith('\\.') ? name.slice(0, -1) : name;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x2e) {
      if (label.length > 0) labels.push(Buffer.from(label));
      label = [];
    } else if (c === 0x5c && /^\d{3}$/.test(text.slice(i + 1, i + 4))) {
      label.push(Number(text.slice(i + 1, i + 4)) & 0xff);
      i += 3;
    } else if (c === 0x5c && i + 1 < text.length) {
      label.push(text.charCodeAt(++i) & 0xff);
    } else {
      label.push(c & 0xff);
    }
  }
  if (label.length > 0) labels.push(Buffer.from(label));
  return labels;
}

/** Read a response; throws {@link MalformedMessage} when it is not a DNS message. */
export function decodeResponse(message: Buffer): DnsResponse {
  if (message.length < 12) throw new MalformedMessage(`a ${message.length}-byte message is shorter than a DNS header`);
  const id = message.readUInt16BE(0);
  const flags = message.readUInt16BE(2);
  if ((flags & 0x8000) === 0) throw new MalformedMessage('the message is a query, not a response');
  const qdcount = message.readUInt16BE(4);
  const ancount = message.readUInt16BE(6);
  const truncated = (flags & 0x0200) !== 0;
  const rcode = flags & 0x000f;
  let offset = 12;
  let question: DnsResponse['question'];
  for (let i = 0; i < qdcount; i++) {
    const name = readName(message, offset);
    offset = name.end;
    need(message, offset, 4);
    if (i === 0) question = { name: name.name, type: message.readUInt16BE(offset) };
    offset += 4;
  }
  const answers: AnswerRecord[] = [];
  // A truncated response may stop anywhere: only its header counts, it is asked again over TCP.
  if (truncated) return { id, truncated, rcode, question, answers };
  for (let i = 0; i < ancount; i++) {
    const owner = readName(message, offset);
    offset = owner.end;
    need(message, offset, 10);
    const type = message.readUInt16BE(offset);
    const cls = message.readUInt16BE(offset + 2);
    const ttl = message.readUInt32BE(offset + 4);
    const length = message.readUInt16BE(offset + 8);
    const start = offset + 10;
    need(message, start, length);
    // The query asks class IN: a record of another class (CH, HS …) answers nothing asked.
    if (cls === CLASS_IN) answers.push({ name: owner.name, type, ttl: ttl > 0x7fffffff ? 0 : ttl, data: readData(message, type, start, length) });
    offset = start + length;
  }
  return { id, truncated, rcode, question, answers };
}

function readData(message: Buffer, type: number, start: number, length: number): AnswerRecord['data'] {
  const end = start + length;
  switch (type) {
    case QTYPE.A:
      if (length !== 4) throw new MalformedMessage(`an A record of ${length} bytes (not 4)`);
      return [...message.subarray(start, end)].join('.');
    case QTYPE.AAAA:
      if (length !== 16) throw new MalformedMessage(`an AAAA record of ${length} bytes (not 16)`);
      return ipv6(message.subarray(start, end));
    case QTYPE.CNAME: {
      const target = readName(message, start);
      if (target.end !== end) throw new MalformedMessage('a CNAME record whose target does not fill its data');
      return target.name;
    }
    case QTYPE.MX: {
      if (length < 3) throw new MalformedMessage(`an MX record of ${length} bytes`);
      const exchange = readName(message, start + 2);
      if (exchange.end !== end) throw new MalformedMessage('an MX record whose exchange does not fill its data');
      return { priority: message.readUInt16BE(start), exchange: exchange.name };
    }
    case QTYPE.TXT:
      return characterStrings(message, start, end);
    case QTYPE.TLSA:
      // Three octets, then the association data (RFC 6698 §2.1); an empty one is not a TLSA record.
      if (length < 4) throw new MalformedMessage(`a TLSA record of ${length} bytes`);
      return { usage: message[start], selector: message[start + 1], matchingType: message[start + 2], data: message.toString('hex', start + 3, end) };
    default:
      return undefined;
  }
}

/** TXT data: one or more character-strings, each a length octet and that many octets (RFC 1035 §3.3.14), decoded as UTF-8. */
function characterStrings(message: Buffer, start: number, end: number): string[] {
  const strings: string[] = [];
  let offset = start;
  if (start === end) throw new MalformedMessage('a TXT record with no character-string');
  while (offset < end) {
    const length = message[offset];
    if (offset + 1 + length > end) throw new MalformedMessage('a TXT character-string running past its record');
    strings.push(message.toString('utf8', offset + 1, offset + 1 + length));
    offset += 1 + length;
  }
  return strings;
}

/** RFC 5952 text: lower case, the longest run of two or more zero groups as `::`. */
function ipv6(bytes: Buffer): string {
  const groups = Array.from({ length: 8 }, (_, i) => bytes.readUInt16BE(i * 2));
  let best = { start: -1, length: 0 };
  for (let i = 0; i < 8; i++) {
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > best.length && j - i >= 2) best = { start: i, length: j - i };
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (best.start < 0) return hex.join(':');
  return `${hex.slice(0, best.start).join(':')}::${hex.slice(best.start + best.length).join(':')}`;
}

/** A possibly compressed name (RFC 1035 §4.1.4) at `offset`: the name and where the field ends. */
function readName(message: Buffer, offset: number): { name: string; end: number } {
  const labels: string[] = [];
  let position = offset;
  let end: number | undefined;
  let length = 0;
  // Each pointer must point before itself, so a loop of pointers cannot go on for ever.
  let limit = offset;
  for (;;) {
    need(message, position, 1);
    const size = message[position];
    if (size === 0) {
      end ??= position + 1;
      break;
    }
    if ((size & 0xc0) === 0xc0) {
      need(message, position, 2);
      const target = message.readUInt16BE(position) & 0x3fff;
      if (target >= limit) throw new MalformedMessage('a name pointer that does not point backwards');
      end ??= position + 2;
      limit = target;
      position = target;
      continue;
    }
    if ((size & 0xc0) !== 0) throw new MalformedMessage(`a label type 0x${size.toString(16)} that is not defined`);
    need(message, position + 1, size);
    labels.push(presentationLabel(message, position + 1, size));
    length += size + 1;
    if (length > 255) throw new MalformedMessage('a name longer than 255 octets');
    position += size + 1;
  }
  return { name: labels.join('.'), end };
}

/**
 * A label as presentation text (RFC 1035 §5.1, as BIND prints it): lower case, `.` and `\\` escaped
 * with a backslash and bytes that are not printable ASCII as `\\DDD`. A label may hold any octet,
 * `.` included (RFC 2181 §11): unescaped, the one label `mx1.example.net` would read as three.
 */
function presentationLabel(message: Buffer, start: number, size: number): string {
  let text = '';
  for (let i = start; i < start + size; i++) {
    const byte = message[i];
    if (byte === 0x2e || byte === 0x5c) text += `\\${String.fromCharCode(byte)}`;
    else if (byte <= 0x20 || byte >= 0x7f) text += `\\${String(byte).padStart(3, '0')}`;
    else text += String.fromCharCode(byte >= 0x41 && byte <= 0x5a ? byte + 0x20 : byte);
  }
  return text;
}

function need(message: Buffer, offset: number, bytes: number): void {
  if (offset + bytes > message.length) throw new MalformedMessage(`the message ends at byte ${message.length}, inside a field that needs ${offset + bytes}`);
}
