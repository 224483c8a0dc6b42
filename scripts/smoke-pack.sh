#!/usr/bin/env bash
# The package as a user gets it: `npm pack`, then install the tarball into scratch consumers
# in a temp dir and use it the ways README documents. Called from .ci/run; `npm run smoke:pack`.
#
#   1. tarball contents: compiled code, LICENSE, README, every docs/*.md page; no TypeScript sources, no dev tools
#   2. consumer on cdktf 0.21 (+ constructs, @cdktf/provider-cloudflare, typescript, jest):
#      strict tsc with CommonJS (node10), NodeNext and bundler resolution, App.synth with the prebuilt provider,
#      jest with the matchers on global `expect` and on `@jest/globals`, the zone-file reader,
#      an ES module app, the installed CLI (no tsx at run time)
#   3. consumer on cdktn 0.24 set up as docs/cdktn.md says: `"cdktn": "0.24.0"` plus
#      `"cdktf": "file:cdktf-alias"` (a three-file package that re-exports cdktn, so cdktf-mx's
#      `cdktf` and generated bindings' `cdktn` are ONE copy): plain `npm install` with no peer
#      problems, strict tsc of our
#      declarations without jest installed, App.synth with a hand-written Cloudflare provider class
#      (no cdktn Cloudflare binding is installable here)
#   4. `cdktn get` of hashicorp/dns 3.6.1 from the filesystem mirror (CDKTF_MX_PROVIDER_MIRROR,
#      default .terraform-providers, laid by `npm run providers`; without it the step is skipped
#      with a loud line, as the deploy tests are) in that consumer, strict tsc of an app on the generated binding,
#      `cdktn synth` of it, and the rules and the missing-provider hint on it
#
# Step functions run where `set -e` does not apply (inside `cmd || status=$?`), so every
# command in them is chained with && or ends the function with `|| return`.

set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
export CHECKPOINT_DISABLE=1 NO_COLOR=1 npm_config_fund=false npm_config_audit=false npm_config_update_notifier=false

work="$(mktemp -d "${TMPDIR:-/tmp}/cdktf-mx-smoke.XXXXXX")"
# SMOKE_KEEP=1 keeps the scratch consumers for a look after a failure.
if [[ -z "${SMOKE_KEEP:-}" ]]; then trap 'rm -rf "$work"' EXIT; else echo "scratch: $work"; fi
failed=0
declare -a report=()

# step <name> <command…>: run one check, time it, record the outcome.
step() {
  local name="$1"; shift
  local start=$SECONDS status=0
  echo "::: $name"
  "$@" >"$work/$name.log" 2>&1 || status=$?
  local took=$((SECONDS - start))
  if [[ $status -eq 0 ]]; then
    report+=("ok       $name (${took}s)")
  else
    report+=("FAIL     $name (${took}s), exit $status"); failed=1
    tail -n 40 "$work/$name.log" | sed 's/^/    /'
  fi
}

# A devDependency's exact version from our package.json, so consumers test what we test.
dev() { node -p "require('$repo/package.json').devDependencies['$1']"; }

# ---------------------------------------------------------------- 1. the tarball
pack() {
  (cd "$repo" && npm pack --pack-destination "$work" --json >"$work/pack.json") || return
  node - "$work/pack.json" "$repo" <<'EOF' || return
const [entry] = require(process.argv[2]);
const files = entry.files.map((f) => f.path);
const must = ['package.json', 'LICENSE', 'README.md', 'bin/cdktf-mx.js', 'dist/lib/index.js', 'dist/lib/index.d.ts',
  'dist/lib/testing/index.js', 'dist/lib/lint/index.js', 'dist/lib/cli/main.js', 'dist/presets/google-workspace.js',
  'dist/presets/google-workspace.d.ts',
  ...require('node:fs').readdirSync(`${process.argv[3]}/docs`).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];
const missing = must.filter((f) => !files.includes(f));
const sources = files.filter((f) => /\.(ts|tsx|mts|cts)$/.test(f) && !/\.d\.(ts|mts|cts)$/.test(f));
const devTools = files.filter((f) => /lint-docs|^scripts\/|^test\/|^bench\/|^examples\/|tsbuildinfo|\.map$/.test(f));
const problems = [...missing.map((f) => `missing ${f}`), ...sources.map((f) => `TypeScript source ${f}`), ...devTools.map((f) => `dev file ${f}`)];
const license = require('node:fs').readFileSync(`${process.argv[3]}/LICENSE`, 'utf8');
if (!license.includes('Apache License') || !license.includes('Version 2.0, January 2004')) problems.push('LICENSE is not the Apache-2.0 text');
if (problems.length) { console.error(problems.join('\n')); process.exit(1); }
console.log(`${entry.filename}: ${files.length} files, ${entry.size} bytes packed, ${entry.unpackedSize} unpacked`);
EOF
  mv "$work/$(node -p "require('$work/pack.json')[0].filename")" "$work/cdktf-mx.tgz"
}
step pack pack
tarball="$work/cdktf-mx.tgz"
if [[ ! -f "$tarball" ]]; then printf '%s\n' "${report[@]}"; exit 1; fi

# ---------------------------------------------------------------- 2. cdktf 0.21 consumer
app="$work/consumer-cdktf"
mkdir -p "$app/src" "$app/test" "$app/esm"
cat >"$app/package.json" <<EOF
{ "name": "consumer-cdktf", "private": true, "version": "1.0.0",
  "dependencies": { "cdktf-mx": "file:$tarball", "cdktf": "$(dev cdktf)", "constructs": "$(dev constructs)",
    "@cdktf/provider-cloudflare": "$(dev @cdktf/provider-cloudflare)" },
  "devDependencies": { "typescript": "$(dev typescript)", "jest": "$(dev jest)", "@types/jest": "$(dev @types/jest)",
    "@types/node": "$(dev @types/node)" } }
EOF
# Strict, and declaration files checked too (no skipLibCheck): our .d.ts must compile in a user's project.
cat >"$app/tsconfig.json" <<'EOF'
{ "compilerOptions": { "strict": true, "skipLibCheck": false, "target": "ES2022", "module": "commonjs",
    "esModuleInterop": true, "types": ["node", "jest"], "outDir": "out", "rootDir": "." },
  "include": ["src", "test"] }
EOF
cat >"$app/tsconfig.nodenext.json" <<'EOF'
{ "extends": "./tsconfig.json", "compilerOptions": { "module": "nodenext", "moduleResolution": "nodenext", "noEmit": true } }
EOF
cat >"$app/tsconfig.bundler.json" <<'EOF'
{ "extends": "./tsconfig.json", "compilerOptions": { "module": "preserve", "moduleResolution": "bundler", "noEmit": true } }
EOF
cat >"$app/src/stack.ts" <<'EOF'
import { CloudflareProvider } from '@cdktf/provider-cloudflare/lib/provider';
import { App, TerraformStack } from 'cdktf';
import { GoogleWorkspaceMx, MxInputError, NullMx } from 'cdktf-mx';

/** A user's stack: Google Workspace for one domain, a parked domain. */
export function mailStack(app: App): TerraformStack {
  const stack = new TerraformStack(app, 'mail');
  new CloudflareProvider(stack, 'cloudflare', {});
  new GoogleWorkspaceMx(stack, 'corp', { zoneId: 'zone-corp', domain: 'example.com' });
  new NullMx(stack, 'parked', { zoneId: 'zone-parked', domain: 'parked.example' });
  return stack;
}

/** Bad input is an MxInputError that says which construct and field. */
export function badDomain(app: App): Error | undefined {
  try {
    new NullMx(new TerraformStack(app, 'bad'), 'parked', { zoneId: 'z', domain: '' });
  } catch (error) {
    return error instanceof MxInputError ? error : undefined;
  }
  return undefined;
}
EOF
cat >"$app/src/synth.ts" <<'EOF'
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App } from 'cdktf';
import { presets } from 'cdktf-mx/presets';
import { badDomain, mailStack } from './stack';

assert.ok(presets.some((preset) => preset.id === 'google-workspace'), 'cdktf-mx/presets lists google-workspace');

assert.match(badDomain(new App())?.message ?? 'no MxInputError', /domain: "" is not a valid domain name.*NullMx at bad\/parked/);
const outdir = process.argv[2];
const app = new App({ outdir });
mailStack(app);
app.synth();
const tf = JSON.parse(readFileSync(join(outdir, 'stacks', 'mail', 'cdk.tf.json'), 'utf8'));
const records = Object.values(tf.resource.cloudflare_dns_record) as Array<Record<string, unknown>>;
const mx = records.filter((r) => r.type === 'MX').map((r) => `${r.name} ${r.priority} ${r.content} ${r.zone_id}`).sort();
assert.deepEqual(mx, ['example.com 1 smtp.google.com zone-corp', 'parked.example 0 . zone-parked']);
assert.ok(records.some((r) => r.type === 'TXT' && r.name === 'parked.example' && r.content === '"v=spf1 -all"'), 'null MX SPF');
assert.deepEqual(Object.keys(tf.provider), ['cloudflare']);
assert.equal(tf.terraform.required_providers.cloudflare.source, 'cloudflare/cloudflare');
console.log(`synth ok: ${records.length} cloudflare_dns_record resources`);
EOF
cat >"$app/test/setup.ts" <<'EOF'
import { setupMxJest } from 'cdktf-mx/testing';
setupMxJest();
EOF
cat >"$app/test/global-expect.test.ts" <<'EOF'
// jest's global `expect` (types from @types/jest).
import { App } from 'cdktf';
import { renderZone } from 'cdktf-mx/testing';
import { mailStack } from '../src/stack';

test('matchers on the global expect', () => {
  const stack = mailStack(new App());
  expect(stack).toPublishMx('example.com', [{ priority: 1, exchange: 'smtp.google.com' }]);
  expect(stack).not.toPublishMx('example.com', []);
  expect(stack).toHaveNoFindings({ severity: 'warning' });
  expect(renderZone(stack, 'parked.example')).toContain('parked.example. 3600 IN MX 0 .');
});
EOF
cat >"$app/test/zone-file.test.ts" <<'EOF'
// The zone-file reader from a CommonJS jest project (jest's module runtime has no require(esm)).
import { lintZone, zoneFileToLintInput } from 'cdktf-mx/lint';

test('a zone file read and linted', () => {
  const input = zoneFileToLintInput('$ORIGIN example.com.\n@ 3600 IN MX 10 mail\nmail 3600 IN A 192.0.2.1\nwww 3600 IN CNAME mail\nwww 3600 IN TXT "x"\n');
  expect(input.records).toHaveLength(4);
  expect(lintZone(input).map((f) => f.rule)).toContain('cname-coexists');
});
EOF
cat >"$app/test/jest-globals.test.ts" <<'EOF'
// `import { expect } from '@jest/globals'`: the matchers' types come from the `expect` package here.
import { expect, test } from '@jest/globals';
import { App } from 'cdktf';
import { mailStack } from '../src/stack';

test('matchers on @jest/globals expect', () => {
  const stack = mailStack(new App());
  expect(stack).toPublishMx('parked.example', [{ priority: 0, exchange: '.' }]);
  expect(stack).toHaveNoFindings({ severity: 'error' });
});
EOF
cat >"$app/jest.config.js" <<'EOF'
module.exports = { testEnvironment: 'node', roots: ['<rootDir>/out/test'], setupFilesAfterEnv: ['<rootDir>/out/test/setup.js'] };
EOF
cat >"$app/esm/app.mjs" <<'EOF'
// An ES module app: named imports from the CommonJS package, subpaths through `exports`.
import { strict as assert } from 'node:assert';
import { createRequire } from 'node:module';
import { App, TerraformStack } from 'cdktf';
import { CloudflareProvider } from '@cdktf/provider-cloudflare/lib/provider/index.js';
import { GoogleWorkspaceMx, NullMx, lintZone } from 'cdktf-mx';
import { renderZone } from 'cdktf-mx/testing';
import { presets } from 'cdktf-mx/presets';

const stack = new TerraformStack(new App(), 'mail');
new CloudflareProvider(stack, 'cloudflare', {});
new GoogleWorkspaceMx(stack, 'corp', { zoneId: 'z1', domain: 'example.com' });
new NullMx(stack, 'parked', { zoneId: 'z2', domain: 'parked.example' });
assert.match(renderZone(stack, 'example.com'), /^example\.com\. 3600 IN MX 1 smtp\.google\.com\.$/m);
assert.equal(typeof lintZone, 'function');
assert.ok(presets.some((p) => p.id === 'google-workspace'));
const require = createRequire(import.meta.url);
assert.equal(require('cdktf-mx/package.json').name, 'cdktf-mx');
// Internals stay private: the exports map refuses deep imports.
await assert.rejects(import('cdktf-mx/dist/lib/constructs/null-mx.js'), { code: 'ERR_PACKAGE_PATH_NOT_EXPORTED' });
console.log('esm ok');
EOF
cat >"$app/mx-ip.json" <<'EOF'
{ "zone": "example.com", "records": [{ "name": "@", "type": "MX", "priority": 10, "value": "192.0.2.1" }] }
EOF
cat >"$app/clean.json" <<'EOF'
{ "zone": "example.com", "records": [
  { "name": "@", "type": "MX", "priority": 1, "value": "smtp.google.com" },
  { "name": "@", "type": "TXT", "value": "v=spf1 include:_spf.google.com ~all" },
  { "name": "_dmarc", "type": "TXT", "value": "v=DMARC1; p=reject" }] }
EOF
printf '$ORIGIN example.com.\n$TTL 3600\n@ IN MX 10 mail\nmail IN A 192.0.2.1\nwww IN CNAME mail\nwww IN TXT "v=spf1 -all"\n' >"$app/cname.zone"

# exit <expected> <command…>: the command's exit status must be exactly <expected>.
expect_exit() { local want="$1" got=0; shift; "$@" || got=$?; echo "exit $got (want $want): $*"; [[ $got -eq $want ]]; }

step cjs-install bash -c "cd '$app' && npm install --prefer-offline"
step cjs-tsc-commonjs bash -c "cd '$app' && npx tsc -p tsconfig.json"
step cjs-tsc-nodenext bash -c "cd '$app' && npx tsc -p tsconfig.nodenext.json"
step cjs-tsc-bundler bash -c "cd '$app' && npx tsc -p tsconfig.bundler.json"
step cjs-synth bash -c "cd '$app' && node out/src/synth.js '$work/cdktf.out'"
step cjs-jest bash -c "cd '$app' && npx jest --ci out/test/global-expect.test.js out/test/jest-globals.test.js"
step cjs-jest-zone-file bash -c "cd '$app' && npx jest --ci out/test/zone-file.test.js"
step esm-app bash -c "cd '$app' && node esm/app.mjs"
step lint-without-cdktf bash -c "cd '$app' && node -e \"require('cdktf-mx/lint'); require('cdktf-mx/presets'); const loaded = Object.keys(require.cache).filter((k) => /node_modules\/(cdktf|@cdktf)\//.test(k)); if (loaded.length) { console.error(loaded); process.exit(1); }\""
# The installed bin runs the compiled CLI: tsx is not installed in the consumer.
cli() {
  cd "$app" &&
    test ! -e node_modules/tsx &&
    expect_exit 0 npx --no-install cdktf-mx --help &&
    expect_exit 1 npx --no-install cdktf-mx lint mx-ip.json &&
    expect_exit 0 npx --no-install cdktf-mx lint clean.json &&
    expect_exit 2 npx --no-install cdktf-mx lint does-not-exist.json
}
step cli cli
step cli-version bash -c "cd '$app' && test \"\$(npx --no-install cdktf-mx --version)\" = \"\$(node -p \"require('cdktf-mx/package.json').version\")\""
step cli-zone-file bash -c "cd '$app' && $(declare -f expect_exit) && expect_exit 1 npx --no-install cdktf-mx lint cname.zone"

# ---------------------------------------------------------------- 3. cdktn 0.24 consumer
tn="$work/consumer-cdktn"
mkdir -p "$tn/cdktf-alias"
# docs/cdktn.md: `cdktf` is a local package that IS cdktn (re-exports it), with a version npm can
# check cdktf-mx's peer range against before anything is installed.
cat >"$tn/cdktf-alias/package.json" <<'EOF'
{ "name": "cdktf", "version": "0.24.0", "private": true, "main": "index.js", "types": "index.d.ts",
  "peerDependencies": { "cdktn": "0.24.0" } }
EOF
echo "module.exports = require('cdktn');" >"$tn/cdktf-alias/index.js"
echo "export * from 'cdktn';" >"$tn/cdktf-alias/index.d.ts"
cat >"$tn/package.json" <<EOF
{ "name": "consumer-cdktn", "private": true, "version": "1.0.0",
  "dependencies": { "cdktf-mx": "file:$tarball", "cdktn": "0.24.0", "cdktf": "file:cdktf-alias", "constructs": "10.7.2" },
  "devDependencies": { "typescript": "$(dev typescript)", "@types/node": "$(dev @types/node)" } }
EOF
# Our declaration files against cdktn's types, strictly, in a project without jest: the matcher
# augmentation of jest's `expect` module must cost nothing where jest is absent.
cat >"$tn/check.ts" <<'EOF'
import { App, TerraformStack } from 'cdktf';
import { MxRecords, NullMx, MxInputError } from 'cdktf-mx';
import { lintZone } from 'cdktf-mx/lint';
import { renderZone } from 'cdktf-mx/testing';

const stack = new TerraformStack(new App(), 'mail');
const mx: MxRecords = new MxRecords(stack, 'own', { zoneId: 'z', domain: 'example.org', records: [{ priority: 10, exchange: 'mx.example.net' }] });
const parked: NullMx = new NullMx(stack, 'parked', { zoneId: 'z2', domain: 'parked.example' });
const text: string = renderZone(stack, 'example.org');
const rules: string[] = lintZone({ zone: 'example.org', records: [] }).map((f) => f.rule);
export const used = [mx, parked, text, rules, MxInputError];
EOF
cat >"$tn/app.js" <<'EOF'
// A cdktn app. No Cloudflare binding for cdktn exists on npm; `cdktn get` would generate one.
// This is the part of it a stack needs: the provider block.
const { strict: assert } = require('node:assert');
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { App, TerraformProvider, TerraformStack } = require('cdktf');
const { GoogleWorkspaceMx, NullMx } = require('cdktf-mx');

class CloudflareProvider extends TerraformProvider {
  constructor(scope, id, config = {}) {
    super(scope, id, {
      terraformResourceType: 'cloudflare',
      terraformGeneratorMetadata: { providerName: 'cloudflare', providerVersion: '5.14.0', providerVersionConstraint: '~> 5.0' },
      terraformProviderSource: 'cloudflare/cloudflare',
    });
    this.apiToken = config.apiToken;
  }
  synthesizeAttributes() { return { api_token: this.apiToken }; }
}

assert.equal(require('cdktf'), require('cdktn'));
const outdir = process.argv[2];
const app = new App({ outdir });
const stack = new TerraformStack(app, 'mail');
new CloudflareProvider(stack, 'cloudflare', {});
new GoogleWorkspaceMx(stack, 'corp', { zoneId: 'zone-corp', domain: 'example.com' });
new NullMx(stack, 'parked', { zoneId: 'zone-parked', domain: 'parked.example' });
app.synth();
const tf = JSON.parse(readFileSync(join(outdir, 'stacks', 'mail', 'cdk.tf.json'), 'utf8'));
const mx = Object.values(tf.resource.cloudflare_dns_record).filter((r) => r.type === 'MX').map((r) => `${r.name} ${r.priority} ${r.content}`).sort();
assert.deepEqual(mx, ['example.com 1 smtp.google.com', 'parked.example 0 .']);
assert.deepEqual(Object.keys(tf.provider), ['cloudflare']);
console.log('cdktn synth ok');
EOF
# Plain `npm install`: no overrides, no --legacy-peer-deps. npm must not report a peer problem,
# and `npm ls` (which exits non-zero on invalid or missing peers) must be clean.
step cdktn-install bash -c "set -eo pipefail; cd '$tn' && npm install --prefer-offline 2>&1 | tee install.log
  if grep -Ei 'ERESOLVE|peer dep|conflicting peer|invalid' install.log; then echo 'npm reported a peer problem'; exit 1; fi
  npm ls --all >/dev/null
  node -e \"const v = require('cdktn/package.json'); if (v.version !== '0.24.0') process.exit(1)\"
  node -e \"const tn = require('cdktn'); const ours = require(require.resolve('cdktf', { paths: [require.resolve('cdktf-mx')] })); if (require('cdktf') !== tn || ours !== tn) { console.error('cdktf and cdktn are two copies'); process.exit(1) }\""
step cdktn-tsc bash -c "cd '$tn' && test ! -e node_modules/jest && npx tsc --strict --noEmit --skipLibCheck false --types node check.ts"
step cdktn-synth bash -c "cd '$tn' && node app.js '$work/cdktn.out'"

# ---------------------------------------------------------------- 4. cdktn get: a generated binding beside cdktf-mx
# `cdktn get` reads provider schemas through `terraform init`; the registry is out of reach here, so
# terraform takes hashicorp/dns from the filesystem mirror `npm run providers` lays out.
mirror="${CDKTF_MX_PROVIDER_MIRROR:-$repo/.terraform-providers}"
# The version `npm run providers` installs, pinned in scripts/providers.json (one place).
dns_version="$(node -p "require('$repo/scripts/providers.json').providers.find((p) => p.source.endsWith('/hashicorp/dns')).version")"
cat >"$tn/cdktf.json" <<EOF
{ "language": "typescript", "app": "node out/main.js", "terraformProviders": ["hashicorp/dns@$dns_version"], "terraformModules": [] }
EOF
cat >"$tn/mirror.tfrc" <<EOF
provider_installation {
  filesystem_mirror {
    path    = "$mirror"
    include = ["registry.terraform.io/hashicorp/dns"]
  }
  direct {
    exclude = ["registry.terraform.io/hashicorp/dns"]
  }
}
EOF
cat >"$tn/tsconfig.json" <<'EOF'
{ "compilerOptions": { "strict": true, "skipLibCheck": false, "target": "ES2022", "module": "commonjs",
    "esModuleInterop": true, "types": ["node"], "outDir": "out", "rootDir": "." },
  "files": ["main.ts"] }
EOF
# The generated binding's provider and raw records, cdktf-mx's constructs, one stack.
# MODE=cname: the generated CNAME at the MX exchange must fail synth (mx-target-cname: the rules
# read the binding's resources); MODE=no-provider: the hint must tell a cdktn user what to run.
cat >"$tn/main.ts" <<'EOF'
import { App, TerraformStack } from 'cdktf';
import { MxRecords, Rfc2136Zone } from 'cdktf-mx';
import { ARecordSet } from './.gen/providers/dns/a-record-set';
import { CnameRecord } from './.gen/providers/dns/cname-record';
import { DnsProvider } from './.gen/providers/dns/provider';

const mode = process.env.MODE ?? 'ok';
const app = new App();
const stack = new TerraformStack(app, 'mail');
if (mode !== 'no-provider') new DnsProvider(stack, 'dns', {});
new MxRecords(stack, 'mail', { zone: Rfc2136Zone.of('example.org'), records: [{ priority: 10, exchange: 'mx.example.org' }, { priority: 20, exchange: 'mx2.example.net' }] });
new ARecordSet(stack, 'mx-address', { zone: 'example.org.', name: 'mx', addresses: ['192.0.2.25'], ttl: 3600 });
if (mode === 'cname') new CnameRecord(stack, 'mx-alias', { zone: 'example.org.', name: 'mx', cname: 'mail.example.net.', ttl: 3600 });
app.synth();
EOF
cdktn_cli=(npx -y -p "cdktn-cli@0.24.0" cdktn)
if ! node -e "const [a, b] = process.versions.node.split('.').map(Number); process.exit(a > 22 || (a === 22 && b >= 19) ? 0 : 1)"; then
  cdktn_cli=(npx -y -p node@22 -p "cdktn-cli@0.24.0" cdktn)
fi
generated() {
  cd "$tn" && CHECKPOINT_DISABLE=1 TF_CLI_CONFIG_FILE="$tn/mirror.tfrc" "${cdktn_cli[@]}" get &&
    grep -q "from 'cdktn'" .gen/providers/dns/provider/index.ts &&
    node -e "if (require(require.resolve('cdktn', { paths: ['.gen/providers/dns'] })) !== require('cdktf')) { console.error('the binding loads another copy'); process.exit(1) }"
}
synth_generated() {
  cd "$tn" && npx tsc -p tsconfig.json && CHECKPOINT_DISABLE=1 "${cdktn_cli[@]}" synth --output cdktn-get.out &&
    node -e "
      const tf = require('./cdktn-get.out/stacks/mail/cdk.tf.json');
      const mx = tf.resource.dns_mx_record_set, a = tf.resource.dns_a_record_set;
      if (!tf.provider.dns || !mx || !a) { console.error(Object.keys(tf.resource)); process.exit(1); }
      const sets = Object.values(mx).map((r) => r.mx.map((m) => m.preference + ' ' + m.exchange).join(', '));
      if (JSON.stringify(sets) !== JSON.stringify(['10 mx.example.org., 20 mx2.example.net.'])) { console.error(sets); process.exit(1); }
      console.log('cdktn synth of the generated binding ok:', Object.keys(tf.resource).join(', '));" &&
    { MODE=cname node out/main.js >cname.log 2>&1; test $? -ne 0; } && grep -q 'mx-target-cname' cname.log &&
    { MODE=no-provider node out/main.js >no-provider.log 2>&1; test $? -ne 0; } &&
    grep -q 'On cdktn, add "hashicorp/dns@~> 3.2" to terraformProviders in cdktf.json, run `cdktn get`' no-provider.log
}
if [[ -x "$mirror/registry.terraform.io/hashicorp/dns/$dns_version/linux_amd64/terraform-provider-dns_v$dns_version" ]]; then
  step cdktn-get generated
  step cdktn-get-synth synth_generated
else
  # As the deploy tests: a provider the Go module proxy would not serve skips this step, loudly.
  report+=("SKIPPED  cdktn-get: no hashicorp/dns $dns_version in $mirror (npm run providers could not install it; its output says why)")
  echo "DEPLOY TESTS SKIPPED — smoke-pack cdktn-get: no hashicorp/dns $dns_version in $mirror" >&2
fi

echo
echo "smoke-pack: $((SECONDS))s"
printf '%s\n' "${report[@]}"
exit $failed
