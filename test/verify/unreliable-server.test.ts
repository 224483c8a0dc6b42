import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runVerify } from '../../lib/cli/verify';
import { fromRecords, Script, startScriptedDns } from './scripted-dns';

/**
 * `cdktf-mx verify` against a server that does not answer properly. README: exit 2 "could not
 * check" for anything that is not a whole NOERROR/NXDOMAIN answer; an answer is read as it is on
 * the wire (a label holding dots is one label; records of another class answer nothing asked).
 */
const dir = mkdtempSync(join(tmpdir(), 'cdktf-mx-verify-unreliable-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const declaration = join(dir, 'example.com.json');
writeFileSync(declaration, JSON.stringify({ zone: 'example.com', records: [
  { name: '@', type: 'MX', priority: 10, value: 'mx1.example.net' },
  { name: '@', type: 'MX', priority: 20, value: 'mx2.example.net' },
] }));
const live = fromRecords([
  { name: 'example.com', type: 'MX', data: '10 mx1.example.net' },
  { name: 'example.com', type: 'MX', data: '20 mx2.example.net' },
  { name: 'mx1.example.net', type: 'A', data: '192.0.2.1' },
  { name: 'mx2.example.net', type: 'A', data: '192.0.2.2' },
]);

const wireName = (labels: string[]) => Buffer.concat([...labels.map((l) => Buffer.concat([Buffer.from([l.length]), Buffer.from(l, 'latin1')])), Buffer.from([0])]);

/** A response header + the question, with `flags` and no records. */
function emptyResponse(id: number, flags: number, qname: string, qtype: number): Buffer {
  const header = Buffer.alloc(12);
  header.writeUInt16BE(id, 0);
  header.writeUInt16BE(flags, 2);
  header.writeUInt16BE(1, 4);
  return Buffer.concat([header, wireName(qname.split('.')), Buffer.from([0, qtype, 0, 1])]);
}

/** An MX record of `example.com` in wire form, of class `cls` (1 = IN, 3 = CH). */
function mxRecord(labels: string[], preference: number, cls = 1): Buffer {
  const data = Buffer.concat([Buffer.from([preference >> 8, preference & 0xff]), wireName(labels)]);
  const fixed = Buffer.alloc(10);
  fixed.writeUInt16BE(15, 0);
  fixed.writeUInt16BE(cls, 2);
  fixed.writeUInt32BE(300, 4);
  fixed.writeUInt16BE(data.length, 8);
  return Buffer.concat([wireName(['example', 'com']), fixed, data]);
}

/** A NOERROR answer to the MX query holding `records`. */
const mxAnswer = (records: Buffer[]) => (id: number): Buffer => {
  const response = emptyResponse(id, 0x8180, 'example.com', 15);
  response.writeUInt16BE(records.length, 6); // ANCOUNT
  return Buffer.concat([response, ...records]);
};

async function verify(script: Script): Promise<{ code: number; out: string }> {
  const server = await startScriptedDns(script);
  let out = '';
  try {
    const code = await runVerify([declaration, '--server', server.address, '--format', 'json', '--timeout', '2000'], {
      stdout: { write: (t: string) => (out += t) },
      stderr: { write: () => undefined },
      env: {},
    });
    return { code, out };
  } finally {
    await server.close();
  }
}

describe('verify against a server that does not give a proper answer', () => {
  // The MX answer has TC set over UDP AND over TCP (a broken server or middlebox). The client
  // asks again over TCP, gets TC again, drops the (truncated) answers and reads NOERROR with
  // no records: "drift: missing MX ... (live: no MX)", exit 1, though nothing was learned.
  test('a truncated answer over TCP is "could not check" (exit 2), not drift', async () => {
    const { code, out } = await verify((q) => (q.type === 'MX' ? (id: number) => emptyResponse(id, 0x8000 | 0x0100 | 0x0080 | 0x0200, 'example.com', 15) : live(q)));
    expect(out).not.toContain('"drift"');
    expect(code).toBe(2);
  });

  // A label may hold any octet, "." included (RFC 2181 §11). The decoder joins labels with "."
  // without escaping, so the one-label name `mx1.example.net` (wire: 15 "mx1.example.net" 0)
  // compares equal to the three-label mx1.example.net: verify says "as declared", exit 0,
  // for an MX set that points at a name no sender can reach.
  test('an exchange whose single label holds dots is not the declared host', async () => {
    const { code, out } = await verify((q) => (q.type === 'MX' ? mxAnswer([mxRecord(['mx1.example.net'], 10), mxRecord(['mx2', 'example', 'net'], 20)]) : live(q)));
    expect(out).not.toMatch(/"status": "ok",\s*"message": "as declared/);
    expect(out).toContain('mx1\\\\.example\\\\.net'); // the live exchange as BIND prints it (JSON-escaped)
    expect(code).not.toBe(0);
  });

  test('MX records of class CH are not the IN records asked for', async () => {
    const { code, out } = await verify((q) => (q.type === 'MX' ? mxAnswer([mxRecord(['mx1', 'example', 'net'], 10, 3), mxRecord(['mx2', 'example', 'net'], 20, 3)]) : live(q)));
    expect(out).not.toMatch(/"status": "ok",\s*"message": "as declared/);
    expect(code).not.toBe(0);
  });

  test('the same MX records of class IN are as declared (the answers above differ only in that)', async () => {
    const { code } = await verify((q) => (q.type === 'MX' ? mxAnswer([mxRecord(['mx1', 'example', 'net'], 10), mxRecord(['mx2', 'example', 'net'], 20)]) : live(q)));
    expect(code).toBe(0);
  });
});

