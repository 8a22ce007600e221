#!/usr/bin/env bash
# Model packages from the command line: `run --save-model` writes one, `predict` gives the
# Predict node's numbers for the same rows, refuses bad input with exit code 2 and writes
# nothing then, and predicts a file larger than its address-space limit (prlimit --as) piece
# by piece.
set -euo pipefail
build_dir=$(cd "$1" && pwd)
source_dir=$(cd "$(dirname "$0")/../.." && pwd)
cli=$build_dir/bin/oficina-cli
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
fail() { echo "predict_test: $*" >&2; exit 1; }
cd "$scratch"

"$cli" run "$source_dir/resources/examples/iris_classification.oficina" --quiet \
    --save-model logreg=iris.ofmodel --predictions split.test=test.csv \
    --predictions predict=node.csv >/dev/null
[[ -s iris.ofmodel ]] || fail "run --save-model wrote no package"

# The columns named in $2.. of CSV file $1 (names hold no commas here), as text.
columns() {
    local file=$1
    shift
    awk -F, -v wanted="$*" 'NR == 1 { n = split(wanted, w, " ");
        for (i = 1; i <= NF; i++) index_of[$i] = i }
        { line = ""; for (k = 1; k <= n; k++) line = line (k > 1 ? "," : "") $(index_of[w[k]]);
          print line }' "$file"
}
"$cli" predict iris.ofmodel test.csv -o out.csv --proba --keep species --quiet
outputs="prediction P(setosa) P(versicolor) P(virginica)"
diff <(columns node.csv species $outputs) <(columns out.csv species $outputs) ||
    fail "predict differs from the pipeline's Predict node"
[[ $(head -1 out.csv) == "species,prediction,P(setosa),P(versicolor),P(virginica)" ]] ||
    fail "unexpected columns: $(head -1 out.csv)"

# Bad input: exit code 2, a message naming what is wrong, no output file.
expect_refusal() {
    local pattern=$1
    shift
    local code=0
    "$cli" "$@" 2>err.txt >/dev/null || code=$?
    [[ $code -eq 2 ]] || fail "$* exited with $code, not 2"
    grep -q -- "$pattern" err.txt || fail "$* said '$(cat err.txt)', not '$pattern'"
}
expect_refusal "does not exist" predict absent.ofmodel test.csv -o bad.csv
expect_refusal "not a model package" predict test.csv test.csv -o bad.csv
cut -d, -f1-3,5 test.csv >three.csv
expect_refusal "petal width (cm)" predict iris.ofmodel three.csv -o bad.csv
expect_refusal "no column \"colour\"" predict iris.ofmodel test.csv -o bad.csv --keep colour
sed '3s/^[0-9.]*/five/' test.csv >word.csv
expect_refusal "word.csv:3" predict iris.ofmodel word.csv -o bad.csv
[[ ! -e bad.csv ]] || fail "a refused prediction left bad.csv behind"

# A file larger than the process may map: read, predicted and written a piece at a time.
# AddressSanitizer reserves terabytes of address space for its shadow memory, so under it no
# address-space limit can hold: the sanitizer build checks the rest.
if nm -D "$cli" 2>/dev/null | grep -c __asan_init >/dev/null; then
    echo "predict_test: predict equals the Predict node and refuses bad input (the large-file" \
         "check needs a build without AddressSanitizer)"
    exit 0
fi
limit_mb=512
awk 'BEGIN { print "sepal length (cm),sepal width (cm),petal length (cm),petal width (cm)";
             srand(7); for (i = 0; i < 40000000; i++)
                 printf "%.1f,%.1f,%.1f,%.1f\n", 4 + rand() * 4, 2 + rand() * 2.5,
                                                 1 + rand() * 6, rand() * 2.5 }' >big.csv
size_mb=$(($(stat -c %s big.csv) / 1048576))
((size_mb > limit_mb)) || fail "big.csv is only $size_mb MB"
prlimit --as=$((limit_mb * 1048576)) "$cli" predict iris.ofmodel big.csv -o big-out.csv --quiet ||
    fail "predict failed on a $size_mb MB file under a $limit_mb MB address-space limit"
[[ $(wc -l <big-out.csv) -eq 40000001 ]] || fail "big-out.csv has $(wc -l <big-out.csv) lines"
head -1001 big.csv >head.csv
"$cli" predict iris.ofmodel head.csv -o head-out.csv --quiet
cmp -s head-out.csv <(head -1001 big-out.csv) || fail "the pieces predict otherwise than the whole"
echo "predict_test: predict equals the Predict node, refuses bad input, and streams a" \
     "$size_mb MB file under a $limit_mb MB limit"
