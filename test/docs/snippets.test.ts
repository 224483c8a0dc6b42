// Every ```ts block of README.md and docs/*.md compiles with strict TypeScript and, unless marked
// compile-only, runs and synthesizes with validation (App.synth runs every validator: an error
// finding throws). The convention a block follows is described in ./snippets.ts and in README's tour.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as ts from 'typescript';
import * as cdktfMx from '../../lib';
import { documentedSnippets, extractSnippets, importedNames, isCompleteProgram, Snippet, snippetProgram } from './snippets';

const root = join(__dirname, '..', '..');
const snippets = documentedSnippets(root);
const exportedNames = Object.keys(cdktfMx).filter((name) => /^[A-Za-z_$][\w$]*$/.test(name));

/** Where `cdktf-mx` and its subpaths resolve for snippets: the sources of this checkout. */
const PACKAGE_PATHS: Record<string, string> = {
  'cdktf-mx': '../../lib',
  'cdktf-mx/testing': '../../lib/testing',
  'cdktf-mx/lint': '../../lib/lint',
  'cdktf-mx/presets': '../../lib/presets',
};

const programs = snippets.map((snippet, index) => ({ snippet, fileName: join(root, 'test', 'docs', '__snippets__', `snippet-${index}.ts`), ...snippetProgram(snippet, exportedNames) }));

function where(snippet: Snippet): string {
  return `${snippet.file}:${snippet.line}`;
}

/** Type errors of every snippet program, as `README.md:52 line 3: message`. */
function typeErrors(): string[] {
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS, moduleResolution: ts.ModuleResolutionKind.Node10,
    lib: ['lib.es2022.d.ts'], strict: true, esModuleInterop: true, skipLibCheck: true, noEmit: true, types: ['node', 'jest'],
    baseUrl: root, paths: Object.fromEntries(Object.entries(PACKAGE_PATHS).map(([name, path]) => [name, [join('test', 'docs', path)]])),
  };
  const virtual = new Map(programs.map((p) => [p.fileName, p.text]));
  const host = ts.createCompilerHost(options);
  const { getSourceFile, fileExists, readFile } = host;
  host.fileExists = (name) => virtual.has(name) || fileExists.call(host, name);
  host.readFile = (name) => virtual.get(name) ?? readFile.call(host, name);
  host.getSourceFile = (name, version, onError) => {
    const text = virtual.get(name);
    return text !== undefined ? ts.createSourceFile(name, text, version, true) : getSourceFile.call(host, name, version, onError);
  };
  const program = ts.createProgram([...virtual.keys()], options, host);
  return programs.flatMap((p) => {
    const source = program.getSourceFile(p.fileName)!;
    return [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)].map((d) => {
      const line = d.start !== undefined ? source.getLineAndCharacterOfPosition(d.start).line + 1 - (p.codeLine - 1) : 0;
      return `${where(p.snippet)} line ${line}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
    });
  });
}

/** Runs a snippet program as CommonJS, with `cdktf-mx` resolving to this checkout's sources. */
function run(text: string): void {
  const js = ts.transpileModule(text, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true } }).outputText;
  const load = (id: string): unknown => (PACKAGE_PATHS[id] !== undefined ? require(PACKAGE_PATHS[id]) : require(id));
  const module = { exports: {} };
  new Function('require', 'module', 'exports', js)(load, module, module.exports);
}

test('README and docs have snippets, and every one not run says why', () => {
  expect(snippets.filter((s) => s.file === 'README.md').length).toBeGreaterThanOrEqual(2);
  expect(snippets.filter((s) => s.mode === 'run').length).toBeGreaterThan(10);
  expect(snippets.filter((s) => s.mode !== 'run' && (s.reason ?? '').length < 10).map(where)).toEqual([]);
});

test('every snippet type-checks with strict TypeScript', () => {
  expect(typeErrors()).toEqual([]);
}, 120_000);

describe('every runnable snippet synthesizes with validation', () => {
  let outdir: string;
  beforeAll(() => {
    outdir = mkdtempSync(join(tmpdir(), 'cdktf-mx-snippets-'));
    process.env.CDKTF_OUTDIR = outdir;
  });
  afterAll(() => {
    delete process.env.CDKTF_OUTDIR;
    if (outdir) rmSync(outdir, { recursive: true, force: true });
  });
  test.each(programs.filter((p) => p.snippet.mode === 'run').map((p) => [where(p.snippet), p.text] as const))('%s', (_, text) => {
    expect(() => run(text)).not.toThrow();
  });
});

describe('the snippet convention', () => {
  test('a marker before the fence sets the mode; other fences are not snippets', () => {
    const page = ['```sh', 'npm test', '```', '<!-- snippet: compile-only (a jest test file) -->', '```ts', "test('x', () => {});", '```', '```ts', 'new NullMx(stack, "p", { zoneId, domain: "p.example" });', '```'].join('\n');
    expect(extractSnippets('x.md', page).map((s) => [s.line, s.mode, s.reason])).toEqual([[5, 'compile-only', 'a jest test file'], [8, 'run', undefined]]);
    expect(() => extractSnippets('x.md', '<!-- snippet: maybe -->\n```ts\nx\n```')).toThrow(/marker not understood/);
  });

  test('fragments get the prelude and imports of what they use; complete programs run as written', () => {
    const fragment = snippetProgram({ file: 'x.md', line: 1, mode: 'run', code: "import { NullMx } from 'cdktf-mx';\nnew NullMx(stack, 'p', { zoneId, domain: 'p.example' });\nnew GoogleWorkspaceMx(stack, 'g', { zoneId: zoneIdOf('g.example'), domain: 'g.example' });" }, exportedNames);
    expect(fragment.text).toContain("import { GoogleWorkspaceMx } from 'cdktf-mx';");
    expect(fragment.text).not.toMatch(/import \{[^}]*NullMx[^}]*\} from 'cdktf-mx';\nimport/);
    expect(fragment.text.trimEnd().split('\n').slice(-2)).toEqual(['app.synth();', 'export {};']);
    expect(isCompleteProgram("const app = new App();")).toBe(true);
    expect(snippetProgram({ file: 'x.md', line: 1, mode: 'run', code: 'const app = new App();\napp.synth();' }, exportedNames).text).toBe('const app = new App();\napp.synth();\nexport {};\n');
    expect([...importedNames("import { A, B as C, type D } from 'x';\nimport * as E from 'y';\nimport F from 'z';")]).toEqual(['A', 'C', 'D', 'E', 'F']);
  });

  test('a fragment that publishes two domains under one zone id fails synth (what the presets example did)', () => {
    const { text } = snippetProgram({ file: 'x.md', line: 1, mode: 'run', code: "new VendorMx(stack, 'a', { zoneId, domain: 'example.net', preset: 'fastmail' });\nnew VendorMx(stack, 'b', { zoneId, domain: 'example.eu', preset: 'zoho-mail', region: 'eu' });" }, exportedNames);
    const outdir = mkdtempSync(join(tmpdir(), 'cdktf-mx-snippets-'));
    process.env.CDKTF_OUTDIR = outdir;
    try {
      expect(() => run(text)).toThrow(/Validation failed/);
    } finally {
      delete process.env.CDKTF_OUTDIR;
      rmSync(outdir, { recursive: true, force: true });
    }
  });
});
