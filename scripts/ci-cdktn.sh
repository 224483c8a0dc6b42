#!/usr/bin/env bash
# The example synth and the test suite under cdktn 0.24 (CDK Terrain, the community continuation
# of CDKTF) instead of cdktf 0.21. Called from .ci/run; `npm run ci:cdktn`.
#
# Copies the repository to a temp dir, swaps the devDependencies cdktf → npm:cdktn@0.24.0 (the
# alias users write, so `require('cdktf')` loads cdktn) and constructs → 10.7.x (cdktn's peer range
# stops below 10.8), installs, then:
#   - `cdktn synth` of the example app with cdktn-cli (needs Node >= 22.19; when this machine's
#     Node is older, Node 22 comes from the npm registry's `node` package through npx)
#   - `npm test` (tsc --noEmit and jest)
#
# Our tests load the prebuilt @cdktf/provider-cloudflare (peer cdktf ^0.21.0); through the alias it
# extends cdktn's classes. That peer cannot be met by cdktn 0.24, so THIS dev install uses
# --legacy-peer-deps. Users never need it: their install is checked by scripts/smoke-pack.sh.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
export CHECKPOINT_DISABLE=1 CI=true npm_config_fund=false npm_config_audit=false npm_config_update_notifier=false
CDKTN_VERSION=0.24.0
CONSTRUCTS_VERSION=10.7.2
NODE_FOR_CLI=22

work="$(mktemp -d "${TMPDIR:-/tmp}/cdktf-mx-cdktn.XXXXXX")"
trap 'rm -rf "$work"' EXIT
start=$SECONDS

# The tracked files (plus uncommitted edits), without node_modules or build output. The deploy
# tests take their providers from the mirror `npm run providers` filled: the copy links to it.
mkdir "$work/repo"
(cd "$repo" && git ls-files -z --cached --others --exclude-standard | tar --null -T - -cf -) | tar -xf - -C "$work/repo"
if [[ -d "$repo/.terraform-providers" ]]; then ln -s "$repo/.terraform-providers" "$work/repo/.terraform-providers"; fi
cd "$work/repo"
node - "$CDKTN_VERSION" "$CONSTRUCTS_VERSION" <<'EOF'
const fs = require('node:fs');
const [cdktn, constructs] = process.argv.slice(2);
const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8'));
pkg.devDependencies.cdktf = `npm:cdktn@${cdktn}`;
pkg.devDependencies.constructs = constructs;
fs.writeFileSync('package.json', `${JSON.stringify(pkg, null, 2)}\n`);
EOF
# package-lock.json stays: npm re-resolves only what changed, everything else keeps our locked versions.
echo "::: npm install (cdktf → cdktn@$CDKTN_VERSION, constructs@$CONSTRUCTS_VERSION)"
npm install --legacy-peer-deps --prefer-offline --no-audit --no-fund >install.log 2>&1 || { tail -40 install.log; exit 1; }
# `cdktf` must be cdktn everywhere our code and the provider binding load it (no nested real cdktf).
node - "$CDKTN_VERSION" <<'EOF'
const { dirname } = require('node:path');
const want = process.argv[2];
const from = { ours: '.', provider: dirname(require.resolve('@cdktf/provider-cloudflare/package.json')) };
for (const [who, dir] of Object.entries(from)) {
  const p = require(require.resolve('cdktf/package.json', { paths: [dir] }));
  if (p.name !== 'cdktn' || p.version !== want) { console.error(`cdktf from ${who} resolves to ${p.name} ${p.version}`); process.exit(1); }
}
console.log(`cdktf resolves to cdktn ${want} for our code and for @cdktf/provider-cloudflare`);
EOF
echo "install: $((SECONDS - start))s"

# cdktn-cli on Node >= 22.19.
cli=(npx -y -p "cdktn-cli@$CDKTN_VERSION" cdktn)
if ! node -e "const [a, b] = process.versions.node.split('.').map(Number); process.exit(a > 22 || (a === 22 && b >= 19) ? 0 : 1)"; then
  cli=(npx -y -p "node@$NODE_FOR_CLI" -p "cdktn-cli@$CDKTN_VERSION" cdktn)
fi
echo "::: example synth: ${cli[*]} synth"
t=$SECONDS
"${cli[@]}" synth --output cdktn.out >synth.log 2>&1 || { tail -40 synth.log; exit 1; }
node - <<'EOF'
const fs = require('node:fs');
const tf = JSON.parse(fs.readFileSync('cdktn.out/stacks/mail/cdk.tf.json', 'utf8'));
const records = Object.values(tf.resource.cloudflare_dns_record);
const mx = records.filter((r) => r.type === 'MX').map((r) => `${r.name} ${r.priority} ${r.content}`);
if (!mx.includes('example.com 1 smtp.google.com') || !mx.includes('parked.example 0 .')) {
  console.error('unexpected MX in cdktn synth output:', mx);
  process.exit(1);
}
console.log(`cdktn synth: ${records.length} cloudflare_dns_record resources, ${mx.length} MX`);
EOF
echo "synth: $((SECONDS - t))s"

echo "::: npm test under cdktn"
t=$SECONDS
npm test
echo "test: $((SECONDS - t))s; ci-cdktn total: $((SECONDS - start))s"
