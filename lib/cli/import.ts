import { closeSync, existsSync, openSync, readFileSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { adoptZone } from '../adopt/adopt';
import { readCloudflareZone, REQUIRED_PERMISSIONS } from '../adopt/cloudflare-source';
import { readDnsZone } from '../adopt/dns-source';
import { formatFinding } from '../adopt/findings';
import { ImportError } from '../adopt/import-error';
import { LiveRecord, LiveZone } from '../adopt/live-zone';
import { readLiveZoneFile } from '../adopt/zone-file-source';
import { MxInputError } from '../dns/errors';
import { parseHostname } from '../dns/names';
import { DnsClient } from '../verify/dns-client';
import { zoneFileInclude } from './zone-file-include';

const USAGE = `usage: cdktf-mx import <domain> --from <source> --out <file.ts> [options]

Reads the live zone, recognises the mail vendor and writes the cdktf code that publishes
exactly the mail records that are live (MX, SPF, DKIM, DMARC, vendor verification,
autodiscover, A/AAAA of in-zone mail hosts). Everything else is listed and left out.

--from cloudflare      the Cloudflare API: token in CLOUDFLARE_API_TOKEN (needs
                       ${REQUIRED_PERMISSIONS}); base URL in CLOUDFLARE_BASE_URL (as the
                       provider reads it; CLOUDFLARE_API_BASE_URL is an older alias).
                       Every record gets its import id, so the first deploy changes nothing.
--from <zone file>     a BIND zone file; Cloudflare's dashboard export keeps proxy flags,
                       comments and tags (cf_tags); $INCLUDE is followed relative to
                       the file's directory, never out of it unless --allow-include-outside
--from dns             live lookups (no import ids): MX, TXT at the domain and _dmarc, CNAME
                       or A/AAAA of in-zone mail hosts, the vendor's fixed DKIM names; --server ip[:port]
--out <file.ts>        where to write; an existing file is kept unless --force
--construct            write a construct class to paste into a stack, not a whole app
--force                overwrite --out
--module <specifier>   import the constructs from here (default cdktf-mx)
--timeout <ms>         longest one API request or lookup may take (default 15000 / 5000)
--retries <n>          retries of an API request after 429, 5xx or a timeout (default 3)
--max-records <n>      stop reading Cloudflare's pages after this many records (default 1000000)

exit code: 0 written, 2 could not import (nothing is written)
`;

/** What `import` needs from the outside world; tests pass their own. */
export interface ImportIo {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** `cdktf-mx import`, as the dispatcher runs it. */
export function run(argv: string[]): Promise<number> {
  return runImport(argv, { stdout: process.stdout, stderr: process.stderr, env: process.env });
}

/** `cdktf-mx import` with its streams and environment given; returns the exit code. */
export async function runImport(argv: readonly string[], io: ImportIo): Promise<number> {
  const fail = (message: string, usage = false): number => {
    io.stderr.write(`cdktf-mx import: ${message}\n${usage ? `\n${USAGE}` : ''}`);
    return 2;
  };
  let args: ReturnType<typeof readArgs>;
  try {
    args = readArgs(argv);
  } catch (error) {
    return fail((error as Error).message, true);
  }
  if (args === 'help') {
    io.stdout.write(USAGE);
    return 0;
  }
  if (existsSync(args.out) && !args.force) return fail(`${args.out} exists; give --force to overwrite it`);

  let zone: LiveZone;
  try {
    zone = await readZone(args, io.env);
  } catch (error) {
    if (error instanceof ImportError || error instanceof MxInputError) return fail(error.message);
    throw error;
  }
  const command = `cdktf-mx import ${args.domain} --from ${args.from}${args.construct ? ' --construct' : ''}`;
  const adoption = adoptZone(zone, { mode: args.construct ? 'construct' : 'app', moduleSpecifier: args.module, command });
  if (adoption.mail.length === 0) return fail(`${zone.domain} has no mail records in ${zone.source} (no MX, SPF, DMARC or DKIM); nothing to adopt`);
  try {
    const fd = openSync(args.out, args.force ? 'w' : 'wx');
    try {
      writeSync(fd, adoption.text);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    return fail(`cannot write ${args.out}: ${(error as NodeJS.ErrnoException).code === 'EEXIST' ? 'it exists; give --force to overwrite it' : (error as Error).message}`);
  }
  io.stderr.write(summary(zone, adoption));
  io.stderr.write(`wrote ${args.out}\n`);
  return 0;
}

interface Args {
  domain: string;
  from: string;
  out: string;
  construct: boolean;
  force: boolean;
  allowIncludeOutside: boolean;
  module?: string;
  servers?: string[];
  timeoutMs?: number;
  retries?: number;
  maxRecords?: number;
}

function readArgs(argv: readonly string[]): Args | 'help' {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      from: { type: 'string' },
      out: { type: 'string' },
      construct: { type: 'boolean' },
      force: { type: 'boolean' },
      module: { type: 'string' },
      server: { type: 'string', multiple: true },
      timeout: { type: 'string' },
      retries: { type: 'string' },
      'max-records': { type: 'string' },
      'allow-include-outside': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return 'help';
  if (positionals.length !== 1) throw new MxInputError('domain', `give one domain (the zone apex, e.g. example.com), not ${positionals.length}`);
  const domain = parseHostname(positionals[0]).ascii;
  if (domain === undefined) throw new MxInputError('domain', `"${positionals[0]}" is not a domain name`);
  if (!values.from) throw new MxInputError('from', 'say where to read the zone: cloudflare, dns or a zone file path');
  if (!values.out) throw new MxInputError('out', 'give the file to write, e.g. --out mail.ts');
  if (values.server && values.from !== 'dns') throw new MxInputError('server', 'only applies to --from dns');
  return {
    domain,
    from: values.from,
    out: values.out,
    construct: values.construct === true,
    force: values.force === true,
    allowIncludeOutside: values['allow-include-outside'] === true,
    ...(values.module !== undefined ? { module: values.module } : {}),
    ...(values.server ? { servers: values.server } : {}),
    ...(values.timeout !== undefined ? { timeoutMs: count('timeout', values.timeout, 1) } : {}),
    ...(values.retries !== undefined ? { retries: count('retries', values.retries, 0) } : {}),
    ...(values['max-records'] !== undefined ? { maxRecords: count('max-records', values['max-records'], 1) } : {}),
  };
}

function count(option: string, value: string, min: number): number {
  if (!/^\d+$/.test(value.trim()) || Number(value) < min) throw new MxInputError(option, `must be a whole number ≥ ${min}, not "${value}"`);
  return Number(value);
}

async function readZone(args: Args, env: ImportIo['env']): Promise<LiveZone> {
  if (args.from === 'cloudflare') {
    const token = env.CLOUDFLARE_API_TOKEN;
    if (!token || token.trim() === '') throw new ImportError(`set CLOUDFLARE_API_TOKEN to an API token with ${REQUIRED_PERMISSIONS} for ${args.domain}`);
    // The provider's own variable first, so one setting serves import and deploy.
    const baseUrl = env.CLOUDFLARE_BASE_URL || env.CLOUDFLARE_API_BASE_URL;
    return readCloudflareZone(args.domain, {
      token: token.trim(),
      ...(baseUrl ? { baseUrl } : {}),
      ...(args.timeoutMs !== undefined ? { timeoutMs: args.timeoutMs } : {}),
      ...(args.retries !== undefined ? { retries: args.retries } : {}),
      ...(args.maxRecords !== undefined ? { maxRecords: args.maxRecords } : {}),
    });
  }
  if (args.from === 'dns') {
    return readDnsZone(args.domain, new DnsClient({ servers: args.servers, ...(args.timeoutMs !== undefined ? { timeoutMs: args.timeoutMs } : {}) }));
  }
  let text: string;
  try {
    text = readFileSync(args.from, 'utf8');
  } catch (error) {
    throw new ImportError(`--from ${args.from} is neither cloudflare, dns nor a readable zone file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  return readLiveZoneFile(text, args.domain, args.from, zoneFileInclude(dirname(args.from), (path) => readFileSync(path, 'utf8'), args.allowIncludeOutside));
}

/** Findings, what was adopted and what was left out, for stderr. */
function summary(zone: LiveZone, adoption: ReturnType<typeof adoptZone>): string {
  const lines: string[] = [];
  for (const finding of adoption.findings) lines.push(`finding ${formatFinding(finding)}`);
  const constructs = adoption.units.filter((u) => u.kind !== 'raw').length;
  const raw = adoption.units.length - constructs;
  lines.push(`adopted ${adoption.mail.length} mail records of ${zone.domain} from ${zone.source}: ${constructs} construct${constructs === 1 ? '' : 's'}, ${raw} raw record${raw === 1 ? '' : 's'}`);
  if (adoption.other.length > 0) {
    lines.push(`left out ${adoption.other.length} record${adoption.other.length === 1 ? '' : 's'} that ${adoption.other.length === 1 ? 'is' : 'are'} not mail:`);
    for (const record of adoption.other) lines.push(`  ${describe(record)}`);
  }
  for (const line of zone.unreadable) lines.push(`not read: ${line}`);
  return `${lines.join('\n')}\n`;
}

function describe(record: LiveRecord): string {
  return `${record.name} ${record.type}${record.priority !== undefined ? ` ${record.priority}` : ''} ${record.value.length > 60 ? `${record.value.slice(0, 57)}…` : record.value}`;
}
