import { createSocket, Socket } from 'node:dgram';
import { AddressInfo, createServer, Server } from 'node:net';

/**
 * A DNS server for tests that answers as a script says: any rcode, any records, a
 * truncated UDP answer (TC, so the client must ask over TCP), silence, or raw bytes
 * (malformed packets). Listens on 127.0.0.1, UDP and TCP on one free port. Its encoder
 * is written here, apart from the client's decoder, so the two check each other.
 */

/** Record types by name, as the script writes them. */
const TYPES: Readonly<Record<string, number>> = { A: 1, NS: 2, CNAME: 5, SOA: 6, MX: 15, TXT: 16, AAAA: 28 };
const TYPE_NAMES: Readonly<Record<number, string>> = Object.fromEntries(Object.entries(TYPES).map(([k, v]) => [v, k]));

/** One answer record: `{ name: 'mx.example.net', type: 'A', data: '192.0.2.1' }`, MX data `10 mx.example.net`. */
export interface ScriptedRecord {
  readonly name: string;
  readonly type: string;
  readonly data: string;
}

/** What the server does with one query. */
export type ScriptedReply =
  | { readonly rcode?: number; readonly answers?: readonly ScriptedRecord[]; readonly truncated?: boolean }
  | 'silent'
  /** Raw bytes: gets the query's id, returns the datagram (or TCP message) to send. */
  | ((id: number) => Buffer);

/** A query as the server saw it. */
export interface SeenQuery {
  readonly name: string;
  readonly type: string;
  readonly transport: 'udp' | 'tcp';
}

export type Script = (query: SeenQuery) => ScriptedReply;

export interface ScriptedDns {
  /** `127.0.0.1:<port>`, for `--server`. */
  readonly address: string;
  /** Every query received, in order. */
  readonly queries: SeenQuery[];
  close(): Promise<void>;
}

/** NOERROR with the records of `zone` that match the query's name and type (no CNAME chasing). */
export function fromRecords(zone: readonly ScriptedRecord[]): Script {
  return ({ name, type }) => {
    const atName = zone.filter((r) => r.name === name);
    if (atName.length === 0) return { rcode: 3 };
    return { answers: atName.filter((r) => r.type === type || (r.type === 'CNAME' && type !== 'CNAME')) };
  };
}

export async function startScriptedDns(script: Script): Promise<ScriptedDns> {
  const queries: SeenQuery[] = [];
  const handle = (message: Buffer, transport: 'udp' | 'tcp'): Buffer | undefined => {
    const question = readQuestion(message);
    const seen = { ...question, transport };
    queries.push(seen);
    const reply = script(seen);
    if (reply === 'silent') return undefined;
    const id = message.readUInt16BE(0);
    if (typeof reply === 'function') return reply(id);
    return encodeResponse(id, message.subarray(12, question.end), reply.rcode ?? 0, transport === 'udp' && reply.truncated === true ? [] : reply.answers ?? [], transport === 'udp' && reply.truncated === true);
  };

  const udp: Socket = createSocket('udp4');
  udp.on('message', (message, from) => {
    const answer = handle(message, 'udp');
    if (answer) udp.send(answer, from.port, from.address);
  });
  const tcp: Server = createServer((socket) => {
    let buffer = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      while (buffer.length >= 2 && buffer.length >= 2 + buffer.readUInt16BE(0)) {
        const message = buffer.subarray(2, 2 + buffer.readUInt16BE(0));
        buffer = buffer.subarray(2 + message.length);
        const answer = handle(message, 'tcp');
        if (answer) {
          const length = Buffer.alloc(2);
          length.writeUInt16BE(answer.length);
          socket.write(Buffer.concat([length, answer]));
        }
      }
    });
    socket.on('error', () => undefined);
  });
  // One port for both: bind TCP first on a free port, then UDP on the same number.
  const port = await new Promise<number>((resolve, reject) => {
    tcp.once('error', reject);
    tcp.listen(0, '127.0.0.1', () => resolve((tcp.address() as AddressInfo).port));
  });
  await new Promise<void>((resolve, reject) => {
    udp.once('error', reject);
    udp.bind(port, '127.0.0.1', () => resolve());
  });
  return {
    address: `127.0.0.1:${port}`,
    queries,
    close: async () => {
      await new Promise<void>((resolve) => udp.close(() => resolve()));
      await new Promise<void>((resolve) => tcp.close(() => resolve()));
    },
  };
}

function readQuestion(message: Buffer): { name: string; type: string; end: number } {
  const labels: string[] = [];
  let offset = 12;
  while (message[offset] !== 0) {
    labels.push(message.toString('latin1', offset + 1, offset + 1 + message[offset]).toLowerCase());
    offset += message[offset] + 1;
  }
  const type = message.readUInt16BE(offset + 1);
  return { name: labels.join('.'), type: TYPE_NAMES[type] ?? String(type), end: offset + 5 };
}

function encodeName(name: string): Buffer {
  const labels = name.replace(/\.$/, '').split('.').filter((l) => l !== '');
  return Buffer.concat([...labels.map((l) => Buffer.concat([Buffer.from([l.length]), Buffer.from(l, 'latin1')])), Buffer.from([0])]);
}

function encodeData(record: ScriptedRecord): Buffer {
  switch (record.type) {
    case 'A':
      return Buffer.from(record.data.split('.').map(Number));
    case 'AAAA': {
      const [head, tail = ''] = record.data.split('::');
      const groups = (part: string) => (part === '' ? [] : part.split(':'));
      const all = [...groups(head), ...Array(8 - groups(head).length - groups(tail).length).fill('0'), ...groups(tail)];
      const bytes = Buffer.alloc(16);
      all.forEach((g, i) => bytes.writeUInt16BE(parseInt(g, 16), i * 2));
      return bytes;
    }
    case 'MX': {
      const [priority, exchange] = record.data.split(' ');
      const pref = Buffer.alloc(2);
      pref.writeUInt16BE(Number(priority));
      return Buffer.concat([pref, encodeName(exchange)]);
    }
    case 'CNAME':
      return encodeName(record.data);
    default:
      return Buffer.concat([Buffer.from([record.data.length]), Buffer.from(record.data, 'latin1')]);
  }
}

function encodeResponse(id: number, question: Buffer, rcode: number, answers: readonly ScriptedRecord[], truncated: boolean): Buffer {
  const header = Buffer.alloc(12);
  header.writeUInt16BE(id, 0);
  header.writeUInt16BE(0x8000 | 0x0100 | 0x0080 | (truncated ? 0x0200 : 0) | (rcode & 0x0f), 2);
  header.writeUInt16BE(1, 4);
  header.writeUInt16BE(answers.length, 6);
  const records = answers.map((record) => {
    const data = encodeData(record);
    const fixed = Buffer.alloc(10);
    fixed.writeUInt16BE(TYPES[record.type], 0);
    fixed.writeUInt16BE(1, 2);
    fixed.writeUInt32BE(300, 4);
    fixed.writeUInt16BE(data.length, 8);
    return Buffer.concat([encodeName(record.name), fixed, data]);
  });
  return Buffer.concat([header, question, ...records]);
}

/** The header of a response to `id` with the given flags word and counts, and nothing after it. */
export function rawHeader(id: number, flags: number, counts: [number, number, number, number]): Buffer {
  const header = Buffer.alloc(12);
  header.writeUInt16BE(id, 0);
  header.writeUInt16BE(flags, 2);
  counts.forEach((count, i) => header.writeUInt16BE(count, 4 + i * 2));
  return header;
}
