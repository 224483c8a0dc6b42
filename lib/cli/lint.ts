import { readFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { filePlace, lintZone, lintZoneJudged, LintZoneInput, unusedSuppressionFinding } from '../lint/lint-zone';
import { lintZoneFile, problemPlace } from '../lint/zone-file';
import { isSynthesizedPath, isTerraformJson, shown, synthesizedFile, SynthesizedZone, synthesizedZones } from './synthesized-input';
import { HOST_CHOICES } from '../hosts';
import { isMachineFormat, LocatedFinding, renderMachine, renderMachineFailure } from './machine-output';
import { appended } from '../dns/short-list';
import { version } from './version';
import { CommonArgs, commonArgs, parseCommandLine, UsageError, useColor } from './options';
import { zoneFileInclude } from './zone-file-include';
import { ALL_RULES } from '../lint/reference';
import { appliesToZone, Finding, LintOptions, Suppression } from '../rules/engine';
import { Severity } from '../rules/rule';
import { terminalLines, terminalText } from './terminal-text';

const USAGE = `usage: cdktf-mx lint <input> [options]

Checks a zone against every cdktf-mx rule. <input> is JSON ({ "zone": "example.com",
"records": [{ "name", "type", "value", "priority"?, "ttl"?, "proxied"? }] }), a BIND
zone file, or synthesized cdktf output (a cdktf.out directory, a stack directory or a
cdk.tf.json: every zone in it); "-" reads standard input.

options:
  --zone <domain>           zone name for a zone file without $ORIGIN/SOA; for cdktf
                            output, lint only this zone
  --stack <name>            for a cdktf.out directory: only this stack
  --host <host>             the zone's DNS host, for a zone file or JSON: cloudflare,
                            route53, google-dns or rfc2136 (that host's rules run) or none
                            (no host's rules); default every host's rules. cdktf output
                            says its host: each zone gets the rules of the host it is at
  --format <format>         text (default), json (the findings array), sarif (SARIF 2.1.0
                            for code scanning) or github (workflow command annotations)
  --rule <id>=<severity>    override a rule: error, warning, info or off (repeatable)
  --min-priority-gap <n>    smallest gap between MX priority tiers (default 5)
  --config <file.json>      options as JSON: { rules, minPriorityGap, suppressions, host }
  --strict                  exit 1 on warnings too
  --allow-include-outside   follow $INCLUDE paths out of the zone file's directory
  --mta-sts-policy [<name>=]<file>
                            the MTA-STS policy served for the zone apex (or <name>) at
                            https://mta-sts.<name>/.well-known/mta-sts.txt, which is not in
                            DNS: checked against the MX set (repeatable; zone file or JSON)
  --no-color                plain text even on a terminal (also NO_COLOR=1)
  --list-rules              print every rule id, severity and summary
  -h, --help                this help

A zone file is read as BIND's named-checkzone reads it ($ORIGIN, $TTL, $INCLUDE relative
to the file's directory, $GENERATE); each line it cannot read is a zone-file-unreadable
finding with its line number. $INCLUDE paths out of the file's directory are refused unless
--allow-include-outside; problems in included files never quote their text.

Exit status: 1 when a finding is an error (or a warning with --strict), 2 on usage or
read errors (a zone file of which no record could be read), 0 otherwise.`;

/** What the command needs from the outside world; tests pass their own. */
export interface LintIo {
  readonly stdout: { write(text: string): unknown; isTTY?: boolean };
  readonly stderr: { write(text: string): unknown };
  readonly readFile: (path: string) => string;
  readonly env: Readonly<Record<string, string | undefined>>;
}

const defaultIo = (): LintIo => ({
  stdout: process.stdout,
  stderr: process.stderr,
  readFile: (path) => readFileSync(path === '-' ? 0 : path, 'utf8'),
  env: process.env,
});

interface Args extends CommonArgs {
  file?: string;
  zone?: string;
  stack?: string;
  allowIncludeOutside?: boolean;
  host?: string;
  /** `--mta-sts-policy [<name>=]<file>`, in order. */
  mtaStsPolicies: Array<{ name?: string; file: string }>;
}

/** Every rule id `--rule` may name. */
const RULE_IDS: ReadonlySet<string> = new Set(ALL_RULES.map((rule) => rule.id));

/** `cdktf-mx lint`: returns the exit status. */
export async function run(argv: string[], io: LintIo = defaultIo()): Promise<number> {
  let args: Args;
  try {
    args = parseArgs(argv);
  } catch (error) {
    io.stderr.write(`cdktf-mx lint: ${terminalLines((error as Error).message)}\n\n${USAGE}\n`);
    return 2;
  }
  if (args.help) {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (args.listRules) {
    for (const rule of ALL_RULES) io.stdout.write(`${rule.id.padEnd(30)} ${rule.severity.padEnd(8)} ${rule.summary}\n`);
    return 0;
  }
  let findings: StackFinding[];
  let stacks = 0;
  try {
    if (!args.file) throw new UsageError('give the zone file to check');
    const options = readConfig(args, io);
    const synthesized = () => {
      if (options.host !== undefined) {
        throw new UsageError(`--host${args.host === undefined ? ' (host in --config)' : ''} is for zone files and JSON, whose host is unknown; in synthesized cdktf output each zone is checked with the rules of the host its resources are at`);
      }
      if (args.mtaStsPolicies.length > 0) throw new UsageError('--mta-sts-policy is for zone files and JSON; synthesized cdktf output carries each MtaSts policy in its metadata, and lint reads it from there');
      const zones = synthesizedZones(args.file!, { zone: args.zone, stack: args.stack });
      stacks = new Set(zones.map((z) => z.stack)).size;
      return lintZones(zones, options);
    };
    // Synthesized cdktf output (directories, cdk.tf.json, Terraform JSON): every zone in it.
    if (isSynthesizedPath(args.file)) findings = synthesized();
    else {
      const text = io.readFile(args.file);
      const input = readJsonInput(args.file, text, args.zone);
      const mtaStsPolicies = readPolicyFiles(args.mtaStsPolicies, io);
      if (input === undefined) findings = lintZoneFileInput(args.file, text, args.zone, { ...options, ...(mtaStsPolicies ? { mtaStsPolicies } : {}) }, io, args.allowIncludeOutside);
      else if (!isTerraformJson(input)) findings = lintZone(mtaStsPolicies ? { ...input, mtaStsPolicies: [...(input.mtaStsPolicies ?? []), ...mtaStsPolicies] } : input, options);
      else if (args.file === '-') throw new UsageError('synthesized cdktf output is read from its path (cdktf.out, a stack directory or cdk.tf.json), not from standard input');
      else findings = synthesized();
    }
  } catch (error) {
    io.stderr.write(`cdktf-mx lint: ${terminalLines((error as Error).message)}\n${error instanceof UsageError ? `\n${USAGE}\n` : ''}`);
    if (isMachineFormat(args.format)) io.stdout.write(renderMachineFailure(args.format, { message: (error as Error).message, ...(args.file !== undefined && args.file !== '-' ? { file: args.file } : {}) }, { command: 'lint', version: version() }));
    return 2;
  }
  if (args.format === 'json') io.stdout.write(`${JSON.stringify(findings, null, 2)}\n`);
  else if (isMachineFormat(args.format)) io.stdout.write(renderMachine(args.format, locate(findings, args), ALL_RULES, { command: 'lint', version: version() }));
  else for (const chunk of renderTextChunks(withStackNames(findings, stacks), useColor(args.color, io))) io.stdout.write(chunk);
  const failing = findings.some((f) => f.severity === 'error' || (args.strict && f.severity === 'warning'));
  return failing ? 1 : 0;
}

/** `file:line: ` at the start of a zone-file finding's message. */
const PLACE = /^(.+?):(\d+): /;
/** Rules whose message starts with the place of a zone-file line: the reader's, and the lint's about records it could not read. */
const PLACED_RULE = /^(zone-file-|record-)/;

function placeOf(match: RegExpExecArray | null): readonly [string, number] | undefined {
  return match ? [match[1], Number(match[2])] : undefined;
}

/**
 * Findings placed for machine output: in the input file (the stack's cdk.tf.json for
 * synthesized output), at the line a zone-file finding names, at the construct path.
 */
function locate(findings: readonly StackFinding[], args: Args): LocatedFinding[] {
  const file = synthesizedFile(args.file!, args.stack);
  return findings.map((finding) => {
    // A finding of one stack of several is placed in that stack's cdk.tf.json. A finding about a record knows where the record was read; one about a line the reader could not read (or a record the lint could not) names it first in its message.
    const ownFile = finding.stack !== undefined && args.stack === undefined ? synthesizedFile(args.file!, finding.stack) : file;
    const place = finding.line !== undefined ? [finding.file ?? '<stdin>', finding.line] as const : PLACED_RULE.test(finding.rule) ? placeOf(PLACE.exec(finding.message)) : undefined;
    const { file: _file, line: _line, address, ...rest } = finding;
    return {
      ...rest,
      ...(place ? { file: place[0] === '<stdin>' ? place[0] : shown(place[0]), line: place[1] } : ownFile !== undefined ? { file: ownFile } : {}),
      ...(address !== undefined ? { resource: address } : finding.path !== undefined ? { resource: finding.path } : {}),
    };
  });
}

/** A finding of synthesized output, with the stack it is in. */
export type StackFinding = Finding & { readonly stack?: string };

/**
 * Findings of synthesized output with several stacks (`stacks` of them) for the text output:
 * each name says its stack (`example.com. (stack prod)`), so two stacks' identical findings are
 * not two identical lines. One stack's findings, and a zone file's or JSON's, are shown as they are.
 */
function withStackNames(findings: readonly StackFinding[], stacks: number): readonly Finding[] {
  // The text report never prints `stack`: with one stack (or a zone file) the findings go as they are, not copied one by one.
  if (stacks < 2) return findings;
  return findings.map(({ stack, ...finding }) => (stack !== undefined ? { ...finding, name: `${finding.name} (stack ${stack})` } : finding));
}

/**
 * Findings of every zone of synthesized output, each judged as synth judged its stack: with
 * the stack's own suppressions and `configureMxValidation` settings from its metadata, under
 * the command line's (`--rule`, `--config`); a stack with `warningsAsErrors` has its warnings
 * as errors. A suppression is unused only when no zone it applies to used it: its
 * `suppression-unused` finding is kept once, and only then (also for one scoped to a zone
 * the output does not hold, as synth reports it).
 */
function lintZones(inputs: readonly SynthesizedZone[], options: LintOptions): StackFinding[] {
  const findings: StackFinding[] = [];
  const unused = new Map<string, { suppression: Suppression; apex: string; stack?: string; applies: number; unusedIn: number }>();
  let severity: Severity | undefined;
  for (const { host, stack, validation, ...zone } of inputs) {
    const judged: LintOptions = {
      ...(validation.minPriorityGap !== undefined ? { minPriorityGap: validation.minPriorityGap } : {}),
      ...options,
      rules: { ...validation.rules, ...options.rules },
      suppressions: [...(options.suppressions ?? []), ...validation.suppressions],
      ...(host !== undefined ? { host } : {}),
    };
    const result = lintZoneJudged(zone, judged);
    severity = result.unusedSeverity;
    const strict = validation.warningsAsErrors === true;
    for (const finding of result.findings) findings.push({ ...finding, ...(strict && finding.severity === 'warning' ? { severity: 'error' as const } : {}), stack });
    if (result.apex === undefined) continue;
    const off = (s: Suppression) => judged.rules?.[s.id] === 'off';
    // The command line's suppressions are judged over every zone, a stack's over its own zones.
    const own = (options.suppressions ?? []).map((s) => ({ s, key: suppressionKey(s) }))
      .concat(validation.suppressions.map((s) => ({ s, key: `${stack}\n${suppressionKey(s)}` })));
    const unusedHere = new Set(result.unused.map(suppressionKey));
    for (const { s, key } of own) {
      if (off(s)) continue;
      // A suppression scoped to a zone the output does not hold is unused too, as synth reports it.
      const entry = unused.get(key) ?? { suppression: s, apex: s.zone ?? result.apex, ...(key.includes('\n') ? { stack } : {}), applies: 0, unusedIn: 0 };
      unused.set(key, entry);
      if (!appliesToZone(s, result.apex)) continue;
      entry.apex = result.apex;
      entry.applies += 1;
      if (unusedHere.has(suppressionKey(s))) entry.unusedIn += 1;
      unused.set(key, entry);
    }
  }
  if (severity !== undefined) {
    for (const { suppression, apex, stack, applies, unusedIn } of unused.values()) {
      if (unusedIn === applies) findings.push({ ...unusedSuppressionFinding(suppression, apex, severity), ...(stack !== undefined ? { stack } : {}) });
    }
  }
  return findings;
}

/** A suppression's identity by content: the same rule, reason and scope is one suppression. */
function suppressionKey(s: Suppression): string {
  return [s.id, s.reason.trim(), s.zone ?? '', s.name ?? '', s.path ?? ''].join('\u0000');
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { ...commonArgs(), mtaStsPolicies: [] };
  parseCommandLine(argv, args, (flag, take) => {
    if (flag === '--zone') args.zone = take();
    else if (flag === '--stack') args.stack = take();
    else if (flag === '--allow-include-outside') args.allowIncludeOutside = true;
    else if (flag === '--mta-sts-policy') {
      const value = take();
      const equals = value.indexOf('=');
      args.mtaStsPolicies.push(equals > 0 ? { name: value.slice(0, equals), file: value.slice(equals + 1) } : { file: value });
    }
    else if (flag === '--host') {
      args.host = take();
      if (!HOST_CHOICES.includes(args.host)) throw new UsageError(`--host must be one of ${HOST_CHOICES.join(', ')}, not "${args.host}"`);
    }
    else return false;
    return true;
  }, (value) => {
    if (args.file !== undefined) throw new UsageError(`one file at a time (got ${args.file} and ${value})`);
    args.file = value;
  }, RULE_IDS);
  return args;
}

/** The JSON input when the file is JSON (by name or first character); undefined for a zone file. */
function readJsonInput(file: string, text: string, zone: string | undefined): LintZoneInput | undefined {
  const json = file.toLowerCase().endsWith('.json') || text.trimStart().startsWith('{');
  if (json) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      throw new Error(`${file} is not valid JSON: ${(error as Error).message}`);
    }
    if (zone !== undefined && parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) return { ...(parsed as LintZoneInput), zone };
    return parsed as LintZoneInput;
  }
  return undefined;
}

/** The `--mta-sts-policy` files read; undefined when none was given. A file that cannot be read is a read error (exit 2). */
function readPolicyFiles(given: ReadonlyArray<{ name?: string; file: string }>, io: LintIo): Array<{ name?: string; text: string }> | undefined {
  if (given.length === 0) return undefined;
  return given.map(({ name, file }) => {
    try {
      return { ...(name !== undefined ? { name } : {}), text: io.readFile(file) };
    } catch (error) {
      throw new Error(`cannot read --mta-sts-policy ${file}: ${(error as Error).message}`);
    }
  });
}

/** Most unreadable lines listed when a zone file gives no record at all. */
const MAX_LISTED_PROBLEMS = 20;

/**
 * Lint a zone file; `$INCLUDE` paths are relative to the file's directory (the working
 * directory for standard input). Throws, listing the unreadable lines, when no record
 * could be read: the input is not a zone file, and "no findings" would be a lie.
 */
function lintZoneFileInput(file: string, text: string, zone: string | undefined, options: LintOptions & { readonly mtaStsPolicies?: LintZoneInput['mtaStsPolicies'] }, io: LintIo, allowIncludeOutside = false): Finding[] {
  const base = file === '-' ? process.cwd() : dirname(file);
  const result = lintZoneFile(text, { ...options, zone: zone ?? zoneFromFileName(file), file: file === '-' ? '<stdin>' : file, include: zoneFileInclude(base, io.readFile, allowIncludeOutside) });
  if (result.records > 0) return result.findings;
  const errors = result.problems.filter((p) => p.severity === 'error');
  const shown = errors.length > 0 ? errors : result.problems;
  const listed = shown.slice(0, MAX_LISTED_PROBLEMS).map((p) => `  ${problemPlace(p)}: ${p.message}\n`).join('');
  const more = shown.length > MAX_LISTED_PROBLEMS ? `  … and ${shown.length - MAX_LISTED_PROBLEMS} more\n` : '';
  const why = errors.length > 0 ? '; it does not look like a zone file:' : shown.length > 0 ? ':' : ' (it is empty)';
  throw new Error(`no record could be read from ${file === '-' ? 'standard input' : file}${why}\n${listed}${more}`.trimEnd());
}

/** `example.com` from `example.com.zone`, `db.example.com` or `example.com.db`; undefined otherwise. */
function zoneFromFileName(file: string): string | undefined {
  const name = basename(file).replace(/^db\./, '').replace(/\.(zone|db|txt)$/i, '');
  return name.includes('.') && /^[a-z0-9.-]+$/i.test(name) ? name : undefined;
}

function readConfig(args: Args, io: LintIo): LintOptions {
  let config: LintOptions = {};
  if (args.config) {
    try {
      config = JSON.parse(io.readFile(args.config)) as LintOptions;
    } catch (error) {
      throw new Error(`cannot read --config ${args.config}: ${(error as Error).message}`);
    }
  }
  return {
    ...config,
    rules: { ...config.rules, ...args.rules },
    ...(args.minPriorityGap !== undefined ? { minPriorityGap: args.minPriorityGap } : {}),
    ...(args.host !== undefined ? { host: args.host } : {}),
  };
}


const STYLE = { error: '\u001b[31m', warning: '\u001b[33m', info: '\u001b[36m', bold: '\u001b[1m', dim: '\u001b[2m', reset: '\u001b[0m' } as const;

/** Findings grouped by owner name (names in zone order of first finding), then a summary line. */
export function renderText(findings: readonly Finding[], color: boolean): string {
  let out = '';
  for (const part of textParts(findings, color)) out += part;
  return out;
}

/** {@link renderText} in pieces of about 64 KiB: a report of 50,000 findings is never held as one string. */
export function* renderTextChunks(findings: readonly Finding[], color: boolean): Generator<string> {
  let chunk = '';
  for (const part of textParts(findings, color)) {
    chunk += part;
    if (chunk.length >= 1 << 16) {
      yield chunk;
      chunk = '';
    }
  }
  yield chunk;
}

/** The text report, one owner name's block at a time, then the summary line. */
function* textParts(findings: readonly Finding[], color: boolean): Generator<string> {
  const paint = (style: keyof typeof STYLE, text: string) => (color ? `${STYLE[style]}${text}${STYLE.reset}` : text);
  const byName = new Map<string, Finding[]>();
  for (const finding of findings) {
    const list = byName.get(finding.name);
    const next = appended(list, finding);
    if (next !== list) byName.set(finding.name, next);
  }
  const order = { error: 0, warning: 1, info: 2 };
  for (const [name, list] of byName) {
    let block = `${paint('bold', terminalText(name))}\n`;
    for (const finding of [...list].sort((a, b) => order[a.severity] - order[b.severity])) {
      // A finding about a record read from a zone file says where it is, as the reader's own findings do.
      const place = finding.line !== undefined && finding.address === undefined ? `${filePlace({ ...finding, line: finding.line })}: ` : '';
      block += `  ${paint(finding.severity, finding.severity.padEnd(7))} ${paint('dim', finding.rule)}  ${terminalText(`${place}${finding.message}`)}\n`;
    }
    yield `${block}\n`;
  }
  const count = (severity: Finding['severity']) => findings.filter((f) => f.severity === severity).length;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const summary = `${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}, ${plural(count('info'), 'info')}`;
  yield `${findings.length === 0 ? 'No findings: ' : ''}${count('error') > 0 ? paint('error', summary) : summary}\n`;
}
