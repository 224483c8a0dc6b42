#!/usr/bin/env node
// Runs the compiled CLI when the package is built, else the TypeScript source through tsx.
const path = require('node:path');
const fs = require('node:fs');
const compiled = path.join(__dirname, '..', 'dist', 'lib', 'cli', 'main.js');
let cli;
if (fs.existsSync(compiled)) {
  cli = require(compiled);
} else {
  require('tsx/cjs');
  cli = require('../lib/cli/main.ts');
}
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
