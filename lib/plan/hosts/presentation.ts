import { readRdata } from '../../zonefile/rdata';
import { lexLine, Token } from '../../zonefile/tokens';

/**
 * One record's data in DNS presentation form (`10 mx1.example.net.`, `"v=spf1" " -all"`),
 * as record-set hosts store it, read with the zone-file reader's own lexer and RDATA
 * parser: the value as rules see it (MX exchange, joined TXT text, target) and the MX
 * preference. Undefined when the text is not valid data of `type`.
 */
export function readPresentation(type: string, text: string, origin: string): { value: string; priority?: number } | undefined {
  const tokens: Token[] = [];
  if (lexLine(text, { depth: 0 }, tokens, []) !== undefined) return undefined;
  const read = readRdata(type, tokens, origin.endsWith('.') ? origin : `${origin}.`);
  if ('error' in read) return undefined;
  return { value: read.value, ...(read.priority !== undefined ? { priority: read.priority } : {}) };
}

/** The strings of a string-list attribute (`records`, `rrdatas`, `txt`); undefined when it is not one. */
export function stringList(value: unknown): string[] | undefined {
  return Array.isArray(value) && value.every((item) => typeof item === 'string') ? (value as string[]) : undefined;
}
