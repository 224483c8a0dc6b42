import { isIP } from 'node:net';
import { parseSpfTerm, spfTerms } from './mail-policy';
import { Rule, RuleHit } from './rule';
import { ZoneIndex } from './zone-index';

/** Mechanisms of RFC 7208 §5 and whether they take a domain argument. */
const MECHANISMS: Readonly<Record<string, 'none' | 'optional' | 'required' | 'ip4' | 'ip6'>> = {
  all: 'none',
  include: 'required',
  a: 'optional',
  mx: 'optional',
  ptr: 'optional',
  ip4: 'ip4',
  ip6: 'ip6',
  exists: 'required',
};
/** The end of a domain-spec without macros: a dot, then a top label of letters, digits and hyphens with a letter (RFC 7208 §7.1). */
const DOMAIN_END = /\.(?=[a-z0-9-]*[a-z])[a-z0-9-]+\.?$/i;
const CIDR = /^\/(\d{1,3})(?:\/\/(\d{1,3}))?$/;
const DUAL_CIDR_SUFFIX = /(\/\d{1,3}(?:\/\/\d{1,3})?|\/\/\d{1,3})$/;

/** Macro letters a record may use (RFC 7208 §7.1); c, r and t only appear in explanation text (§7.2), never in the record. */
const MACRO_LETTERS = 'slodiphv';
const MACRO_EXPAND = /^\{([a-z])(\d*)(r?)([.\-+,/_=]*)\}/i;

/**
 * Problems of the macros in a domain-spec or modifier value (RFC 7208 §7.1): every `%`
 * starts `%{letter digits r delimiters}`, `%%`, `%_` or `%-`; an unknown letter, an
 * unclosed `%{` or a stray `%` is a syntax error, so the record is a permerror.
 */
export function macroProblems(raw: string, value: string): string[] {
  const problems: string[] = [];
  for (let i = value.indexOf('%'); i >= 0; i = value.indexOf('%', i)) {
    const next = value[i + 1];
    if (next === '%' || next === '_' || next === '-') {
      i += 2;
      continue;
    }
    if (next !== '{') {
      problems.push(`"${raw}": "%" must start a macro (%{d}, %{i}, …) or be written "%%" (RFC 7208 §7.1)`);
      i += 1;
      continue;
    }
    const macro = MACRO_EXPAND.exec(value.slice(i + 1));
    if (!macro) {
      const close = value.indexOf('}', i);
      problems.push(close < 0 ? `"${raw}": "%{" is never closed with "}" (RFC 7208 §7.1)` : `"${raw}": "${value.slice(i, close + 1)}" is not a macro: %{letter[digits][r][delimiters]} (RFC 7208 §7.1)`);
      i = close < 0 ? value.length : close + 1;
      continue;
    }
    if (!MACRO_LETTERS.includes(macro[1].toLowerCase())) {
      problems.push(`"${raw}": "%{${macro[1]}…}" is not a macro letter a record may use (${MACRO_LETTERS.split('').join(', ')}; RFC 7208 §7.1)`);
    } else if (macro[2] !== '' && Number(macro[2]) === 0) {
      problems.push(`"${raw}": the number of parts in "%${macro[0]}" must not be zero (RFC 7208 §7.3)`);
    }
    i += 1 + macro[0].length;
  }
  return problems;
}

/** Problems of one SPF record, each a sentence; empty when it parses. */
export function spfProblems(text: string): string[] {
  const problems: string[] = [];
  const seenModifiers = new Set<string>();
  for (const raw of spfTerms(text)) {
    const term = parseSpfTerm(raw);
    if (!term) {
      problems.push(`"${raw}" is neither a mechanism nor a modifier`);
      continue;
    }
    if (/\s/.test(raw)) {
      problems.push(`"${raw.replace(/\t/g, '\\t')}" holds a tab or other white space; terms are separated by single spaces (RFC 7208 §12)`);
      continue;
    }
    if (term.kind === 'modifier') {
      if ((term.name === 'redirect' || term.name === 'exp') && seenModifiers.has(term.name)) problems.push(`"${term.name}=" appears more than once (RFC 7208 §6)`);
      seenModifiers.add(term.name);
      if ((term.name === 'redirect' || term.name === 'exp') && term.argument === '') problems.push(`"${raw}" has no domain`);
      problems.push(...macroProblems(raw, term.argument ?? ''));
      continue;
    }
    const shape = MECHANISMS[term.name];
    if (!shape) {
      problems.push(`"${raw}" is not an SPF mechanism (known: ${Object.keys(MECHANISMS).join(', ')})`);
      continue;
    }
    const argument = term.argument;
    if (shape === 'none' && argument !== undefined) problems.push(`"${raw}": "all" takes no argument`);
    else if (shape === 'required' && !argument) problems.push(`"${raw}" needs a domain after the colon, with no space (e.g. include:_spf.example.com)`);
    else if (shape === 'required' && argument!.includes('%')) problems.push(...macroProblems(raw, argument!));
    else if (shape === 'required' && !DOMAIN_END.test(argument!)) problems.push(`"${raw}": "${argument}" does not end in a domain name`);
    else if (shape === 'ip4' || shape === 'ip6') {
      const [address, ...rest] = (argument ?? '').split('/');
      const prefix = rest.length === 1 ? Number(rest[0]) : undefined;
      const version = shape === 'ip4' ? 4 : 6;
      // node's isIP takes a scope such as fe80::1%eth0; SPF's ip6-network has none (RFC 7208 §5.6, RFC 4291 §2.2).
      if (isIP(address) !== version || address.includes('%')) problems.push(`"${raw}": "${address}" is not an IPv${version} address${address.includes('%') ? ' (a %zone suffix has no meaning in DNS)' : ''}`);
      else if (rest.length > 1 || (prefix !== undefined && !(Number.isInteger(prefix) && rest[0] !== '' && prefix <= (version === 4 ? 32 : 128)))) problems.push(`"${raw}" has an invalid prefix length`);
    } else if (argument !== undefined) {
      const cidr = argument.startsWith('/') ? argument : DUAL_CIDR_SUFFIX.exec(argument)?.[0];
      if (cidr !== undefined) {
        const match = CIDR.exec(cidr.startsWith('//') ? `/32${cidr}` : cidr);
        if (!match || Number(match[1]) > 32 || (match[2] !== undefined && Number(match[2]) > 128)) problems.push(`"${raw}" has an invalid prefix length`);
      }
      if (argument.startsWith(':') || argument === '') problems.push(`"${raw}" has an empty domain`);
      else if (!argument.startsWith('/')) problems.push(...macroProblems(raw, argument));
    }
  }
  return problems;
}

/** A malformed SPF term makes the whole record a permerror. */
export const spfSyntax: Rule = {
  id: 'spf-syntax',
  severity: 'error',
  summary: 'SPF record does not parse',
  why: 'RFC 7208 §4.6: a record with an unknown mechanism, a mechanism without its required argument (e.g. "include: _spf.example.com" with a space), a bad IP address or prefix, or a repeated redirect=/exp= is a permerror: receivers treat SPF as failed for every message, and DMARC then relies on DKIM alone.',
  sources: ['RFC 7208 §4.6', 'RFC 7208 §5', 'RFC 7208 §6', 'RFC 7208 §12 (ABNF)'],
  fix: 'Correct the term: mechanisms are all, include:<domain>, a, mx, ptr, ip4:<addr>[/len], ip6:<addr>[/len] and exists:<domain>, each optionally prefixed by +, -, ~ or ?; modifiers are name=value.',
  *check({ zone }): Iterable<RuleHit> {
    const index = ZoneIndex.of(zone);
    for (const entry of index.names()) {
      for (const record of entry.spf) {
        const problems = index.memo('spf-problems', String(record.value), spfProblems);
        if (problems.length > 0) {
          yield { name: record.name, record, message: `SPF "${record.value}": ${problems.join('; ')}. Receivers treat the record as a permanent error (RFC 7208 §4.6), so SPF fails for all mail from ${record.name}.` };
        }
      }
    }
  },
};
