import { createHash } from 'node:crypto';

/**
 * MTA-STS policies (RFC 8461 §3.2): the text served at
 * `https://mta-sts.<domain>/.well-known/mta-sts.txt`, its parse and render, and the
 * mx-pattern matching senders apply (§4.1). Pure: no cdktf, no network, so lint,
 * plan-check and verify can share it with the constructs.
 */

/** `enforce`: refuse MX hosts the policy does not list; `testing`: deliver but report; `none`: policy withdrawn. */
export type MtaStsMode = 'enforce' | 'testing' | 'none';

/** The modes RFC 8461 §3.2 defines. */
export const MTA_STS_MODES: readonly MtaStsMode[] = ['enforce', 'testing', 'none'];

/** Largest `max_age` RFC 8461 §3.2 allows: 31557600 s (about one year). */
export const MAX_MTA_STS_MAX_AGE = 31_557_600;

/** Default `max_age` of the constructs: one week, RFC 8461 §3.2's "weeks or greater" at its shortest, so a mistake expires soon. */
export const DEFAULT_MTA_STS_MAX_AGE = 604_800;

/** Largest policy body senders must accept (RFC 8461 §3.3: 64 KiB). */
export const MAX_MTA_STS_POLICY_OCTETS = 65_536;

/** A policy as its fields say. */
export interface MtaStsPolicy {
  readonly mode: MtaStsMode;
  /** `mx:` patterns in order as written, lower-case, without trailing dots. */
  readonly mx: readonly string[];
  /** `max_age` in seconds. */
  readonly maxAge: number;
}

/** What reading a policy text found: the policy when it is usable, and every problem. */
export interface ParsedMtaStsPolicy {
  /** The policy, when the text has every required field with a valid value; otherwise undefined. */
  readonly policy?: MtaStsPolicy;
  /** Each problem in words, e.g. `max_age 40000000 is above 31557600`. Empty for a valid policy. */
  readonly problems: readonly string[];
  /** The `max_age` as written, even when out of range (rules report it). */
  readonly maxAge?: number;
  /** The mode as written, even when the policy is otherwise unusable. */
  readonly mode?: MtaStsMode;
  /** The mx patterns as written (lower-case, trailing dot removed), even when the policy is otherwise unusable. */
  readonly mx: readonly string[];
}

/**
 * The policy text for `policy`: `version`, `mode`, each `mx`, `max_age`, one per line,
 * CRLF-terminated as RFC 8461 §3.2 writes it. The same policy always renders to the same text.
 */
export function renderMtaStsPolicy(policy: MtaStsPolicy): string {
  const lines = ['version: STSv1', `mode: ${policy.mode}`, ...policy.mx.map((pattern) => `mx: ${pattern}`), `max_age: ${policy.maxAge}`];
  return `${lines.map((line) => `${line}\r\n`).join('')}`;
}

/**
 * Read a policy text as senders do (RFC 8461 §3.2): `key: value` lines ended by CRLF or LF,
 * unknown keys ignored; `version: STSv1`, `mode` and `max_age` required, `mx` at least once
 * unless the mode is `none`. Never throws.
 */
export function parseMtaStsPolicy(text: string): ParsedMtaStsPolicy {
  const problems: string[] = [];
  if (typeof text !== 'string') return { problems: ['the policy is not text'], mx: [] };
  if (Buffer.byteLength(text, 'utf8') > MAX_MTA_STS_POLICY_OCTETS) problems.push(`the policy is larger than ${MAX_MTA_STS_POLICY_OCTETS} octets; senders may refuse it (RFC 8461 §3.3)`);
  const fields = new Map<string, string[]>();
  text.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === '') return;
    const colon = line.indexOf(':');
    if (colon <= 0) {
      problems.push(`line ${index + 1} ("${line.slice(0, 40)}") is not "key: value"`);
      return;
    }
    const key = line.slice(0, colon).trim();
    const value = line.slice(colon + 1).trim();
    if (!/^[A-Za-z0-9_.-]+$/.test(key)) {
      problems.push(`line ${index + 1}: "${key.slice(0, 40)}" is not a field name`);
      return;
    }
    const list = fields.get(key) ?? [];
    list.push(value);
    fields.set(key, list);
  });
  const single = (key: string): string | undefined => {
    const values = fields.get(key);
    if (!values) {
      problems.push(`${key} is missing`);
      return undefined;
    }
    if (values.length > 1) problems.push(`${key} is given ${values.length} times`);
    return values[0];
  };
  const version = single('version');
  if (version !== undefined && version !== 'STSv1') problems.push(`version is "${version}", not STSv1`);
  const modeText = single('mode');
  const mode = MTA_STS_MODES.find((m) => m === modeText);
  if (modeText !== undefined && mode === undefined) problems.push(`mode is "${modeText}"; use enforce, testing or none`);
  const maxAgeText = single('max_age');
  let maxAge: number | undefined;
  if (maxAgeText !== undefined) {
    if (!/^\d{1,10}$/.test(maxAgeText)) problems.push(`max_age "${maxAgeText}" is not a number of seconds`);
    else {
      maxAge = Number(maxAgeText);
      const problem = maxAgeProblem(maxAge);
      if (problem) problems.push(problem);
    }
  }
  const mx: string[] = [];
  for (const pattern of fields.get('mx') ?? []) {
    const problem = mxPatternProblem(pattern);
    if (problem) problems.push(`mx "${pattern}" ${problem}`);
    else mx.push(normalizePattern(pattern));
  }
  if (mode !== undefined && mode !== 'none' && (fields.get('mx') ?? []).length === 0) problems.push(`mode ${mode} needs at least one mx pattern`);
  const policy = problems.length === 0 && mode !== undefined && maxAge !== undefined ? { mode, mx, maxAge } : undefined;
  return { ...(policy ? { policy } : {}), problems, mx, ...(maxAge !== undefined ? { maxAge } : {}), ...(mode !== undefined ? { mode } : {}) };
}

/** What is wrong with a `max_age`, or undefined: an integer 0–31557600 (RFC 8461 §3.2). */
export function maxAgeProblem(maxAge: number): string | undefined {
  if (!Number.isInteger(maxAge) || maxAge < 0) return `max_age ${maxAge} is not a whole number of seconds ≥ 0`;
  if (maxAge > MAX_MTA_STS_MAX_AGE) return `max_age ${maxAge} is above ${MAX_MTA_STS_MAX_AGE} (RFC 8461 §3.2)`;
  return undefined;
}

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/**
 * What is wrong with an mx pattern, or undefined: a host name, optionally with a leading
 * `*.` (RFC 8461 §3.2 `["*."] Domain`); a `*` anywhere else is not a pattern.
 */
export function mxPatternProblem(pattern: string): string | undefined {
  const normal = normalizePattern(pattern);
  const host = normal.startsWith('*.') ? normal.slice(2) : normal;
  if (host === '') return 'is empty';
  if (host.includes('*')) return 'has a "*" that is not a leading "*." (a wildcard stands for exactly one leftmost label)';
  const labels = host.split('.');
  if (labels.some((label) => !LABEL.test(label))) return 'is not a host name (labels of letters, digits and inner hyphens)';
  if (normal.startsWith('*.') && labels.length < 2) return 'wildcards a top-level name';
  if (host.length > 253) return 'is longer than 253 characters';
  return undefined;
}

/** A pattern or host name compared as senders compare them: lower case, without the trailing dot. */
export function normalizePattern(name: string): string {
  return name.trim().toLowerCase().replace(/\.$/, '');
}

/**
 * True when `host` (an MX exchange) matches `pattern` (RFC 8461 §4.1): case-insensitive,
 * trailing dots ignored; `*.example.net` matches exactly one label below `example.net`
 * (`mx1.example.net`, not `example.net` nor `a.b.example.net`).
 */
export function mxPatternMatches(pattern: string, host: string): boolean {
  const p = normalizePattern(pattern);
  const h = normalizePattern(host);
  if (!p.startsWith('*.')) return p === h;
  const dot = h.indexOf('.');
  return dot > 0 && h.slice(dot + 1) === p.slice(2);
}

/** The patterns of `policy` that match `host`; empty when the policy does not cover it. */
export function matchingPatterns(patterns: readonly string[], host: string): string[] {
  return patterns.filter((pattern) => mxPatternMatches(pattern, host));
}

/**
 * The `_mta-sts` id of a policy text: the first 32 hex digits of its SHA-256, so it changes
 * exactly when the text does and fits RFC 8461 §3.1's 1–32 alphanumerics.
 */
export function mtaStsPolicyId(policyText: string): string {
  return createHash('sha256').update(policyText, 'utf8').digest('hex').slice(0, 32);
}
