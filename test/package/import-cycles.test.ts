// Dependencies point one way (DESIGN.md): no module under lib/ may reach itself again through
// its imports, type-only imports and lazy require() included. The two knots this test was written
// for: lib/cli/main.ts ↔ the command modules (they imported `version` from main) and the type-only
// cycle lib/constructs/mail-records-base.ts ↔ lib/constructs/preset-publishing.ts.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = join(__dirname, '..', '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') && !path.endsWith('.d.ts') ? [path] : [];
  });
}

/** Relative module specifiers a file names: `import … from`, `export … from`, `import('…')`, `require('…')`. */
export function relativeSpecifiers(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)['"](\.{1,2}\/[^'"]+)['"]/gm)) found.push(m[1]);
  return found;
}

function resolveModule(from: string, specifier: string): string | undefined {
  const base = resolve(dirname(from), specifier);
  return [`${base}.ts`, join(base, 'index.ts')].find((candidate) => existsSync(candidate));
}

/** Every cycle in the graph, each once, as a list of files starting at its smallest member. */
export function findCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const cycles = new Map<string, string[]>();
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): void => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') {
        const cycle = stack.slice(stack.indexOf(next));
        const first = cycle.indexOf([...cycle].sort()[0]);
        const canonical = [...cycle.slice(first), ...cycle.slice(0, first)];
        cycles.set(canonical.join(' -> '), canonical);
      } else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of [...graph.keys()].sort()) if (!state.has(node)) visit(node);
  return [...cycles.values()];
}

test('no module under lib/ imports itself back, type-only imports and require() included', () => {
  const files = sourceFiles(join(root, 'lib'));
  const graph = new Map(files.map((file) => [
    relative(root, file),
    relativeSpecifiers(readFileSync(file, 'utf8'))
      .map((s) => resolveModule(file, s))
      .filter((f): f is string => f !== undefined)
      .map((f) => relative(root, f)),
  ]));
  expect(graph.size).toBeGreaterThan(100);
  expect(findCycles(graph).map((c) => c.join(' -> '))).toEqual([]);
});

test('the scanner sees every import form, and the cycle finder reports a type-only knot (so the first test can fail)', () => {
  expect(relativeSpecifiers(`import type { A } from './a';\nexport { B } from "../b";\nconst c = require('./c');\nimport './d';\nawait import('./e');\nimport x from 'cdktf';`))
    .toEqual(['./a', '../b', './c', './d', './e']);
  const graph = new Map([['base.ts', ['publishing.ts']], ['publishing.ts', ['base.ts', 'x.ts']], ['x.ts', []]]);
  expect(findCycles(graph)).toEqual([['base.ts', 'publishing.ts']]);
});
