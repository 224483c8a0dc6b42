/**
 * BIND's `$GENERATE start-stop[/step] lhs [ttl] [class] type rhs` (BIND 9 ARM, "BIND Primary
 * File Extension: the $GENERATE Directive"): in lhs and rhs each `$` is the iterator,
 * `${offset[,width[,base]]}` formats it (base d, o, x or X), `$$` and `\$` are a literal `$`.
 */

/**
 * Most records the `$GENERATE` lines of one file may make in all (four /16 reverse ranges):
 * a typo in a range, or many lines, must not exhaust memory (BIND sets no bound).
 */
export const MAX_GENERATED = 262_144;

/** The iterator values of a range, or an error message. */
export function generateRange(text: string): { start: number; stop: number; step: number } | { error: string } {
  const match = /^(\d+)-(\d+)(?:\/(\d+))?$/.exec(text);
  if (!match) return { error: `$GENERATE range must be start-stop or start-stop/step, not "${text}"` };
  const [start, stop, step] = [Number(match[1]), Number(match[2]), Number(match[3] ?? 1)];
  if (start > stop) return { error: `$GENERATE range ${text} starts after it stops` };
  if (step < 1) return { error: `$GENERATE step must be at least 1, not ${step}` };
  if ((stop - start) / step + 1 > MAX_GENERATED) return { error: `$GENERATE range ${text} makes more than ${MAX_GENERATED} records` };
  return { start, stop, step };
}

/**
 * `template` with the iterator substituted. Returns an error message for a malformed
 * `${…}` or a base this reader does not expand (nibble modes n/N are reported, not guessed).
 */
export function substitute(template: string, value: number): string | { error: string } {
  if (!template.includes('$')) return template;
  let out = '';
  for (let i = 0; i < template.length; i++) {
    const c = template[i];
    if (c === '\\') {
      out += template.slice(i, i + 2);
      i++;
    } else if (c !== '$') {
      out += c;
    } else if (template[i + 1] === '$') {
      out += '\\$';
      i++;
    } else if (template[i + 1] === '{') {
      const end = template.indexOf('}', i);
      const spec = end < 0 ? undefined : /^([+-]?\d+)(?:,(\d+)(?:,([doxXnN]))?)?$/.exec(template.slice(i + 2, end));
      if (!spec) return { error: `$GENERATE modifier "${template.slice(i, end < 0 ? undefined : end + 1)}" must be \${offset[,width[,base]]} with base d, o, x or X` };
      const base = spec[3] ?? 'd';
      if (base === 'n' || base === 'N') return { error: `$GENERATE nibble mode (\${…,${base}}) is not expanded by this reader; write the records out` };
      const n = value + Number(spec[1]);
      let digits = Math.abs(n).toString(base === 'o' ? 8 : base === 'd' ? 10 : 16);
      if (base === 'X') digits = digits.toUpperCase();
      out += (n < 0 ? '-' : '') + digits.padStart(Number(spec[2] ?? 0), '0');
      i = end;
    } else {
      out += String(value);
    }
  }
  return out;
}
