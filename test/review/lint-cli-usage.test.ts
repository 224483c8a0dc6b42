import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBin } from '../cli/bin';

/**
 * Review defects in `cdktf-mx lint` as a shell user meets them.
 */
describe('review: cdktf-mx lint usage and output', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cdktf-mx-review-cli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const clean = join(dir, 'clean.json');
  writeFileSync(clean, JSON.stringify({ zone: 'example.com', records: [
    { name: '@', type: 'MX', priority: 10, value: 'mx1.example.net' },
    { name: '@', type: 'MX', priority: 20, value: 'mx2.example.net' },
    { name: '_dmarc', type: 'TXT', value: 'v=DMARC1; p=reject' },
  ] }));

  // README: "Exit 1 on errors (or warnings with --strict), 2 on usage or read errors". A rule id
  // that does not exist or a severity that does not exist is a usage error (like --format xml or
  // --min-priority-gap -1, which exit 2), but comes back as an options-invalid finding, exit 1.
  test.each([['nope=off'], ['mx-single=bogus']])('DEFECT lint-bad-rule-exit-code: --rule %s is a usage error, exit 2', async (rule) => {
    const { code } = await runBin(['lint', clean, '--rule', rule]);
    expect(code).toBe(2);
  });
});
