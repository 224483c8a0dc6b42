import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');

/**
 * Issue 19 item 10: a project whose jest config says `injectGlobals: false` has no global
 * `expect`. Run as such a user runs it: jest itself, with that config, on a test file that
 * imports `expect` from '@jest/globals'.
 */
test('setupMxJest under injectGlobals: false: a message that says what to do, and setupMxJest(expect) works', () => {
  const config = {
    rootDir: ROOT,
    roots: ['<rootDir>/test/testing/fixtures/no-globals'],
    testMatch: ['**/*.nojest.ts'],
    testEnvironment: 'node',
    injectGlobals: false,
    transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript' } } }] },
  };
  const run = spawnSync(process.execPath, [join(ROOT, 'node_modules/jest/bin/jest.js'), '--config', JSON.stringify(config), '--ci', '--runInBand'], { cwd: ROOT, encoding: 'utf8', timeout: 120_000, env: { ...process.env, CHECKPOINT_DISABLE: '1' } });
  expect({ status: run.status, output: run.stderr }).toEqual({ status: 0, output: expect.stringContaining('2 passed') });
});
