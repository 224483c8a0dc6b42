import { SeverityOverride } from '../rules/rule';
import { isMachineFormat } from './machine-output';

/** A wrong command line: the command prints its usage after the message and exits 2. */
export class UsageError extends Error {}

/** Output formats of the finding commands (`lint`, `plan-check`). */
export type FindingFormat = 'text' | 'json' | 'sarif' | 'github';

/** Options `lint` and `plan-check` share. */
export interface CommonArgs {
  format: FindingFormat;
  /** `--rule id=severity`, repeatable. */
  rules: Record<string, SeverityOverride>;
  minPriorityGap?: number;
  config?: string;
  strict: boolean;
  color?: boolean;
  listRules: boolean;
  help: boolean;
}

/** The defaults of {@link CommonArgs}. */
export function commonArgs(): CommonArgs {
  return { format: 'text', rules: {}, strict: false, listRules: false, help: false };
}

/**
 * Read a command line into `args`: the shared options here, the command's own through `own`
 * (true when it took the flag; `take()` reads its value, from `--flag=value` or the next
 * argument), every other argument not starting with `--` through `positional`.
 */
export function parseCommandLine(
  argv: readonly string[],
  args: CommonArgs,
  own: (flag: string, take: () => string) => boolean,
  positional: (value: string) => void,
  /** The rule ids `--rule` may name: a typo on the command line is a usage error (exit 2), not a finding about the zone. */
  ruleIds?: ReadonlySet<string>,
): void {
  for (let i = 0; i < argv.length; i++) {
    const equals = argv[i].startsWith('--') ? argv[i].indexOf('=') : -1;
    const [flag, inline] = equals >= 0 ? [argv[i].slice(0, equals), argv[i].slice(equals + 1)] : [argv[i], undefined];
    const take = (): string => {
      if (inline !== undefined) return inline;
      const next = argv[i + 1];
      if (next === undefined || (next.startsWith('--') && next !== '-')) throw new UsageError(`${flag} needs a value`);
      i++;
      return next;
    };
    switch (flag) {
      case '--format': {
        const format = take();
        if (format !== 'text' && format !== 'json' && !isMachineFormat(format)) throw new UsageError(`--format must be text, json, sarif or github, not "${format}"`);
        args.format = format;
        break;
      }
      case '--rule': {
        const setting = take();
        const [id, severity] = setting.split('=');
        if (!id || !severity) throw new UsageError(`--rule takes <id>=<severity>, e.g. --rule mx-single=off, not "${setting}"`);
        if (ruleIds !== undefined && !ruleIds.has(id)) throw new UsageError(`--rule: there is no rule "${id}" (--list-rules lists them)`);
        if (!['error', 'warning', 'info', 'off'].includes(severity)) throw new UsageError(`--rule ${id}: the severity must be error, warning, info or off, not "${severity}"`);
        args.rules[id] = severity as SeverityOverride;
        break;
      }
      case '--min-priority-gap': {
        const gap = Number(take());
        if (!Number.isFinite(gap) || gap < 0) throw new UsageError('--min-priority-gap takes a number ≥ 0');
        args.minPriorityGap = gap;
        break;
      }
      case '--config': args.config = take(); break;
      case '--strict': args.strict = true; break;
      case '--color': args.color = true; break;
      case '--no-color': args.color = false; break;
      case '--list-rules': args.listRules = true; break;
      case '--help':
      case '-h': args.help = true; break;
      default:
        if (own(flag, take)) break;
        if (flag.startsWith('--')) throw new UsageError(`unknown option ${flag}`);
        positional(flag);
    }
  }
}

/** Colour on a terminal, unless `--no-color` or NO_COLOR; `--color` or FORCE_COLOR forces it. */
export function useColor(color: boolean | undefined, io: { readonly stdout: { isTTY?: boolean }; readonly env: Readonly<Record<string, string | undefined>> }): boolean {
  if (color !== undefined) return color;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  if (io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== '0') return true;
  return io.stdout.isTTY === true;
}
