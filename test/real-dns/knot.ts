import { ChildProcess, spawn } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A zone to serve: its apex and complete zone text (with SOA and NS). */
export interface ServedZone {
  readonly apex: string;
  readonly text: string;
}

/** A running Knot DNS server on the loopback address. */
export interface KnotServer {
  /** `127.0.0.1:<port>`, as `setServers` and `cdktf-mx verify --server` take it. */
  readonly address: string;
  readonly port: number;
  /** What knotd logged so far, for failure messages. */
  log(): string;
  /** Stop knotd (TERM, then KILL) and remove its files; waits at most a few seconds. */
  stop(): Promise<void>;
}

const LOOPBACK = '127.0.0.1';
const READY_TIMEOUT_MS = 15_000;
const STOP_TIMEOUT_MS = 5_000;

/**
 * Start knotd serving `zones` on 127.0.0.1 at a free port, in a temporary directory of
 * its own, and wait (bounded) until every zone is loaded. Rejects with knotd's log if a
 * zone fails to load: Knot refuses zones with errors such as CNAME beside other data.
 */
export async function startKnot(knotd: string, zones: readonly ServedZone[]): Promise<KnotServer> {
  let lastError: Error | undefined;
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    try {
      return await launch(knotd, zones, port);
    } catch (error) {
      lastError = error as Error;
      // Another process took the port between our probe and knotd's bind: try another.
      if (!/cannot bind|address already in use/i.test(lastError.message)) throw lastError;
    }
  }
  throw lastError;
}

async function launch(knotd: string, zones: readonly ServedZone[], port: number): Promise<KnotServer> {
  const dir = mkdtempSync(join(tmpdir(), 'cdktf-mx-knot-'));
  const zoneConfig = zones.map((zone) => {
    const file = join(dir, `${zone.apex}.zone`);
    writeFileSync(file, zone.text);
    return `  - domain: ${zone.apex}\n    file: "${file}"`;
  });
  const config = join(dir, 'knot.conf');
  writeFileSync(config, [
    'server:',
    `    rundir: "${dir}"`,
    `    listen: ${LOOPBACK}@${port}`,
    '    udp-workers: 1',
    '    tcp-workers: 1',
    '    background-workers: 1',
    'database:',
    `    storage: "${dir}"`,
    'log:',
    '  - target: stderr',
    '    any: info',
    'template:',
    '  - id: default',
    `    storage: "${dir}"`,
    '    semantic-checks: on',
    '    zonefile-sync: -1',
    '    journal-content: none',
    'zone:',
    ...zoneConfig,
    '',
  ].join('\n'));

  const child = spawn(knotd, ['-c', config], { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  // Should the test process end without stop() (a crash, a killed worker), knotd goes with it.
  const killOnExit = (): void => {
    child.kill('SIGKILL');
  };
  process.once('exit', killOnExit);
  const stop = async (): Promise<void> => {
    process.removeListener('exit', killOnExit);
    await terminate(child, exited);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await new Promise<void>((resolve, reject) => {
      const pending = new Set(zones.map((z) => z.apex.replace(/\.$/, '').toLowerCase()));
      const timer = setTimeout(() => reject(new Error(`knotd did not load ${[...pending].join(', ')} within ${READY_TIMEOUT_MS} ms:\n${log}`)), READY_TIMEOUT_MS);
      const done = (error?: Error): void => {
        clearTimeout(timer);
        if (error) reject(error);
        else resolve();
      };
      const onData = (chunk: Buffer): void => {
        log += chunk.toString();
        if (/cannot bind|failed to bind|address already in use/i.test(log)) return done(new Error(`knotd cannot bind ${LOOPBACK}@${port}:\n${log}`));
        for (const apex of [...pending]) {
          const tag = `[${apex}.]`;
          const lines = log.split('\n').filter((line) => line.includes(tag));
          if (lines.some((line) => /error|failed/i.test(line))) return done(new Error(`knotd refused zone ${apex}:\n${log}`));
          if (lines.some((line) => / loaded, serial/.test(line))) pending.delete(apex);
        }
        if (pending.size === 0) done();
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', onData);
      child.once('error', done);
      void exited.then((code) => done(new Error(`knotd exited (${code}) before loading its zones:\n${log}`)));
    });
  } catch (error) {
    await stop();
    throw error;
  }
  return { address: `${LOOPBACK}:${port}`, port, log: () => log, stop };
}

/** TERM, then KILL after a bounded wait; resolves once the process is gone. */
async function terminate(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const gaveUp = await Promise.race([
    exited.then(() => false),
    new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), STOP_TIMEOUT_MS))),
  ]);
  clearTimeout(timer);
  if (gaveUp) {
    child.kill('SIGKILL');
    await exited;
  }
}

/** A port free for both UDP and TCP on the loopback address right now. */
export async function freePort(): Promise<number> {
  for (;;) {
    const udp = createSocket('udp4');
    const port = await new Promise<number>((resolve, reject) => {
      udp.once('error', reject);
      udp.bind(0, LOOPBACK, () => resolve(udp.address().port));
    });
    const tcpFree = await new Promise<boolean>((resolve) => {
      const server = createServer();
      server.once('error', () => resolve(false));
      server.listen(port, LOOPBACK, () => server.close(() => resolve(true)));
    });
    await new Promise<void>((resolve) => udp.close(() => resolve()));
    if (tcpFree) return port;
  }
}

/**
 * A UDP socket on the loopback address that reads queries and never answers them:
 * a name server that has stopped responding, for timeout tests.
 */
export async function silentServer(): Promise<{ address: string; close(): Promise<void> }> {
  const socket = createSocket('udp4');
  socket.on('message', () => undefined);
  const port = await new Promise<number>((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(0, LOOPBACK, () => resolve(socket.address().port));
  });
  return { address: `${LOOPBACK}:${port}`, close: () => new Promise<void>((resolve) => socket.close(() => resolve())) };
}
