#!/usr/bin/env bash
# The CI examples of docs/ci run what they say: the train-and-gate command line of
# gitlab-ci.yml and of github-actions.yml, run here as written (oficina-cli from the build tree
# on PATH, a project laid out as the examples expect: pipelines/churn.oficina with a node
# "train"), passes its gates, writes the model, the report and the Markdown summary; a gate
# that cannot pass makes the script exit 3 with ❌ in the summary; a bad rule exits 2.
#   ci_examples_test.sh BUILD_DIR
set -euo pipefail
build=$(cd "$1" && pwd)
here=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export PATH="$build/bin:$PATH"
unset OFICINA_RUN_STORE  # the project's own store, as on a CI runner

fail() {
    echo "ci examples: $*" >&2
    exit 1
}

mkdir -p "$work/docs/ci" "$work/pipelines"
cp "$here/docs/ci/train-and-gate.sh" "$work/docs/ci/"
cp "$here/resources/datasets/iris.csv" "$work/pipelines/"
cat > "$work/pipelines/churn.oficina" <<'PIPELINE'
{"format": "oficina-pipeline", "version": 1, "nodes": [
  {"id": "load", "type": "oficina.data.load_file", "params": {"file": "iris.csv"}},
  {"id": "select", "type": "oficina.data.select_columns", "params": {"target": "species"}},
  {"id": "split", "type": "oficina.data.split", "params": {"seed": 3, "stratify": true}},
  {"id": "train", "type": "oficina.model.logistic_regression"},
  {"id": "predict", "type": "oficina.model.predict"},
  {"id": "score", "type": "oficina.eval.score"}],
 "links": [
  {"from": "load.data", "to": "select.data"}, {"from": "select.data", "to": "split.data"},
  {"from": "split.train", "to": "train.data"}, {"from": "train.model", "to": "predict.model"},
  {"from": "split.test", "to": "predict.data"},
  {"from": "predict.predictions", "to": "score.predictions"}]}
PIPELINE

# The command lines as the examples write them.
gitlab=$(grep -E '^\s*- docs/ci/train-and-gate\.sh' "$here/docs/ci/gitlab-ci.yml" | sed -E 's/^\s*- //')
github=$(awk '/run: >/ {take = 1; next} take && /^ *- / {take = 0} take {printf "%s ", $0}' \
    "$here/docs/ci/github-actions.yml" | sed -E 's/^ +//; s/ +$//')
[[ $gitlab == docs/ci/train-and-gate.sh* ]] || fail "gitlab-ci.yml runs no train-and-gate.sh"
[[ $github == docs/ci/train-and-gate.sh* ]] || fail "github-actions.yml runs no train-and-gate.sh"

for example in gitlab github; do
    command=${!example}
    rm -rf "$work/out"
    (cd "$work" && eval "$command") > "$work/$example.log" 2>&1 ||
        fail "$example's command failed: $(cat "$work/$example.log")"
    for file in model.ofmodel report.json gates.md; do
        [[ -s $work/out/$file ]] || fail "$example's command wrote no out/$file"
    done
    grep -c '✅ \*\*2 of 2 gates passed\*\*' "$work/out/gates.md" >/dev/null ||
        fail "$example: $(cat "$work/out/gates.md")"
done

# A gate that cannot pass: exit 3, ❌ in the summary; a rule with a typo: exit 2.
status=0
(cd "$work" && docs/ci/train-and-gate.sh pipelines/churn.oficina train out 'score.accuracy > 1') \
    > "$work/fail.log" 2>&1 || status=$?
[[ $status -eq 3 ]] || fail "a failed gate exited $status, not 3: $(cat "$work/fail.log")"
grep -c '❌' "$work/out/gates.md" >/dev/null || fail "no ❌ for the failed gate"
status=0
(cd "$work" && docs/ci/train-and-gate.sh pipelines/churn.oficina train out 'score.accuracy => 1') \
    > "$work/typo.log" 2>&1 || status=$?
[[ $status -eq 2 ]] || fail "a malformed rule exited $status, not 2"
# The baseline of the next commit: this run's report.
status=0
(cd "$work" && BASELINE=out/report.json docs/ci/train-and-gate.sh pipelines/churn.oficina train \
    out2 'score.accuracy >= baseline') > "$work/baseline.log" 2>&1 || status=$?
[[ $status -eq 0 ]] || fail "the same run against its own report failed: $(cat "$work/baseline.log")"
echo "ci examples: ok"
