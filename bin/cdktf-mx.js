#!/usr/bin/env node
// The installed package ships only compiled JavaScript (dist/, no .ts): there the compiled CLI
// runs and tsx is never loaded. In a checkout (lib/cli/main.ts present) the TypeScript source
// runs through tsx, so a dist/ left by `npm pack` or `npm run build` never shadows newer sources.
const path = require('node:path');
const fs = require('node:fs');
const source = path.join(__dirname, '..', 'lib', 'cli', 'main.ts');
let cli;
if (!fs.existsSync(source)) {
  cli = require('../dist/lib/cli/main.js');
} else {
  require('tsx/cjs');
  cli = require(source);
}
// A reader that stops early (`| head`) closes the pipe: the rest of the output has nowhere to go.
// Drop it quietly, as CLIs do, instead of dying on an unhandled EPIPE with a stack trace; the
// command still ends with its own exit code.
process.stdout.on('error', (error) => {
  if (!error || error.code !== 'EPIPE') throw error;
  process.stdout.write = () => true;
});
// Set the exit code and let node end by itself: process.exit() would cut off output still
// queued for a pipe (stdout to a pipe is asynchronous; a report of 500 kB stopped at 64 KiB).
cli.main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`cdktf-mx: ${error && error.message ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
