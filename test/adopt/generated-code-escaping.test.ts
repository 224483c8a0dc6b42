import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as ts from 'typescript';
import { writeApp } from '../../lib/adopt';
import { runImport } from '../../lib/cli/import';
import { bindLoad } from '../zonefile/bind';

/**
 * `cdktf-mx import` writes live data into a TypeScript app: findings quoting TXT text as `//`
 * comments, record contents, ids and comments as string literals. A TXT string may hold a newline
 * (`\010`, which BIND loads); unescaped, every line after it would be code that runs on
 * `npx tsx mail.ts`. Live data stays inside comments and strings whatever it holds.
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

describe('adoption never turns live data into code', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cdktf-mx-inject-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('a TXT with a newline (\\010) in a zone file BIND loads stays inside comments and strings', async () => {
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

  test('record ids, contents, comments, the source and the command stay in strings and comments, whatever they hold', () => {
    const hostile = "x\u2028a();\u2029b();\r\nc(); */ d(); ` ${e()} ' \" \\ \u0000";
    const record = { id: `id${hostile}`, name: 'inj.example', type: 'TXT', value: `v=spf1 ${hostile}`, ttl: 300, comment: hostile };
    const text = writeApp({
      zone: { domain: 'inj.example', zoneId: `zone${hostile}`, source: `file ${hostile}` },
      units: [{ kind: 'raw', name: 'inj.example', records: [record], record }],
      findings: [{ rule: 'spf-syntax', severity: 'error', name: 'inj.example', message: hostile } as never],
      command: `cdktf-mx import ${hostile}`,
    });
    const identifiers = codeIdentifiers(text);
    for (const call of ['a', 'b', 'c', 'd', 'e']) expect(identifiers).not.toContain(call);
    // The literals still hold the live text exactly: TypeScript reads them back.
    const parsed = ts.createSourceFile('mail.ts', text, ts.ScriptTarget.ES2022, true);
    const literals: string[] = [];
    const visit = (node: ts.Node): void => {
      if (ts.isStringLiteral(node)) literals.push(node.text);
      ts.forEachChild(node, visit);
    };
    visit(parsed);
    // (the comment as Terraform reads it: `$${` is its literal `${`)
    expect(literals).toEqual(expect.arrayContaining([`zone${hostile}`, `/id${hostile}`, hostile.replace('${', () => '$${')]));
    expect((parsed as unknown as { parseDiagnostics: unknown[] }).parseDiagnostics).toEqual([]);
  });
});
