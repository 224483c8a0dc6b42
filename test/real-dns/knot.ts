import { createSocket } from 'node:dgram';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LOOPBACK, onFreePort, spawnServer } from './server-process';

export { freePort } from './server-process';

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

const READY_TIMEOUT_MS = 15_000;

/**
 * Start knotd serving `zones` on 127.0.0.1 at a free port, in a temporary directory of
 * its own, and wait (bounded) until every zone is loaded. Rejects with knotd's log if a
 * zone fails to load: Knot refuses zones with errors such as CNAME beside other data.
 */
export function startKnot(knotd: string, zones: readonly ServedZone[]): Promise<KnotServer> {
  return onFreePort(/cannot bind|failed to bind|address already in use/i, (port) => launch(knotd, zones, port));
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

  const server = spawnServer(knotd, ['-c', config], () => rmSync(dir, { recursive: true, force: true }));
  const pending = new Set(zones.map((z) => z.apex.replace(/\.$/, '').toLowerCase()));
  try {
    await server.until(`load ${[...pending].join(', ')}`, READY_TIMEOUT_MS, (log) => {
      if (/cannot bind|failed to bind|address already in use/i.test(log)) return new Error(`knotd cannot bind ${LOOPBACK}@${port}:\n${log}`);
      for (const apex of [...pending]) {
        const tag = `[${apex}.]`;
        const lines = log.split('\n').filter((line) => line.includes(tag));
        if (lines.some((line) => /error|failed/i.test(line))) return new Error(`knotd refused zone ${apex}:\n${log}`);
        if (lines.some((line) => / loaded, serial/.test(line))) pending.delete(apex);
      }
      return pending.size === 0;
    });
  } catch (error) {
    await server.stop();
    throw error;
  }
  return { address: `${LOOPBACK}:${port}`, port, log: server.log, stop: server.stop };
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
