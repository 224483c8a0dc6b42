// bin/cdktf-mx.js picks what to run: the compiled CLI in the installed package (which ships no
// TypeScript), the TypeScript source in a checkout, even when a dist/ from `npm pack` exists there.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cdktf-mx-bin-'));
  mkdirSync(join(dir, 'bin'));
  copyFileSync(join(root, 'bin', 'cdktf-mx.js'), join(dir, 'bin', 'cdktf-mx.js'));
  mkdirSync(join(dir, 'dist', 'lib', 'cli'), { recursive: true });
  writeFileSync(join(dir, 'dist', 'lib', 'cli', 'main.js'), "exports.main = async (argv) => { console.log('compiled', argv.join(' ')); return 0; };\n");
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function run(): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [join(dir, 'bin', 'cdktf-mx.js'), 'lint', 'x'], { encoding: 'utf8', timeout: 30000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

test('as installed (dist only): the compiled CLI, without loading tsx', () => {
  rmSync(join(dir, 'node_modules'));
  const result = run();
  expect(result).toEqual({ status: 0, stdout: 'compiled lint x\n', stderr: '' });
});

test('in a checkout with a stale dist/: the TypeScript source', () => {
  mkdirSync(join(dir, 'lib', 'cli'), { recursive: true });
  writeFileSync(join(dir, 'lib', 'cli', 'main.ts'), "export async function main(argv: string[]): Promise<number> { console.log('source', argv.join(' ')); return 0; }\n");
  const result = run();
  expect(result).toEqual({ status: 0, stdout: 'source lint x\n', stderr: '' });
});
