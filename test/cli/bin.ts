import { spawn } from 'node:child_process';
import { join } from 'node:path';

/** The bin's path, as npm links it. */
export const BIN = join(__dirname, '..', '..', 'bin', 'cdktf-mx.js');

/**
 * Run the real `cdktf-mx` bin with stdout and stderr on pipes (not files), reading them
 * as a consumer such as `| jq` would, and resolve with what came through and the exit code.
 */
export function runBin(args: readonly string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1', ...env } });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
  });
}
