// Turns the ```ts blocks of README.md and docs/*.md into programs, so a test can compile and
// synthesize each one exactly as written (test/docs/snippets.test.ts).
//
// The convention, for whoever writes docs:
// - A block that creates its own `new App(` is a complete program: it runs as written.
// - Any other block is lines of an app: it may use `app`, `stack` (a TerraformStack with a
//   Cloudflare provider), `zoneId` (one zone's id) and `zoneIdOf(domain)` (a zone id per
//   domain) from the prelude below, and cdktf-mx's exports without importing them. After it
//   runs, `app.synth()` validates it: an error finding fails the test.
// - `<!-- snippet: compile-only (reason) -->` on the line before the fence: type-checked, not run
//   (a jest test file, a block that reads the user's files). The reason is required.
// - `<!-- snippet: skip (reason) -->`: neither; for blocks that cannot be TypeScript on their own.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export type SnippetMode = 'run' | 'compile-only' | 'skip';

export interface Snippet {
  /** `README.md` or `docs/<page>.md`. */
  readonly file: string;
  /** Line of the opening fence. */
  readonly line: number;
  readonly code: string;
  readonly mode: SnippetMode;
  /** Why the block is not run (compile-only, skip). */
  readonly reason?: string;
}

const MARKER = /^<!--\s*snippet:\s*(compile-only|skip)\s*\(([^)]*)\)\s*-->\s*$/;

/** Every ```ts block of a markdown text, with the marker on the line before it, if any. */
export function extractSnippets(file: string, markdown: string): Snippet[] {
  const lines = markdown.split('\n');
  const snippets: Snippet[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!/^```(ts|typescript)\s*$/.test(lines[i])) {
      if (/^```/.test(lines[i])) i = closingFence(lines, i);
      continue;
    }
    const end = closingFence(lines, i);
    const marker = i > 0 ? MARKER.exec(lines[i - 1].trim()) : null;
    if (i > 0 && /^<!--\s*snippet:/.test(lines[i - 1].trim()) && !marker) {
      throw new Error(`${file}:${i}: snippet marker not understood: "${lines[i - 1].trim()}" (want <!-- snippet: compile-only (reason) -->)`);
    }
    snippets.push({
      file,
      line: i + 1,
      code: lines.slice(i + 1, end).join('\n'),
      mode: marker ? (marker[1] as SnippetMode) : 'run',
      ...(marker ? { reason: marker[2].trim() } : {}),
    });
    i = end;
  }
  return snippets;
}

function closingFence(lines: readonly string[], open: number): number {
  for (let j = open + 1; j < lines.length; j++) if (/^```\s*$/.test(lines[j])) return j;
  return lines.length;
}

/** The snippets of README.md and every docs/*.md page under `root`. */
export function documentedSnippets(root: string): Snippet[] {
  const pages = ['README.md', ...readdirSync(join(root, 'docs')).filter((f) => f.endsWith('.md')).sort().map((f) => `docs/${f}`)];
  return pages.flatMap((file) => extractSnippets(file, readFileSync(join(root, file), 'utf8')));
}

/** A complete program creates its own App; everything else runs inside the prelude. */
export function isCompleteProgram(code: string): boolean {
  return /\bnew\s+App\s*\(/.test(code);
}

/**
 * What a fragment may use without declaring it (names prefixed `__` stay out of the snippet's way).
 * Kept as short as the README describes it.
 */
export const PRELUDE = [
  "import * as __cdktf from 'cdktf';",
  "import { CloudflareProvider as __CloudflareProvider } from '@cdktf/provider-cloudflare/lib/provider';",
  'const app = new __cdktf.App();',
  "const stack = new __cdktf.TerraformStack(app, 'mail');",
  "new __CloudflareProvider(stack, 'cloudflare', {});",
  '/** The zone id of `domain` as a Terraform variable (TF_VAR_<domain>_zone_id), one per domain. */',
  'const zoneIdOf = (domain: string): string =>',
  "  new __cdktf.TerraformVariable(stack, `${domain.replace(/[^A-Za-z0-9]/g, '_')}_zone_id`, { type: 'string' }).stringValue;",
  "const zoneId = zoneIdOf('the-zone');",
].join('\n');

/** Names a block imports itself (`import { A, B as C } from …`, `import * as D`, `import E from`). */
export function importedNames(code: string): Set<string> {
  const names = new Set<string>();
  for (const m of code.matchAll(/^\s*import\s+(?:type\s+)?([^'";]+?)\s+from\s+['"][^'"]+['"]/gm)) {
    const clause = m[1];
    const braces = /\{([^}]*)\}/.exec(clause);
    if (braces) for (const part of braces[1].split(',')) {
      const name = part.trim().split(/\s+as\s+/).pop()?.replace(/^type\s+/, '').trim();
      if (name) names.add(name);
    }
    const rest = clause.replace(/\{[^}]*\}/, '').split(',').map((s) => s.trim()).filter(Boolean);
    for (const r of rest) names.add(r.replace(/^\*\s+as\s+/, ''));
  }
  return names;
}

/**
 * The program a snippet stands for: complete programs as written; fragments after the prelude,
 * with an import of each cdktf-mx export they use but do not import, then `app.synth()`.
 */
export function snippetProgram(snippet: Snippet, exportedNames: readonly string[]): { text: string; codeLine: number } {
  if (isCompleteProgram(snippet.code)) return { text: `${snippet.code}\nexport {};\n`, codeLine: 1 };
  const own = importedNames(snippet.code);
  const declared = new Set([...snippet.code.matchAll(/\b(?:const|let|var|class|function)\s+([A-Za-z_$][\w$]*)/g)].map((m) => m[1]));
  const used = exportedNames.filter((name) => !own.has(name) && !declared.has(name) && new RegExp(`(?<![\\w$.])${name.replace(/\$/g, '\\$')}(?![\\w$])`).test(snippet.code));
  const head = [PRELUDE, ...(used.length ? [`import { ${used.join(', ')} } from 'cdktf-mx';`] : [])].join('\n');
  const runsSynth = /\bapp\.synth\(\)/.test(snippet.code);
  return { text: `${head}\n${snippet.code}\n${runsSynth ? '' : 'app.synth();\n'}export {};\n`, codeLine: head.split('\n').length + 1 };
}
