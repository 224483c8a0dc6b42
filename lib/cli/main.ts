import { terminalText } from './terminal-text';
import { version } from './version';

/** `cdktf-mx <command>`: dispatches to the command modules. */
const COMMANDS: Record<string, { summary: string; load: () => Promise<{ run(argv: string[]): Promise<number> }> }> = {
  lint: { summary: 'check a zone (JSON records, a BIND zone file, or synthesized cdktf output) against every rule', load: async () => require('./lint') as typeof import('./lint') },
  import: { summary: 'write the cdktf code for the mail records of a live zone (Cloudflare API, zone file or DNS)', load: async () => require('./import') as typeof import('./import') },
  'plan-check': { summary: 'check what a Terraform plan does to mail on the way (MX removed or gapped, vendor switch without overlap, adopted records deleted)', load: async () => require('./plan-check') as typeof import('./plan-check') },
  'changed-stacks': { summary: 'print the stacks whose Terraform configuration differs between two synths (to plan and apply only those)', load: async () => require('./changed-stacks') as typeof import('./changed-stacks') },
  verify: { summary: 'check that live DNS publishes the declared MX (drift, null MX, exchanges, delivery order)', load: async () => require('./verify') as typeof import('./verify') },
};

/** Top-level usage; `<command> --help` prints each command's own. */
export function usage(): string {
  const list = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(14)} ${c.summary}`).join('\n');
  return `usage: cdktf-mx <command> [options]\n\ncommands:\n${list}\n\noptions:\n  -h, --help     this help; cdktf-mx <command> --help for a command's options\n  --version      the cdktf-mx version\n`;
}

/** Where the dispatcher writes; tests pass their own. */
export interface MainIo {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
}

/**
 * Runs `cdktf-mx <command> …` and returns the exit status: help and version on stdout
 * with 0; no command or an unknown one prints the usage on stderr with 2 (a usage error).
 */
export async function main(argv: string[], io: MainIo = process): Promise<number> {
  const [command, ...rest] = argv;
  if (command === '--help' || command === '-h' || command === 'help') {
    io.stdout.write(usage());
    return 0;
  }
  if (command === '--version' || command === '-V') {
    io.stdout.write(`${version()}\n`);
    return 0;
  }
  const entry = command !== undefined && Object.prototype.hasOwnProperty.call(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (!entry) {
    const why = command === undefined ? 'give a command' : `unknown command "${command}"`;
    io.stderr.write(`cdktf-mx: ${terminalText(why)}\n\n${usage()}`);
    return 2;
  }
  return (await entry.load()).run(rest);
}
