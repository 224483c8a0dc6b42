/** `cdktf-mx <command>`: dispatches to the command modules. */
const COMMANDS: Record<string, { summary: string; load: () => Promise<{ run(argv: string[]): Promise<number> }> }> = {
  // lint: added by the rules engine; verify: added by the live-DNS checker.
  lint: { summary: 'check a zone (JSON records or a BIND zone file) against every rule', load: async () => require('./lint') as typeof import('./lint') },
  import: { summary: 'write the cdktf code for the mail records of a live zone (Cloudflare API, zone file or DNS)', load: async () => require('./import') as typeof import('./import') },
  verify: { summary: 'check that live DNS publishes the declared MX (drift, null MX, exchanges, delivery order)', load: async () => require('./verify') as typeof import('./verify') },
};

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const entry = command ? COMMANDS[command] : undefined;
  if (!entry) {
    const list = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(8)} ${c.summary}`).join('\n');
    process.stderr.write(`usage: cdktf-mx <command> [options]\n\ncommands:\n${list}\n`);
    return command === undefined || command === '--help' || command === '-h' ? 0 : 2;
  }
  return (await entry.load()).run(rest);
}
