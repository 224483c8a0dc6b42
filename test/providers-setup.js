// jest globalSetup: the deploy tests need terraform and the providers `npm run providers` installs.
// The same script runs here, quietly: it reuses what the mirror holds (and says nothing then),
// installs what is missing when Go can, and otherwise says in one loud line why deploy tests skip.
const { spawnSync } = require('node:child_process');
const { existsSync } = require('node:fs');
const { delimiter, join, resolve } = require('node:path');

module.exports = function providersSetup() {
  const onPath = (name) => (process.env.PATH ?? '').split(delimiter).some((dir) => existsSync(join(dir, name)));
  if (!onPath('terraform')) {
    process.stderr.write('\nDEPLOY TESTS SKIPPED — terraform is not on PATH (it cannot be installed with go install; install terraform >= 1.7).\n');
  }
  spawnSync(process.execPath, [join(resolve(__dirname, '..'), 'scripts', 'providers.mjs'), '--quiet'], { stdio: ['ignore', 'inherit', 'inherit'] });
};
