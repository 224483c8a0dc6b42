#!/usr/bin/env bash
# The mail pipeline, step by step: install, synth, lint the synthesized stacks, snapshot
# tests, `terraform plan -out` per stack, plan-check each plan, apply exactly the checked
# plan, then verify live DNS. Any failing step stops the run (set -e), so a plan that would
# lose mail is never applied. examples/pipeline/github-actions.yml runs the same steps.
#
# Run it in the cdktf project directory (the one with cdktf.json). Settings, all optional:
#   SKIP_INSTALL=1        do not run `npm ci` (the dependencies are installed already)
#   CDKTF_MX              how to run cdktf-mx            (default: npx cdktf-mx)
#   CDKTF_OUT             where synth writes             (default: cdktf.out)
#   SYNTH                 how to synthesize              (default: npx cdktf synth --output $CDKTF_OUT)
#   TESTS                 the snapshot tests             (default: npx jest --ci)
#   TERRAFORM             terraform binary               (default: terraform)
#   STACKS                stacks to deploy, space-separated (default: every stack in cdktf.out)
#   PLAN_CHECK_ARGS       extra plan-check options, e.g. "--max-mail-changes 200"
#   VERIFY_ARGS           extra verify options, e.g. "--server 192.0.2.53" (the zone's primary)
#   FORMAT                text (default) or github (annotations in GitHub Actions)
# Provider credentials come from the environment (DNS_UPDATE_*, CLOUDFLARE_API_TOKEN, …),
# never from the code or this script.
set -euo pipefail

OUT=${CDKTF_OUT:-cdktf.out}
CDKTF_MX=${CDKTF_MX:-npx cdktf-mx}
SYNTH=${SYNTH:-npx cdktf synth --output $OUT}
TESTS=${TESTS:-npx jest --ci}
TERRAFORM=${TERRAFORM:-terraform}
FORMAT=${FORMAT:-text}
export CHECKPOINT_DISABLE=1 TF_IN_AUTOMATION=1 TF_INPUT=0

step() { printf '\n== %s\n' "$*"; }

if [ "${SKIP_INSTALL:-}" != 1 ]; then
  step "install"
  npm ci --no-audit --no-fund
fi

step "synth"
$SYNTH

step "lint the synthesized stacks (synth findings)"
$CDKTF_MX lint "$OUT" --format "$FORMAT"

step "snapshot tests"
$TESTS

stacks=${STACKS:-$(ls "$OUT/stacks")}
for stack in $stacks; do
  dir="$OUT/stacks/$stack"
  step "plan $stack"
  (cd "$dir" && $TERRAFORM init -input=false -no-color >/dev/null && $TERRAFORM plan -input=false -no-color -out=tfplan >/dev/null)
  step "plan-check $stack"
  # shellcheck disable=SC2086 # PLAN_CHECK_ARGS is a list of options
  $CDKTF_MX plan-check "$dir/tfplan" --format "$FORMAT" ${PLAN_CHECK_ARGS:-}
done

for stack in $stacks; do
  step "apply $stack (the checked plan, nothing else)"
  (cd "$OUT/stacks/$stack" && $TERRAFORM apply -input=false -no-color tfplan)
done

step "verify live DNS"
for stack in $stacks; do
  # shellcheck disable=SC2086 # VERIFY_ARGS is a list of options
  $CDKTF_MX verify "$OUT" --stack "$stack" --format "${FORMAT/text/table}" ${VERIFY_ARGS:-}
done
step "done"
