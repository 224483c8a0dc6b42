/** `cdktf-mx <args>` from the compiled sources, as bin/cdktf-mx.js runs the package's dist (bench/lint-cli.ts). */
import { main } from '../lib/cli/main';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`cdktf-mx: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
