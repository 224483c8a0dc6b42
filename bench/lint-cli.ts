/**
 * `cdktf-mx lint` of a large zone file against BIND's `named-checkzone` on the same file, both
 * as a user runs them: a fresh process each, timed and measured (peak RSS) by GNU time.
 * Issue 19: a 250,000-record zone with 100,000 mail names; lint within 3× named-checkzone's
 * time and 4× its memory, every rule on.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, createWriteStream, existsSync, openSync, readFileSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { median, round } from './stats';

/** The zone's apex. */
export const LINT_CLI_ZONE = 'mail.example';

/** Limits of issue 19 (lint / named-checkzone). */
export const LINT_CLI_TARGETS = { time: 3, memory: 4 };

export interface ProcessRun {
  readonly seconds: number;
  /** User + system CPU seconds: on a shared machine, steadier than wall time. */
  readonly cpuSeconds: number;
  readonly peakRssMiB: number;
  readonly exitCode: number;
}

export interface ProcessSummary {
  readonly seconds: { readonly median: number; readonly min: number };
  readonly cpuSeconds: number;
  readonly peakRssMiB: number;
  readonly exitCode: number;
}

export interface LintCliResult {
  readonly records: number;
  readonly mailNames: number;
  readonly megabytes: number;
  readonly runs: number;
  /** Median (and min) wall time, median CPU time and peak RSS, of `cdktf-mx lint <file>` (text output to a file). */
  readonly lint: ProcessSummary & { readonly outputKiB: number };
  readonly checkzone: ProcessSummary & { readonly version: string };
  /** lint / named-checkzone: wall time (medians), CPU time (medians), peak RSS (medians). */
  readonly timeRatio: number;
  readonly cpuRatio: number;
  readonly memoryRatio: number;
}

/**
 * A zone of `mailNames` names that take mail, as a hosting estate writes it: each name has two
 * MX to the zone's own exchanges (which have addresses), every other name a DMARC record (the
 * rest raise `dmarc-missing`, an info each). 2.5 records a name, plus SOA, NS and addresses.
 */
export async function writeMailZone(mailNames: number, file: string): Promise<number> {
  const out = createWriteStream(file);
  const write = async (text: string): Promise<void> => {
    if (!out.write(text)) await once(out, 'drain');
  };
  await write(`$ORIGIN ${LINT_CLI_ZONE}.\n$TTL 3600\n@ IN SOA ns1 hostmaster ( 2026120601 2h 30m 2w 5m )\n@ IN NS ns1\nns1 IN A 192.0.2.53\nmx1 IN A 192.0.2.25\nmx2 IN A 192.0.2.26\n`);
  let records = 5;
  let chunk = '';
  for (let k = 0; k < mailNames; k++) {
    chunk += `d${k} IN MX 10 mx1\n     IN MX 20 mx2\n`;
    records += 2;
    if (k % 2 === 0) {
      chunk += `_dmarc.d${k} IN TXT "v=DMARC1; p=reject; rua=mailto:dmarc@d${k}.${LINT_CLI_ZONE}"\n`;
      records += 1;
    }
    if (chunk.length > 1 << 16) {
      await write(chunk);
      chunk = '';
    }
  }
  await write(chunk);
  out.end();
  await once(out, 'finish');
  return records;
}

/** One process under GNU time: wall seconds and peak RSS; stdout to `stdoutFile`. */
function timed(command: string, args: readonly string[], stdoutFile: string, cwd: string): ProcessRun {
  const report = `${stdoutFile}.time`;
  const fd = openSync(stdoutFile, 'w');
  try {
    const result = spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', '-o', report, command, ...args], { cwd, stdio: ['ignore', fd, 'pipe'] });
    const [seconds, user, system, kib] = readFileSync(report, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
    return { seconds: seconds!, cpuSeconds: round(user! + system!), peakRssMiB: round(kib! / 1024), exitCode: result.status ?? -1 };
  } finally {
    closeSync(fd);
  }
}

/**
 * `runs` rounds of named-checkzone then cdktf-mx lint (compiled, `runner` calls the CLI's main
 * as bin/cdktf-mx.js does) on a freshly written file of `mailNames` mail names.
 */
export async function measureLintCli(options: { mailNames: number; runs: number; dir: string; runner: string; cwd: string }): Promise<LintCliResult> {
  if (!existsSync('/usr/bin/time')) throw new Error('the lint-cli step needs GNU time (/usr/bin/time, Debian package time)');
  const file = join(options.dir, `${LINT_CLI_ZONE}.zone`);
  const records = await writeMailZone(options.mailNames, file);
  const version = execFileSync('named-checkzone', ['-v'], { encoding: 'utf8' }).trim();
  const lintRuns: ProcessRun[] = [];
  const checkRuns: ProcessRun[] = [];
  const lintOut = join(options.dir, 'lint.out');
  for (let i = 0; i < options.runs; i++) {
    checkRuns.push(timed('named-checkzone', [LINT_CLI_ZONE, file], join(options.dir, 'checkzone.out'), options.cwd));
    lintRuns.push(timed(process.execPath, [options.runner, 'lint', file], lintOut, options.cwd));
  }
  const summary = (runs: readonly ProcessRun[]): ProcessSummary => ({
    seconds: { median: round(median(runs.map((r) => r.seconds))), min: Math.min(...runs.map((r) => r.seconds)) },
    cpuSeconds: round(median(runs.map((r) => r.cpuSeconds))),
    peakRssMiB: round(median(runs.map((r) => r.peakRssMiB))),
    exitCode: runs[runs.length - 1]!.exitCode,
  });
  const lint = { ...summary(lintRuns), outputKiB: Math.round(statSync(lintOut).size / 1024) };
  const checkzone = { ...summary(checkRuns), version };
  return {
    records,
    mailNames: options.mailNames,
    megabytes: round(statSync(file).size / 2 ** 20),
    runs: options.runs,
    lint,
    checkzone,
    timeRatio: round(lint.seconds.median / checkzone.seconds.median),
    cpuRatio: round(lint.cpuSeconds / checkzone.cpuSeconds),
    memoryRatio: round(lint.peakRssMiB / checkzone.peakRssMiB),
  };
}

/** Table row of the step. */
export function lintCliRow(r: LintCliResult): string {
  return `| \`cdktf-mx lint\` of a zone file of ${r.records.toLocaleString('en-US')} records, ${r.mailNames.toLocaleString('en-US')} mail names (${r.megabytes} MiB) vs \`named-checkzone\` | ${r.lint.seconds.median} s vs ${r.checkzone.seconds.median} s (**${r.timeRatio}×**) | median of ${r.runs}; CPU ${r.lint.cpuSeconds} s vs ${r.checkzone.cpuSeconds} s (${r.cpuRatio}×); peak RSS ${r.lint.peakRssMiB} vs ${r.checkzone.peakRssMiB} MiB (**${r.memoryRatio}×**); exit ${r.lint.exitCode}, ${r.lint.outputKiB} KiB of text output |`;
}
