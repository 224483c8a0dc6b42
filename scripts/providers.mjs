#!/usr/bin/env node
// `npm run providers`: installs the Terraform providers the deploy tests run, by Go module name,
// into .terraform-providers/ — a Terraform filesystem mirror (gitignored) — and writes
// .terraform-providers/terraform.rc, a CLI config naming that mirror (TF_CLI_CONFIG_FILE).
// Versions are pinned in scripts/providers.json. A binary already in the mirror is reused; Go's
// module and build caches make a rebuild cheap. Exit 0 when every provider is in the mirror, 1 when
// one could not be installed (what `go install` answered is printed), 2 on a usage error.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const pins = JSON.parse(readFileSync(join(repo, 'scripts', 'providers.json'), 'utf8')).providers;
const mirror = join(repo, '.terraform-providers');
const platform = `${process.platform}_${{ x64: 'amd64', arm64: 'arm64', ia32: '386' }[process.arch] ?? process.arch}`;

const args = process.argv.slice(2);
if (args.some((a) => a !== '--quiet')) {
  process.stderr.write('usage: node scripts/providers.mjs [--quiet]\n');
  process.exit(2);
}
const quiet = args.includes('--quiet');

/** Text from another program (here: what the Go module proxy answered) is data: no control characters reach the terminal. */
const printable = (text) => text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);

/** Where terraform looks for `source` at `version` in an unpacked filesystem mirror. */
const binaryPath = (pin) => {
  const type = pin.source.split('/')[2];
  return join(mirror, pin.source, pin.version, platform, `terraform-provider-${type}_v${pin.version}`);
};

const isExecutable = (path) => existsSync(path) && (statSync(path).mode & 0o111) !== 0;

function goPath() {
  const found = spawnSync('go', ['version'], { encoding: 'utf8' });
  return found.status === 0 ? 'go' : undefined;
}

/** `go install <module>@<commit>` into a scratch GOBIN; returns the built binary's path or what go said. */
function goInstall(pin) {
  const gobin = mkdtempSync(join(tmpdir(), 'cdktf-mx-gobin-'));
  const started = Date.now();
  const run = spawnSync('go', ['install', `${pin.module}@${pin.commit}`], {
    encoding: 'utf8',
    env: { ...process.env, GOBIN: gobin, GOFLAGS: [process.env.GOFLAGS, '-modcacherw'].filter(Boolean).join(' ') },
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const built = join(gobin, pin.module.split('/').pop());
  if (run.status === 0 && existsSync(built)) return { built, gobin, seconds };
  const answer = `${run.stderr ?? ''}${run.error ? run.error.message : ''}`.trim().split('\n').filter((l) => !l.startsWith('go: downloading')).join('\n');
  rmSync(gobin, { recursive: true, force: true });
  return { answer: answer || `go install exited ${run.status}`, seconds };
}

const installed = [];
const failed = [];
const go = goPath();
for (const pin of pins) {
  const target = binaryPath(pin);
  const label = `${pin.source} ${pin.version}`;
  if (isExecutable(target)) {
    installed.push(pin);
    if (!quiet) console.log(`providers: ${label}: in the mirror (${target.slice(repo.length + 1)})`);
    continue;
  }
  if (!go) {
    failed.push({ pin, answer: 'go is not on PATH (Go 1.25 or newer builds the providers)' });
    continue;
  }
  if (!quiet) console.log(`providers: ${label}: go install ${pin.module}@${pin.commit} …`);
  const result = goInstall(pin);
  if (result.built) {
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(result.built, target);
    chmodSync(target, 0o755);
    rmSync(result.gobin, { recursive: true, force: true });
    installed.push(pin);
    console.log(`providers: ${label}: installed in ${result.seconds} s (${target.slice(repo.length + 1)})`);
  } else {
    failed.push({ pin, answer: result.answer });
  }
}

// The CLI config: every installed provider from the mirror, nothing else from the network for them.
mkdirSync(mirror, { recursive: true });
const sources = installed.map((pin) => JSON.stringify(pin.source)).join(', ');
writeFileSync(
  join(mirror, 'terraform.rc'),
  [
    '# Written by `npm run providers`: terraform takes these providers from the filesystem mirror beside this file.',
    ...(installed.length === 0 ? ['# None is installed yet.', ''] : [
    'provider_installation {',
    '  filesystem_mirror {',
    `    path    = ${JSON.stringify(mirror)}`,
    `    include = [${sources}]`,
    '  }',
    '  direct {',
    `    exclude = [${sources}]`,
    '  }',
    '}',
    '',
    ]),
  ].join('\n'),
);

if (failed.length > 0 && quiet) {
  // One loud line (jest's global setup runs this before the tests): what is missing and why.
  const why = failed.map(({ pin, answer }) => `${pin.source} ${pin.version} (${printable(answer.split('\n').filter((l) => /\S/.test(l)).slice(-2).join(' ').replace(/\s+/g, ' '))})`);
  console.error(`DEPLOY TESTS SKIPPED — providers not installed: ${why.join('; ')}. Run \`npm run providers\` for details.`);
} else {
  for (const { pin, answer } of failed) {
    console.error(`providers: ${pin.source} ${pin.version} NOT INSTALLED: go install ${pin.module}@${pin.commit} answered:\n${printable(answer).replace(/^/gm, '    ')}`);
  }
}
if (failed.length > 0) {
  if (!quiet) console.error(`providers: ${failed.length} of ${pins.length} not installed; the deploy tests that need them are skipped.`);
  process.exitCode = 1;
} else if (!quiet) {
  console.log(`providers: ${installed.length} providers in ${mirror.slice(repo.length + 1)}; TF_CLI_CONFIG_FILE=${join(mirror, 'terraform.rc')}`);
}
