import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN } from '../cli/bin';

/**
 * Review defect: `cdktf-mx lint big.json --format json | head -c 100` — when the reader closes
 * the pipe early, the bin dies with node's "Unhandled 'error' event ... write EPIPE" stack trace
 * on stderr (exit 1) instead of stopping quietly as CLIs do.
 */
describe('review: a consumer that stops reading', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cdktf-mx-review-epipe-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('DEFECT cli-epipe: no stack trace when stdout is closed early (| head)', async () => {
    const input = join(dir, 'big.json');
    const records = Array.from({ length: 3000 }, (_, i) => ({ name: `h${i}`, type: 'MX', priority: 10, value: `192.0.2.${i % 250}` }));
    writeFileSync(input, JSON.stringify({ zone: 'example.com', records }));
    const stderr = await new Promise<string>((resolve, reject) => {
      const child = spawn(process.execPath, [BIN, 'lint', input, '--format', 'json'], { stdio: ['ignore', 'pipe', 'pipe'] });
      let err = '';
      child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
      // Like `head -c 100`: read one chunk, then close the pipe.
      child.stdout.once('data', () => child.stdout.destroy());
      child.on('error', reject);
      child.on('close', () => resolve(err));
    });
    expect(stderr).not.toMatch(/EPIPE|Unhandled 'error' event|node:events/);
  });
});
