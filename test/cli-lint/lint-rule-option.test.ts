import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBin } from '../cli/bin';

/**
 * `cdktf-mx lint --rule` as a shell user meets it. README: "Exit 1 on errors (or warnings with
 * --strict), 2 on usage or read errors": a rule id or a severity that does not exist is a usage
 * error (like --format xml), never an options-invalid finding with exit 1.
 */
describe('cdktf-mx lint --rule', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cdktf-mx-rule-option-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const clean = join(dir, 'clean.json');
  writeFileSync(clean, JSON.stringify({ zone: 'example.com', records: [
    { name: '@', type: 'MX', priority: 10, value: 'mx1.example.net' },
    { name: '@', type: 'MX', priority: 20, value: 'mx2.example.net' },
    { name: '_dmarc', type: 'TXT', value: 'v=DMARC1; p=reject' },
  ] }));

  test.each([
    ['nope=off', 'there is no rule "nope"'],
    ['mx-single=bogus', 'must be error, warning, info or off, not "bogus"'],
  ])('--rule %s is a usage error, exit 2', async (rule, message) => {
    const { code, stderr } = await runBin(['lint', clean, '--rule', rule]);
    expect({ code, stderr }).toEqual({ code: 2, stderr: expect.stringContaining(message) });
  });

  test('a rule that exists with a severity that exists is taken (exit 0)', async () => {
    const { code } = await runBin(['lint', clean, '--rule', 'mx-single=off']);
    expect(code).toBe(0);
  });
});
