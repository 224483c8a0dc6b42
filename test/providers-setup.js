// jest globalSetup: the deploy tests need terraform and the providers `npm run providers` installs.
// When a pinned provider is missing and Go is there, install it now (the same script), so
// README's test command needs no third step; when it still cannot be had, say so in one loud line.
const { spawnSync } = require('node:child_process');
const { existsSync, readFileSync, statSync } = require('node:fs');
const { delimiter, join, resolve } = require('node:path');

module.exports = function providersSetup() {
  const repo = resolve(__dirname, '..');
  const platform = `${process.platform}_${{ x64: 'amd64', arm64: 'arm64', ia32: '386' }[process.arch] ?? process.arch}`;
  const pins = JSON.parse(readFileSync(join(repo, 'scripts', 'providers.json'), 'utf8')).providers;
  const installed = (pin) => {
    const path = join(repo, '.terraform-providers', pin.source, pin.version, platform, `terraform-provider-${pin.source.split('/')[2]}_v${pin.version}`);
    return existsSync(path) && (statSync(path).mode & 0o111) !== 0;
  };
  const onPath = (name) => (process.env.PATH ?? '').split(delimiter).some((dir) => existsSync(join(dir, name)));
  if (!onPath('terraform')) {
    process.stderr.write('\nDEPLOY TESTS SKIPPED — terraform is not on PATH (it cannot be installed with go install; install terraform >= 1.7).\n');
  }
  if (pins.every(installed)) return;
  process.stderr.write('\n');
  spawnSync(process.execPath, [join(repo, 'scripts', 'providers.mjs'), '--quiet'], { stdio: ['ignore', 'inherit', 'inherit'] });
};
