/** `{name}` placeholders in preset templates. */
const PLACEHOLDER = /\{([a-zA-Z0-9]+)\}/g;

/** The placeholder names in a template, in order, without duplicates. */
export function placeholders(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1]))];
}

/** Fill placeholders from `values`; unknown placeholders stay as they are (see {@link placeholders}). */
export function fillTemplate(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(PLACEHOLDER, (whole, key: string) => values[key] ?? whole);
}

/** `s` as a literal inside a regular expression. */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A regular expression source matching what a template can become: literal parts escaped
 * (spaces match any run of white space), each placeholder replaced by `part(name)`.
 */
export function templateSource(template: string, part: (name: string) => string): string {
  return template
    .split(/(\{[a-zA-Z0-9]+\})/)
    .map((piece) => {
      const name = /^\{([a-zA-Z0-9]+)\}$/.exec(piece)?.[1];
      return name ? part(name) : escapeRegExp(piece).replace(/ +/g, '\\s*');
    })
    .join('');
}
