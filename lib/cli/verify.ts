import { parseArgs } from 'node:util';
import { MxInputError } from '../dns/errors';
import { parseHostname } from '../dns/names';
import { readFileSync } from 'node:fs';
import { DomainReport, HTTPS_PORT, MailVerifier, VerifierOptions } from '../verify/check';
import { DeclaredDomain, readDeclaredMail } from '../verify/declared';
import { DEFAULT_TIMEOUT_MS, DEFAULT_TRIES, DnsClient, MAX_TIMEOUT_MS, MAX_TRIES } from '../verify/dns-client';
import { mapWithLimit } from '../verify/pool';
import { SMTP_PORT } from '../verify/smtp-probe';
import { exitCodeOf, formatJson, formatTable } from '../verify/report';
import { VERIFY_RULES, verifyFindings } from '../verify/findings';
import { isMachineFormat, renderMachine } from './machine-output';
import { useColor } from './options';
import { version } from './version';
import { synthesizedFile } from './synthesized-input';
import { terminalLines, terminalText } from './terminal-text';

/** Where `verify` writes: stdout for the report, stderr for progress and errors. */
export interface VerifyIo {
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  /** Environment, for NO_COLOR. Default `process.env`. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** The part of a writable stream `verify` uses. */
export interface OutputStream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

export const DEFAULT_CONCURRENCY = 8;
/** More domains at once than this only queues lookups in the resolver. */
export const MAX_CONCURRENCY = 256;

const USAGE = `usage: cdktf-mx verify [input] [options]

Checks that live DNS publishes the mail setup you declared: MX and their exchanges; where
declared, the _mta-sts id, the MTA-STS policy served over HTTPS (RFC 8461 §3.3) and its mx
lines against the live MX, and the TLSA records of the exchanges.

input                  cdktf.out directory (default), a stack directory, a cdk.tf.json,
                       or a zone JSON file { "zone", "records": [...] }
--domain <name>        check only this domain (repeatable); an undeclared one is checked too
--stack <name>         only this stack of cdktf.out
--server <ip[:port]>   ask this name server for the domains' MX (repeatable), e.g. their
                       authoritative server; default: the system resolver
--resolver <ip[:port]> recursive resolver for the exchanges' addresses, which are usually in
                       other zones (repeatable); default: the --server, else the system
                       resolver. An exchange a --server refuses is "not checked" (warn)
--format text|json|sarif|github  output format (default text, a table; sarif for code
                       scanning, github for workflow annotations; "table" is kept as another
                       name for text)
--timeout <ms>         longest one lookup may take, 1–${MAX_TIMEOUT_MS} (default ${DEFAULT_TIMEOUT_MS})
--retries <n>          retries of a lookup within the timeout, each to the next server,
                       0–${MAX_TRIES - 1} (default ${DEFAULT_TRIES - 1}); --tries <n> (n attempts) is deprecated
--concurrency <n>      domains checked at once, 1–${MAX_CONCURRENCY} (default ${DEFAULT_CONCURRENCY})
--smtp                 also connect to each exchange's SMTP port and read its greeting; for an
                       exchange with declared TLSA, STARTTLS and compare the key it presents
                       with the DANE-EE records (sends no mail)
--smtp-port <n>        port for --smtp, 1–65535 (default ${SMTP_PORT})
--no-color             plain text even on a terminal (also NO_COLOR=1)
--ca <file>            also trust the CA certificates (PEM) in <file> when fetching MTA-STS
                       policies; added to the system's roots, never disabling verification
--mta-sts-port <n>     HTTPS port of mta-sts.<domain> (default ${HTTPS_PORT}; for tests against a
                       loopback server: senders always use 443)
-h, --help             this help

Exit status: 0 as declared, 1 drift or a broken setup (also when another check of the
domain could not be made), 2 could not check (a timeout, any answer but NOERROR or
NXDOMAIN, a malformed answer, bad input)
`;

/** `cdktf-mx verify`, as the dispatcher runs it. */
export function run(argv: string[]): Promise<number> {
  return runVerify(argv, { stdout: process.stdout, stderr: process.stderr });
}

/** `cdktf-mx verify` with its output streams given, so tests can read them. */
export async function runVerify(argv: readonly string[], io: VerifyIo): Promise<number> {
  let domains: DeclaredDomain[];
  let client: DnsClient;
  let format: string;
  let concurrency: number;
  let options: VerifierOptions;
  let input: string;
  let stack: string | undefined;
  let noColor = false;
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        domain: { type: 'string', multiple: true },
        stack: { type: 'string' },
        server: { type: 'string', multiple: true },
        resolver: { type: 'string', multiple: true },
        format: { type: 'string', default: 'text' },
        timeout: { type: 'string' },
        retries: { type: 'string' },
        tries: { type: 'string' },
        'no-color': { type: 'boolean' },
        concurrency: { type: 'string' },
        smtp: { type: 'boolean' },
        'smtp-port': { type: 'string' },
        ca: { type: 'string' },
        'mta-sts-port': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    if (values.help) {
      io.stdout.write(USAGE);
      return 0;
    }
    if (positionals.length > 1) throw new MxInputError('input', `give one input, not ${positionals.length}`);
    // "table" was verify's name for the text format every other command calls text: kept as an alias.
    format = values.format === 'table' ? 'text' : values.format!;
    if (format !== 'text' && format !== 'json' && !isMachineFormat(format)) throw new MxInputError('format', `"${format}" is not text, json, sarif or github`);
    noColor = values['no-color'] === true;
    concurrency = wholeNumber('concurrency', values.concurrency, MAX_CONCURRENCY) ?? DEFAULT_CONCURRENCY;
    const timeoutMs = wholeNumber('timeout', values.timeout, MAX_TIMEOUT_MS) ?? DEFAULT_TIMEOUT_MS;
    const tries = attempts(values.retries, values.tries, io);
    client = new DnsClient({ servers: values.server, timeoutMs, tries });
    const resolver = values.resolver ? new DnsClient({ servers: values.resolver, timeoutMs, tries }) : undefined;
    const smtpPort = wholeNumber('smtp-port', values['smtp-port'], 65535) ?? SMTP_PORT;
    const extraCa = values.ca !== undefined ? readCa(values.ca) : undefined;
    // `--smtp` serves both the greeting probe and, for exchanges with TLSA, the STARTTLS key check.
    const smtp = values.smtp ? { smtp: { port: smtpPort, timeoutMs } } : {};
    const transport = {
      port: wholeNumber('mta-sts-port', values['mta-sts-port'], 65535) ?? HTTPS_PORT,
      timeoutMs,
      ...(extraCa !== undefined ? { extraCa } : {}),
      ...smtp,
    };
    options = {
      transport,
      ...smtp,
      ...(resolver ? { resolver } : values.server ? { authoritativeOnly: true } : {}),
    };
    input = positionals[0] ?? 'cdktf.out';
    stack = values.stack;
    domains = select(readDeclaredMail(input, { stack }), values.domain);
    if (domains.length === 0) throw new MxInputError('input', `${input} declares no MX records; give --domain to check a domain anyway`);
  } catch (error) {
    const usageError = error instanceof MxInputError || String((error as NodeJS.ErrnoException).code).startsWith('ERR_PARSE_ARGS');
    if (!usageError) throw error;
    io.stderr.write(`cdktf-mx verify: ${terminalLines((error as Error).message)}\n\n${USAGE}`);
    return 2;
  }

  const verifier = new MailVerifier(client, options);
  const progress = io.stderr.isTTY === true && domains.length > 1;
  const reports = await mapWithLimit(domains, concurrency, (domain) => verifier.verify(domain), (done, total) => {
    if (progress) io.stderr.write(`\rverifying ${done}/${total} domains…`);
  });
  if (progress) io.stderr.write('\r\x1b[K');
  const env = io.env ?? process.env;
  if (isMachineFormat(format)) {
    const file = synthesizedFile(input, stack);
    const findings = verifyFindings(reports).map((f) => ({ ...f, ...(file !== undefined ? { file } : {}) }));
    io.stdout.write(renderMachine(format, findings, VERIFY_RULES, { command: 'verify', version: version() }));
  } else io.stdout.write(format === 'json' ? formatJson(reports) : formatTable(reports.map(printable), { colour: useColor(noColor ? false : undefined, { stdout: io.stdout, env }) }));
  return exitCodeOf(reports);
}

/** A report whose texts from live DNS and SMTP servers print as data on a terminal. */
function printable(report: DomainReport): DomainReport {
  return { ...report, domain: terminalText(report.domain), checks: report.checks.map((check) => ({ ...check, check: terminalText(check.check), message: terminalText(check.message) })) };
}

/** The declared domains to check: all, or those asked for (undeclared ones with no MX expected). */
function select(declared: DeclaredDomain[], asked: readonly string[] | undefined): DeclaredDomain[] {
  if (!asked || asked.length === 0) return declared;
  return [...new Set(asked.map(domainName))].map((domain) => declared.find((d) => d.domain === domain) ?? { domain, mx: [] });
}

/** A `--domain` as a lower-case ASCII name; an empty one would ask about the root zone. */
function domainName(name: string): string {
  const parsed = parseHostname(name);
  if (parsed.ascii === undefined || parsed.problems.length > 0) {
    throw new MxInputError('domain', `"${name}" is not a domain name such as example.com (${parsed.problems.map((p) => p.detail).join('; ')})`);
  }
  return parsed.ascii;
}

/**
 * Attempts per lookup from `--retries` (retries after the first attempt, the name `import`
 * uses too), or from the deprecated `--tries` (attempts), which warns.
 */
function attempts(retries: string | undefined, tries: string | undefined, io: VerifyIo): number | undefined {
  if (retries !== undefined && tries !== undefined) throw new MxInputError('retries', 'give --retries only (--tries is its deprecated form)');
  if (tries !== undefined) {
    const value = wholeNumber('tries', tries, MAX_TRIES)!;
    io.stderr.write(`cdktf-mx verify: --tries is deprecated; use --retries ${value - 1} (retries after the first attempt)\n`);
    return value;
  }
  if (retries === undefined) return undefined;
  const number = Number(retries);
  if (!/^\d+$/.test(retries.trim()) || number > MAX_TRIES - 1) throw new MxInputError('retries', `must be a whole number from 0 to ${MAX_TRIES - 1}, not "${retries}"`);
  return number + 1;
}

/** The PEM certificates of `--ca <file>`; a file without one is an input error, never an empty trust list. */
function readCa(file: string): string {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new MxInputError('ca', `cannot read ${file}: ${(error as Error).message}`);
  }
  if (!text.includes('-----BEGIN CERTIFICATE-----')) throw new MxInputError('ca', `${file} holds no PEM certificate (-----BEGIN CERTIFICATE-----)`);
  return text;
}

/** A whole number option from 1 to `max`. */
function wholeNumber(option: string, value: string | undefined, max: number): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!/^\d+$/.test(value.trim()) || number < 1 || number > max) throw new MxInputError(option, `must be a whole number from 1 to ${max}, not "${value}"`);
  return number;
}
