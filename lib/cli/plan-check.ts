import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { ALL_RULES } from '../lint/reference';
import { checkPlan, CheckPlanOptions, PLAN_RULES, PlanFinding } from '../plan/check-plan';
import { checkPlans, CROSS_PLAN_RULES } from '../plan/check-plans';
import { PlanReadError, readPlanJson, TerraformPlan } from '../plan/plan-json';
import { DEFAULT_MAX_MAIL_CHANGES } from '../plan/rules/plan-mail-blast-radius';
import { renderText } from './lint';
import { isMachineFormat, LocatedFinding, renderMachine, renderMachineFailure } from './machine-output';
import { shown } from './synthesized-input';
import { policiesOfStack } from '../testing/synthesized';
import { METADATA_KEY } from '../validation/metadata-key';
import { version } from './version';
import { CommonArgs, commonArgs, parseCommandLine, UsageError, useColor } from './options';
import { terminalLines } from './terminal-text';

const USAGE = `usage: cdktf-mx plan-check <input>... [options]

Checks what a Terraform plan does to mail on the way: MX removed or deleted before
their replacement exists, vendor switches without overlap, adopted records deleted,
an enforce MTA-STS policy that stops covering an exchange or changes under its old id,
too many mail records at once; then runs the zone rules on each zone after the plan.
<input> is \`terraform show -json\` output (a .json file, or "-" for standard input),
a saved planfile (\`terraform plan -out=tfplan\`; plan-check runs \`terraform show
-json\` on it in the planfile's directory), or a stack directory (cdktf.out/stacks/<name>;
plan-check runs \`terraform plan -out\` and \`terraform show -json\` there).
Several inputs are the plans of several stacks of one pipeline run: each is checked,
then plan-cross-stack-move looks for records that leave one stack and enter another
without the import / removed (destroy = false) handshake.

options:
  --format text|json|sarif|github  output format (default text)
  --rule <id>=<severity>    override a rule: error, warning, info or off (repeatable)
  --max-mail-changes <n>    most mail records one plan may change (default ${DEFAULT_MAX_MAIL_CHANGES})
  --min-priority-gap <n>    smallest gap between MX priority tiers (zone rules; default 5)
  --no-end-state            skip the zone rules on the zones after the plan
  --config <file.json>      options as JSON: { rules, minPriorityGap, suppressions, maxMailChanges }
  --synth <cdk.tf.json>     the stack's synthesized configuration, for its import blocks,
                            the findings its suppressions matched at synth and its MTA-STS
                            policies (default: cdk.tf.json beside the input, when there is one)
  --terraform <path>        terraform binary (default: TERRAFORM, else terraform on PATH)
  --strict                  exit 1 on warnings too
  --no-color                plain text even on a terminal (also NO_COLOR=1)
  --list-rules              print every plan rule id, severity and summary
  -h, --help                this help

Exit status: 1 when a finding is an error (or a warning with --strict), 2 when the
plan cannot be read (or on usage errors), 0 otherwise.`;

/** What the command needs from the outside world; tests pass their own. */
export interface PlanCheckIo {
  readonly stdout: { write(text: string): unknown; isTTY?: boolean };
  readonly stderr: { write(text: string): unknown };
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Standard input, read whole (for "-"). */
  readonly readStdin: () => string;
}

const defaultIo = (): PlanCheckIo => ({ stdout: process.stdout, stderr: process.stderr, env: process.env, readStdin: () => readFileSync(0, 'utf8') });

interface Args extends CommonArgs {
  inputs: string[];
  maxMailChanges?: number;
  endState: boolean;
  synth?: string;
  terraform?: string;
}

const SEVERITIES = new Set(['error', 'warning', 'info', 'off']);

/** `cdktf-mx plan-check`: returns the exit status. */
export async function run(argv: string[], io: PlanCheckIo = defaultIo()): Promise<number> {
  let args: Args;
  try {
    args = parseArgs(argv);
  } catch (error) {
    io.stderr.write(`cdktf-mx plan-check: ${terminalLines((error as Error).message)}\n\n${USAGE}\n`);
    return 2;
  }
  if (args.help) {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (args.listRules) {
    for (const rule of [...PLAN_RULES, ...CROSS_PLAN_RULES]) io.stdout.write(`${rule.id.padEnd(30)} ${rule.severity.padEnd(8)} ${rule.summary}\n`);
    return 0;
  }
  let findings: Array<PlanFinding & { stack?: string }>;
  const reported = new Map<string | undefined, string | undefined>();
  try {
    if (args.inputs.length === 0) throw new UsageError('give the plan to check: plan JSON, a planfile or a stack directory (several: one per stack of a pipeline run)');
    if (args.inputs.length > 1 && args.synth !== undefined) throw new UsageError('--synth names one stack\'s configuration: with several plans, give stack directories or plans beside their cdk.tf.json');
    if (args.inputs.filter((input) => input === '-').length > 1) throw new UsageError('standard input ("-") can be read once');
    const options = readOptions(args);
    const loaded = [];
    for (const input of args.inputs) loaded.push({ input, ...(await loadPlan(input, args, io)) });
    if (loaded.length === 1) {
      const [{ plan, file, synth }] = loaded as [typeof loaded[0]];
      reported.set(undefined, file);
      findings = checkPlan(plan, { ...options, ...readSynth(args.synth ?? synth) });
    } else {
      for (const { input, file } of loaded) reported.set(input, file ?? input);
      findings = checkPlans(loaded.map(({ input, plan, synth }) => ({ stack: input, plan, ...readSynth(synth) })), options);
    }
  } catch (error) {
    const usage = error instanceof UsageError;
    io.stderr.write(`cdktf-mx plan-check: ${terminalLines((error as Error).message)}\n${usage ? `\n${USAGE}\n` : ''}`);
    if (isMachineFormat(args.format)) io.stdout.write(renderMachineFailure(args.format, { message: (error as Error).message, ...(args.inputs.length === 1 && args.inputs[0] !== '-' ? { file: args.inputs[0] } : {}) }, { command: 'plan-check', version: version() }));
    return 2;
  }
  if (args.format === 'json') io.stdout.write(`${JSON.stringify(findings, null, 2)}\n`);
  else if (isMachineFormat(args.format)) {
    const located: LocatedFinding[] = findings.map(({ stack, ...f }) => {
      const file = reported.get(stack);
      return { ...f, ...(file !== undefined ? { file } : {}), ...(f.address !== undefined ? { resource: f.address } : {}) };
    });
    const input = args.inputs.length === 1 ? reported.get(undefined) : undefined;
    io.stdout.write(renderMachine(args.format, located, [...PLAN_RULES, ...CROSS_PLAN_RULES, ...ALL_RULES], { command: 'plan-check', version: version(), ...(input !== undefined ? { input } : {}) }));
  } else {
    const where = (f: PlanFinding & { stack?: string }) => [f.address, f.stack].filter((part) => part !== undefined).join(' in ');
    io.stdout.write(renderText(findings.map((f) => (where(f) ? { ...f, message: `${f.message} [${where(f)}]` } : f)), useColor(args.color, io)));
  }
  const failing = findings.some((f) => f.severity === 'error' || (args.strict && f.severity === 'warning'));
  return failing ? 1 : 0;
}

/** Read the plan from JSON, a planfile or a stack directory; `file` is what findings are reported on. */
async function loadPlan(input: string, args: Args, io: PlanCheckIo): Promise<{ plan: TerraformPlan; file?: string; synth?: string }> {
  if (input === '-') return { plan: readPlanJson(io.readStdin(), 'standard input') };
  const stat = statSync(input, { throwIfNoEntry: false });
  if (!stat) throw new PlanReadError(`${input} does not exist`);
  const terraform = args.terraform ?? io.env.TERRAFORM ?? 'terraform';
  if (stat.isDirectory()) {
    const synth = join(input, 'cdk.tf.json');
    const work = mkdtempSync(join(tmpdir(), 'cdktf-mx-plan-'));
    try {
      const planFile = join(work, 'tfplan');
      await terraformRun(terraform, input, ['plan', '-input=false', '-no-color', `-out=${planFile}`], io.env);
      const json = await terraformRun(terraform, input, ['show', '-json', '-no-color', planFile], io.env);
      return { plan: readPlanJson(json, `terraform show -json of the plan of ${input}`), ...(existsSync(synth) ? { file: shown(synth), synth } : {}) };
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }
  const head = readFileSync(input).subarray(0, 4).toString('latin1');
  const beside = join(dirname(input), 'cdk.tf.json');
  const synth = existsSync(beside) ? beside : undefined;
  if (head.startsWith('PK')) {
    // A saved planfile is a zip archive; `terraform show` needs the directory it was planned in (providers, backend).
    const json = await terraformRun(terraform, dirname(input), ['show', '-json', '-no-color', resolve(input)], io.env);
    return { plan: readPlanJson(json, `terraform show -json ${input}`), file: shown(synth ?? input), ...(synth ? { synth } : {}) };
  }
  return { plan: readPlanJson(readFileSync(input, 'utf8'), input), file: shown(input), ...(synth ? { synth } : {}) };
}

/** Run terraform in `cwd` with `env` (the caller's: TF_CLI_CONFIG_FILE, TF_DATA_DIR, provider credentials); its stdout, or a {@link PlanReadError} with what it printed. */
function terraformRun(terraform: string, cwd: string, argv: readonly string[], env: Readonly<Record<string, string | undefined>>): Promise<string> {
  return new Promise((done, fail) => {
    execFile(terraform, [...argv], { cwd, maxBuffer: 256 * 1024 * 1024, env: { ...env, TF_IN_AUTOMATION: '1' } }, (error, stdout, stderr) => {
      if (error) {
        const why = (error as NodeJS.ErrnoException).code === 'ENOENT' ? `${terraform} is not installed (give --terraform <path> or set TERRAFORM)` : `exited ${error.code}:\n${stderr.trim() || stdout.trim()}`;
        fail(new PlanReadError(`terraform ${argv[0]} in ${cwd}: ${why}`));
      } else done(stdout);
    });
  });
}

/** `[mx-mixed-vendors] example.com. (stack/mail): …`: a finding as the synth metadata records what a suppression matched. */
const MATCHED = /^\[([^\]]+)\] (\S+)/;

/**
 * What plan-check reads from the stack's synthesized configuration: import block targets
 * (`"import": [{ "to", "id" }]`) and the findings its suppressions matched at synth.
 */
function readSynth(file: string | undefined): Pick<CheckPlanOptions, 'imports' | 'synthSuppressed' | 'mtaStsPolicies'> {
  const imports = new Map<string, string | undefined>();
  if (file === undefined) return { imports };
  let json: { import?: unknown; '//'?: { metadata?: Record<string, { suppressions?: Array<{ matched?: unknown }> }> } };
  try {
    json = JSON.parse(readFileSync(file, 'utf8')) as typeof json;
  } catch (error) {
    throw new PlanReadError(`cannot read the synthesized configuration ${file}: ${(error as Error).message}`);
  }
  if (Array.isArray(json.import)) {
    for (const block of json.import as Array<{ to?: unknown; id?: unknown }>) {
      if (typeof block?.to === 'string') imports.set(block.to, typeof block.id === 'string' && !block.id.includes('${') ? block.id : undefined);
    }
  }
  const suppressions = json['//']?.metadata?.[METADATA_KEY]?.suppressions;
  const synthSuppressed = (Array.isArray(suppressions) ? suppressions : []).flatMap((s) => (Array.isArray(s?.matched) ? s.matched : []))
    .flatMap((line: unknown) => {
      const match = typeof line === 'string' ? MATCHED.exec(line) : null;
      return match ? [{ rule: match[1], name: match[2] }] : [];
    });
  // The policy files are not in DNS, so not in the plan: each MtaSts wrote its policy into the metadata.
  const mtaStsPolicies = policiesOfStack(basename(dirname(file)), json).map((p) => ({ name: p.name, text: p.text, source: p.path }));
  return { imports, synthSuppressed, ...(mtaStsPolicies.length > 0 ? { mtaStsPolicies } : {}) };
}

function readOptions(args: Args): CheckPlanOptions {
  let config: CheckPlanOptions = {};
  if (args.config) {
    try {
      config = JSON.parse(readFileSync(args.config, 'utf8')) as CheckPlanOptions;
    } catch (error) {
      throw new UsageError(`cannot read --config ${args.config}: ${(error as Error).message}`);
    }
  }
  const rules = { ...config.rules, ...args.rules };
  const known = new Set([...PLAN_RULES, ...CROSS_PLAN_RULES, ...ALL_RULES].map((r) => r.id));
  for (const [id, severity] of Object.entries(rules)) {
    if (!known.has(id)) throw new UsageError(`unknown rule id "${id}" (see --list-rules, and cdktf-mx lint --list-rules for the zone rules)`);
    if (!SEVERITIES.has(severity)) throw new UsageError(`rule ${id}: severity must be error, warning, info or off, not "${severity}"`);
  }
  return {
    ...config,
    rules,
    endState: args.endState && config.endState !== false,
    ...(args.maxMailChanges !== undefined ? { maxMailChanges: args.maxMailChanges } : {}),
    ...(args.minPriorityGap !== undefined ? { minPriorityGap: args.minPriorityGap } : {}),
  };
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { ...commonArgs(), inputs: [], endState: true };
  parseCommandLine(argv, args, (flag, take) => {
    switch (flag) {
      case '--max-mail-changes': {
        const text = take();
        if (!/^\d+$/.test(text)) throw new UsageError(`--max-mail-changes takes a whole number ≥ 0, not "${text}"`);
        args.maxMailChanges = Number(text);
        return true;
      }
      case '--no-end-state': args.endState = false; return true;
      case '--synth': args.synth = take(); return true;
      case '--terraform': args.terraform = take(); return true;
      default: return false;
    }
  }, (value) => {
    args.inputs.push(value);
  });
  return args;
}
