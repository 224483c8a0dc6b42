import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Issue 11 item 6: zone files load from CommonJS on every Node version `engines` admits.
 * The reader imports nothing but itself and node: built-ins (dnsz, ES modules only, is
 * gone), and its tsc output is required by plain node as CommonJS.
 */
const ROOT = join(__dirname, '..', '..');
const READER = join(ROOT, 'lib', 'zonefile');

test('the reader and the lint adapter import only relative modules and node: built-ins', () => {
  const files = [...readdirSync(READER).map((f) => join(READER, f)), join(ROOT, 'lib', 'lint', 'zone-file.ts')];
  for (const file of files) {
    for (const [, specifier] of readFileSync(file, 'utf8').matchAll(/from '([^']+)'/g)) expect([file, specifier]).toEqual([file, expect.stringMatching(/^(\.|node:)/)]);
  }
  expect(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).dependencies).toBeUndefined();
});

test('compiled to CommonJS, plain node requires it and reads a zone file', () => {
  const out = mkdtempSync(join(tmpdir(), 'cdktf-mx-cjs-'));
  try {
    const tsc = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '--module', 'commonjs', '--target', 'ES2022', '--types', 'node', '--skipLibCheck', '--outDir', out, join(READER, 'index.ts')], { encoding: 'utf8' });
    expect(tsc.stdout + tsc.stderr).toBe('');
    const script = `const { readZoneFile } = require(${JSON.stringify(join(out, 'index.js'))}); const r = readZoneFile('$TTL 1h\\n@ IN 300 MX 10 mail\\n', { origin: 'example.com' }); process.stdout.write(r.records.map((x) => x.name + ' ' + x.ttl + ' ' + x.type + ' ' + x.data).join(';'));`;
    const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('example.com. 300 MX 10 mail.example.com.');
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
