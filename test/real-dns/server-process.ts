import { ChildProcess, spawn } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { createServer } from 'node:net';

/** The loopback address every test server listens on. */
export const LOOPBACK = '127.0.0.1';
const STOP_TIMEOUT_MS = 5_000;

/** A server process started by a test, with everything it logged. */
export interface ServerProcess {
  readonly child: ChildProcess;
  /** stdout and stderr so far, interleaved, for readiness checks and failure messages. */
  log(): string;
  /** Stop the process (TERM, then KILL after a bounded wait), then run `cleanup`. */
  stop(): Promise<void>;
  /**
   * Wait (at most `timeoutMs`) until `check(log)` returns true on what the process has
   * logged; rejects with the log when `check` returns an Error, when the process exits
   * first, or on timeout (`what` names the wait in that message).
   */
  until(what: string, timeoutMs: number, check: (log: string) => boolean | Error): Promise<void>;
}

/**
 * Spawn a server in the foreground with its output captured. Should the test process
 * end without `stop()` (a crash, a killed worker), the server goes with it.
 */
export function spawnServer(command: string, args: readonly string[], cleanup: () => void): ServerProcess {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  const listeners = new Set<() => void>();
  const onData = (chunk: Buffer): void => {
    log += chunk.toString();
    for (const listener of [...listeners]) listener();
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.once('error', () => resolve(null));
  });
  const killOnExit = (): void => {
    child.kill('SIGKILL');
  };
  process.once('exit', killOnExit);

  const until = (what: string, timeoutMs: number, check: (text: string) => boolean | Error): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      const finish = (error?: Error): void => {
        clearTimeout(timer);
        listeners.delete(listener);
        if (error) reject(error);
        else resolve();
      };
      const listener = (): void => {
        const verdict = check(log);
        if (verdict instanceof Error) finish(verdict);
        else if (verdict) finish();
      };
      const timer = setTimeout(() => finish(new Error(`${command} did not ${what} within ${timeoutMs} ms:\n${log}`)), timeoutMs);
      listeners.add(listener);
      child.once('error', (error) => finish(new Error(`${command} could not start: ${error.message}`)));
      void exited.then((code) => finish(new Error(`${command} exited (${code}) before it could ${what}:\n${log}`)));
      listener();
    });

  const stop = async (): Promise<void> => {
    process.removeListener('exit', killOnExit);
    await terminate(child, exited);
    cleanup();
  };
  return { child, log: () => log, stop, until };
}

/** TERM, then KILL after a bounded wait; resolves once the process is gone. */
async function terminate(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
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

/**
 * Run `launch` on a free loopback port; when it fails with an error matching `portTaken`
 * (another process took the port between our probe and the server's bind), try another.
 */
export async function onFreePort<T>(portTaken: RegExp, launch: (port: number) => Promise<T>): Promise<T> {
  let lastError: Error | undefined;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await launch(await freePort());
    } catch (error) {
      lastError = error as Error;
      if (!portTaken.test(lastError.message)) throw lastError;
    }
  }
  throw lastError;
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
