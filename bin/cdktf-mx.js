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
cli.main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`cdktf-mx: ${error && error.message ? error.message : String(error)}\n`);
    process.exit(2);
  },
);
