import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as ts from 'typescript';
import { runImport } from '../../lib/cli/import';
import { bindLoad } from '../zonefile/bind';

/**
 * Review defect: `cdktf-mx import --from <zone file>` writes each live finding as a `//` comment,
 * but a finding quotes the live TXT text, and a TXT string may hold a newline (`\010`, which
 * BIND loads). Every line after the newline lands in the generated app as code, which runs on
 * `npx tsx mail.ts`. Reproduction: the zone below, then `cdktf-mx import inj.example --from
 * inj.zone --out mail.ts && npx tsx mail.ts` prints PWNED (the call runs three times).
 */
const ZONE = [
  '$ORIGIN inj.example.',
  '$TTL 300',
  '@ SOA ns h 1 2 3 4 5',
  '@ NS ns',
  'ns A 192.0.2.1',
  '@ MX 10 mx1',
  '@ MX 20 mx2',
  'mx1 A 192.0.2.2',
  'mx2 A 192.0.2.3',
  '@ TXT "v=spf1 x\\010pwnedMarker();//"',
  '',
].join('\n');

/** Identifiers the TypeScript scanner sees as code (comments and string literals are not code). */
function codeIdentifiers(source: string): string[] {
  const scanner = ts.createScanner(ts.ScriptTarget.ES2022, true, ts.LanguageVariant.Standard, source);
  const found: string[] = [];
  for (let token = scanner.scan(); token !== ts.SyntaxKind.EndOfFileToken; token = scanner.scan()) {
    if (token === ts.SyntaxKind.Identifier) found.push(scanner.getTokenText());
  }
  return found;
}

describe('review: adoption must not turn zone data into code', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cdktf-mx-review-inject-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('DEFECT adopt-finding-comment-injection: a TXT with a newline (\\010) in a zone file BIND loads stays inside comments and strings', async () => {
    const zone = join(dir, 'inj.zone');
    writeFileSync(zone, ZONE);
    // BIND loads the file: the TXT holds a newline byte.
    const bind = bindLoad(zone, 'inj.example');
    expect(bind.ok).toBe(true);
    expect(bind.records.some((r) => r.includes('TXT "v=spf1 x\\010pwnedMarker();//"'))).toBe(true);

    const out = join(dir, 'mail.ts');
    let stderr = '';
    const code = await runImport(['inj.example', '--from', zone, '--out', out], {
      stdout: { write: () => undefined },
      stderr: { write: (t: string) => (stderr += t) },
      env: {},
    });
    expect({ code, stderr }).toEqual({ code: 0, stderr: expect.stringContaining('wrote') });
    const text = readFileSync(out, 'utf8');
    expect(text).toContain('pwnedMarker'); // the record is adopted (as a string) ...
    expect(codeIdentifiers(text)).not.toContain('pwnedMarker'); // ... but never as code
  });
});
