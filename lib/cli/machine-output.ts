import { Severity } from '../rules/rule';
import { RuleInfo } from '../rules/rule';

/** A finding as the machine formats place it: where it is (file, line) and what the record is. */
export interface LocatedFinding {
  readonly rule: string;
  readonly severity: Severity;
  readonly message: string;
  /** Owner name with trailing dot, or `.`. */
  readonly name: string;
  /** File the finding is reported on, relative to the working directory (the command's input). */
  readonly file?: string;
  /** 1-based line in `file`, when known (zone files). */
  readonly line?: number;
  /** Terraform address or construct path of the record at fault, when known. */
  readonly resource?: string;
}

/** Which command ran, its version, and what it checked (SARIF `automationDetails`: one category per input). */
export interface ToolRun {
  readonly command: string;
  readonly version: string;
  /** The input checked, e.g. `cdktf.out/stacks/mail/cdk.tf.json`; runs of one command on different inputs are separate categories. */
  readonly input?: string;
}

/** The output formats every command takes besides its own (text/table, json). */
export const MACHINE_FORMATS = ['sarif', 'github'] as const;
export type MachineFormat = (typeof MACHINE_FORMATS)[number];

/** True for `sarif` and `github`. */
export function isMachineFormat(format: string): format is MachineFormat {
  return (MACHINE_FORMATS as readonly string[]).includes(format);
}

/**
 * A log for a run that could not check its input (a file that cannot be read or parsed):
 * SARIF with no results and an unsuccessful invocation whose notification holds the error
 * (SARIF §3.20.14, §3.20.21: what an upload step shows as the tool's error), or one GitHub
 * `::error` command, so a pipeline that uploads or annotates still shows why.
 */
export function renderMachineFailure(format: MachineFormat, failure: { readonly message: string; readonly file?: string }, tool: ToolRun): string {
  if (format === 'github') return toGithub([{ rule: `${tool.command}-failed`, severity: 'error', name: '.', message: failure.message, ...(failure.file !== undefined ? { file: failure.file } : {}) }]);
  const log = toSarif([], [], tool) as { runs: Array<Record<string, unknown>> };
  log.runs[0].invocations = [{
    executionSuccessful: false,
    exitCode: 2,
    toolExecutionNotifications: [{
      level: 'error',
      message: { text: failure.message },
      ...(failure.file !== undefined ? { locations: [{ physicalLocation: { artifactLocation: { uri: toUri(failure.file) } } }] } : {}),
    }],
  }];
  return `${JSON.stringify(log, null, 2)}\n`;
}

/** Render findings in a machine format. */
export function renderMachine(format: MachineFormat, findings: readonly LocatedFinding[], rules: readonly RuleInfo[], tool: ToolRun): string {
  return format === 'sarif' ? `${JSON.stringify(toSarif(findings, rules, tool), null, 2)}\n` : toGithub(findings);
}

const SARIF_LEVEL: Readonly<Record<Severity, 'error' | 'warning' | 'note'>> = { error: 'error', warning: 'warning', info: 'note' };

/**
 * A SARIF 2.1.0 log (OASIS, docs.oasis-open.org/sarif/sarif/v2.1.0) with one run: the
 * tool's rules (one `reportingDescriptor` per id with its summary, why, fix and sources as
 * help text, and its default level) and one result per finding, located in the input file
 * (with the line when known) and at the record (logical location: the Terraform address
 * or construct path, else the owner name). GitHub code scanning reads this format.
 */
export function toSarif(findings: readonly LocatedFinding[], rules: readonly RuleInfo[], tool: ToolRun): object {
  const unique = [...new Map(rules.map((rule) => [rule.id, rule])).values()];
  // A finding of an id the catalogue does not list still gets a rule entry (no result without one).
  for (const finding of findings) {
    if (!unique.some((r) => r.id === finding.rule)) unique.push({ id: finding.rule, severity: finding.severity, summary: finding.rule, why: finding.message, fix: finding.message });
  }
  const index = new Map(unique.map((rule, i) => [rule.id, i]));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'cdktf-mx',
          version: tool.version,
          informationUri: 'https://www.npmjs.com/package/cdktf-mx',
          rules: unique.map((rule) => ({
            id: rule.id,
            shortDescription: { text: rule.summary },
            fullDescription: { text: rule.why },
            help: { text: helpText(rule), markdown: helpMarkdown(rule) },
            defaultConfiguration: { level: SARIF_LEVEL[rule.severity] },
            properties: { ...(rule.sources ? { sources: [...rule.sources] } : {}), tags: ['dns', 'mail'] },
          })),
        },
      },
      automationDetails: { id: `cdktf-mx/${tool.command}${tool.input !== undefined ? `:${tool.input}` : ''}/` },
      results: findings.map((finding) => ({
        ruleId: finding.rule,
        ruleIndex: index.get(finding.rule)!,
        level: SARIF_LEVEL[finding.severity],
        message: { text: finding.message },
        locations: [{
          ...(finding.file !== undefined ? {
            physicalLocation: {
              artifactLocation: { uri: toUri(finding.file) },
              ...(finding.line !== undefined ? { region: { startLine: finding.line } } : {}),
            },
          } : {}),
          logicalLocations: [finding.resource !== undefined ? { fullyQualifiedName: finding.resource, kind: 'resource' } : { name: finding.name, kind: 'member' }],
        }],
        partialFingerprints: { 'cdktfMx/v1': `${finding.rule}:${finding.resource ?? ''}:${finding.name}` },
      })),
    }],
  };
}

function helpText(rule: RuleInfo): string {
  return `${rule.why}\n\nFix: ${rule.fix}${rule.sources && rule.sources.length > 0 ? `\n\nSources: ${rule.sources.join('; ')}.` : ''}`;
}

function helpMarkdown(rule: RuleInfo): string {
  return `**${rule.summary}**\n\n${rule.why}\n\n**Fix:** ${rule.fix}${rule.sources && rule.sources.length > 0 ? `\n\n**Sources:** ${rule.sources.join('; ')}.` : ''}`;
}

/** A relative path as a URI reference: forward slashes, each segment percent-encoded. */
function toUri(file: string): string {
  return file.split(/[\\/]/).map(encodeURIComponent).join('/');
}

const GITHUB_COMMAND: Readonly<Record<Severity, string>> = { error: 'error', warning: 'warning', info: 'notice' };

/**
 * GitHub Actions workflow commands, one line per finding
 * (`::error file=cdktf.out/stacks/mail/cdk.tf.json,line=3,title=mx-single::message`), which
 * the runner turns into annotations on the run and the pull request. Escaping as the runner
 * reads it (actions/toolkit `command.ts`): data `%`, CR, LF; properties also `:` and `,`.
 */
export function toGithub(findings: readonly LocatedFinding[]): string {
  return findings.map((finding) => {
    const properties = [
      ...(finding.file !== undefined ? [`file=${escapeProperty(finding.file)}`] : []),
      ...(finding.line !== undefined ? [`line=${finding.line}`] : []),
      `title=${escapeProperty(`${finding.rule} ${finding.name}`)}`,
    ].join(',');
    const where = finding.resource !== undefined ? ` [${finding.resource}]` : '';
    return `::${GITHUB_COMMAND[finding.severity]} ${properties}::${escapeData(`${finding.message}${where}`)}\n`;
  }).join('');
}

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
