#!/usr/bin/env bash
# Train a pipeline, gate its metrics and keep its model: what the CI examples beside this file
# run (github-actions.yml, gitlab-ci.yml), and what tests/cli/ci_examples_test.sh runs too.
#
#   docs/ci/train-and-gate.sh PIPELINE NODE OUT_DIR [RULE...]
#
# PIPELINE  the pipeline file; NODE the node whose model is deployed
# OUT_DIR   receives model.ofmodel, report.json and gates.md (a Markdown table for the pull
#           request); created if need be
# RULE      a gate, e.g. 'score.accuracy >= 0.9' or 'score.f1_macro >= baseline-0.01'
# BASELINE  (environment) what baseline rules compare with: a report.json from the main
#           branch's last run, or a registered model, models:/NAME@champion
#
# Exit code: oficina-cli's — 0 all gates passed, 1 a node failed, 2 bad input, 3 a gate failed.
set -euo pipefail
if [[ $# -lt 3 ]]; then
    echo "usage: $0 PIPELINE NODE OUT_DIR [RULE...]" >&2
    exit 2
fi
pipeline=$1 node=$2 out=$3
shift 3
mkdir -p "$out"
args=(run "$pipeline" --quiet --save-model "$node=$out/model.ofmodel" --report "$out/report.json"
      --summary "$out/gates.md")
for rule in "$@"; do args+=(--require "$rule"); done
[[ -n "${BASELINE:-}" ]] && args+=(--baseline "$BASELINE")
status=0
oficina-cli "${args[@]}" || status=$?
[[ -s $out/gates.md ]] && cat "$out/gates.md"
exit $status
