import { spawn } from 'node:child_process';
import { join } from 'node:path';

/** The bin's path, as npm links it. */
export const BIN = join(__dirname, '..', '..', 'bin', 'cdktf-mx.js');

/**
 * Run the real `cdktf-mx` bin with stdout and stderr on pipes (not files), reading them
 * as a consumer such as `| jq` would, and resolve with what came through and the exit code.
 *
 * `slowReader`: a consumer that reads nothing for a while, so the pipe (64 KiB) fills
 * while the bin is still writing: stdout is read only once the bin has exited or after
 * `slowReader` ms. A bin that exits before its output drained loses the rest here.
 */
export function runBin(args: readonly string[], options: { env?: Record<string, string>; slowReader?: number } = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1', ...options.env } });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let code: number | null = null;
    let pending = 3; // stdout ended, stderr ended, child exited
    const done = (): void => {
      if (--pending === 0) resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') });
    };
    const read = (): void => {
      clearTimeout(timer);
      if (child.stdout.listenerCount('data') === 0) child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    };
    const timer = setTimeout(read, options.slowReader ?? 0);
    child.stdout.on('end', done);
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.stderr.on('end', done);
    child.on('error', reject);
    child.on('exit', (status) => {
      code = status;
      read();
      done();
    });
  });
}
