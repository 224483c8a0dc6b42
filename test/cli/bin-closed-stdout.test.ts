import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN } from './bin';

/**
 * `cdktf-mx lint big.json --format json | head -c 100`: when the reader closes the pipe early,
 * the bin stops quietly (no "Unhandled 'error' event ... write EPIPE" stack trace) and still
 * ends with the command's own exit code.
 */
describe('a consumer that stops reading', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cdktf-mx-epipe-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('no stack trace when stdout is closed early (| head); the exit code is the command\'s', async () => {
    const input = join(dir, 'big.json');
    const records = Array.from({ length: 3000 }, (_, i) => ({ name: `h${i}`, type: 'MX', priority: 10, value: `192.0.2.${i % 250}` }));
    writeFileSync(input, JSON.stringify({ zone: 'example.com', records }));
    const { stderr, code } = await new Promise<{ stderr: string; code: number | null }>((resolve, reject) => {
      const child = spawn(process.execPath, [BIN, 'lint', input, '--format', 'json'], { stdio: ['ignore', 'pipe', 'pipe'] });
      let err = '';
      child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
      // Like `head -c 100`: read one chunk, then close the pipe.
      child.stdout.once('data', () => child.stdout.destroy());
      child.on('error', reject);
      child.on('close', (exit) => resolve({ stderr: err, code: exit }));
    });
    expect(stderr).not.toMatch(/EPIPE|Unhandled 'error' event|node:events/);
    expect(code).toBe(1); // MX values that are IP addresses: errors, as lint reports them in full
  });
});
