import { compareSynths, StackComparison, SynthReadError } from '../estate/changed-stacks';
import { commonArgs, parseCommandLine, UsageError } from './options';

const USAGE = `usage: cdktf-mx changed-stacks <old cdktf.out> <new cdktf.out> [options]

Prints the stacks to plan and apply: those whose Terraform configuration differs between
the last deployed synth (<old>, e.g. kept as a pipeline artifact or synthesized from the
deployed git ref) and the new one, new stacks, and stacks depending on a changed one.
cdktf's "//" metadata is ignored. A one-domain change of a MailEstate is one stack.

options:
  --format text|json   one stack name a line (default), or a JSON list for a GitHub
                       Actions matrix: strategy.matrix.stack: \${{ fromJSON(...) }}
  -h, --help           this help

Stacks only the old synth has are named on standard error: nothing plans them now and
their states still hold resources.

Exit status: 0 (also when nothing changed), 2 when a synth cannot be read or on usage errors.`;

/** What the command needs from the outside world; tests pass their own. */
export interface ChangedStacksIo {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
}

/** `cdktf-mx changed-stacks`: returns the exit status. */
export async function run(argv: string[], io: ChangedStacksIo = process): Promise<number> {
  const args = commonArgs();
  const dirs: string[] = [];
  let comparison: StackComparison;
  try {
    parseCommandLine(argv, args, () => false, (value) => dirs.push(value));
    if (args.help) {
      io.stdout.write(`${USAGE}\n`);
      return 0;
    }
    const foreign = [
      [Object.keys(args.rules).length > 0, '--rule'], [args.minPriorityGap !== undefined, '--min-priority-gap'], [args.config !== undefined, '--config'],
      [args.strict, '--strict'], [args.listRules, '--list-rules'],
    ].find(([set]) => set);
    if (foreign) throw new UsageError(`${foreign[1]} does not apply to changed-stacks`);
    if (args.format !== 'text' && args.format !== 'json') throw new UsageError(`--format must be text or json, not "${args.format}"`);
    if (dirs.length !== 2) throw new UsageError(`give two synth output directories, the old and the new cdktf.out, not ${dirs.length}`);
    comparison = compareSynths(dirs[0]!, dirs[1]!);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`cdktf-mx changed-stacks: ${error.message}\n\n${USAGE}\n`);
      return 2;
    }
    if (error instanceof SynthReadError) {
      io.stderr.write(`cdktf-mx changed-stacks: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  for (const name of comparison.removed) io.stderr.write(`cdktf-mx changed-stacks: stack ${JSON.stringify(name)} is only in the old synth: nothing plans it now, and its state still holds its resources\n`);
  // Stack names come from the user's code: anything but plain printable ASCII is shown quoted and escaped.
  const names = comparison.changed.map((stack) => (/^[\x21-\x7e]+$/.test(stack.name) ? stack.name : JSON.stringify(stack.name)));
  io.stdout.write(args.format === 'json' ? `${JSON.stringify(comparison.changed.map((stack) => stack.name))}\n` : names.map((name) => `${name}\n`).join(''));
  return 0;
}
