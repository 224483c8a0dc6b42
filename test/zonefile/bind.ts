import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { readZoneFile, ZoneFile } from '../../lib/zonefile';

/** Types whose data the reader prints as BIND does; others are compared without blanks, quotes and case. */
const PRINTED_AS_BIND = new Set(['A', 'AAAA', 'NS', 'CNAME', 'PTR', 'DNAME', 'MX', 'SOA', 'SRV', 'TXT', 'SPF', 'CAA', 'HINFO']);
/** Types whose data holds text, compared case-sensitively. */
const TEXT_TYPES = new Set(['TXT', 'SPF', 'CAA', 'HINFO']);

/** What `named-checkzone -D` loads from a file, or its messages when it refuses the file. */
export interface BindLoad {
  readonly ok: boolean;
  /** Canonical `owner ttl type data` lines, sorted and de-duplicated. */
  readonly records: string[];
  /** Everything named-checkzone printed besides the records. */
  readonly messages: string;
}

/**
 * Load `file` with BIND's named-checkzone (`-k ignore`: host-name checks are policy, not
 * syntax), from the file's directory so `$INCLUDE` resolves as the reader's include does.
 */
export function bindLoad(file: string, origin: string, text?: string): BindLoad {
  // named-checkzone cannot read a pipe: edited text goes to a temporary file.
  const temp = text === undefined ? undefined : mkdtempSync(join(tmpdir(), 'cdktf-mx-bind-'));
  const target = temp === undefined ? file : join(temp, 'zone');
  if (temp !== undefined) writeFileSync(target, text!);
  const result = spawnSync('named-checkzone', ['-k', 'ignore', '-D', '-o', '-', origin, target], { cwd: dirname(file), encoding: 'utf8' });
  if (temp !== undefined) rmSync(temp, { recursive: true, force: true });
  if (result.error) throw result.error;
  const records: string[] = [];
  let messages = result.stderr;
  for (const line of result.stdout.split('\n')) {
    const match = /^(\S+)\s+(\d+)\s+IN\s+(\S+)\s+(.*)$/.exec(line);
    if (match) records.push(canonical(match[1], Number(match[2]), match[3], match[4]));
    else if (line.trim() !== '') messages += `${line}\n`;
  }
  return { ok: result.status === 0, records: [...new Set(records)].sort(), messages };
}

/** The file read by cdktf-mx, `$INCLUDE` relative to the file's directory. */
export function ourLoad(file: string, origin: string, text = readFileSync(file, 'utf8')): { read: ZoneFile; records: string[] } {
  const read = readZoneFile(text, { origin, file, include: (path) => readFileSync(resolve(dirname(file), path), 'utf8') });
  const records = read.records.map((r) => canonical(r.name, r.ttl, r.type, r.data));
  return { read, records: [...new Set(records)].sort() };
}

/** One record as a comparable line: names lower-case (DNS names ignore case), blanks collapsed outside quotes. */
function canonical(owner: string, ttl: number, type: string, data: string): string {
  let rdata = collapse(data.trim());
  if (!PRINTED_AS_BIND.has(type)) rdata = rdata.replace(/["\s]/g, '').toLowerCase();
  else if (!TEXT_TYPES.has(type)) rdata = rdata.toLowerCase();
  return `${owner.toLowerCase()} ${ttl} ${type} ${rdata}`;
}

/** Runs of blanks outside quoted strings as one space. */
function collapse(text: string): string {
  return text.replace(/"(?:[^"\\]|\\.)*"|\s+/g, (part) => (part.startsWith('"') ? part : ' '));
}

/** Line numbers BIND names in its messages about `file` (`file:12: …`). */
export function bindLines(messages: string, file: string): number[] {
  const lines = new Set<number>();
  const name = file.split('/').pop()!;
  for (const match of messages.matchAll(/([^\s:]+):(\d+): /g)) if (match[1].endsWith(name)) lines.add(Number(match[2]));
  return [...lines].sort((a, b) => a - b);
}
