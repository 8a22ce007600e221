#!/usr/bin/env bash
# Builds the libFuzzer harnesses (clang, ASan + UBSan, core/ only: no Qt) and runs each one
# for SECONDS (default 60) on its seed corpus in tests/fuzz/corpus/<target>.
#   tests/fuzz/run.sh [SECONDS] [TARGET...]     e.g. tests/fuzz/run.sh 3600 csv
# New inputs the fuzzer finds go to build/fuzz/corpus/<target> (not checked in); a crash,
# leak, timeout or sanitizer report leaves its reproducer in build/fuzz/crashes/<target>/ and
# makes the script exit non-zero. Replay one with: build/fuzz/bin/fuzz_<target> FILE
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-60}
shift || true
targets=("$@")
[[ ${#targets[@]} -eq 0 ]] && targets=(csv arff pipeline modelstate)
build=build/fuzz
jobs=${OFICINA_FUZZ_JOBS:-2}

cmake -S tests/fuzz -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_FLAGS_RELEASE="-O1" \
      -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_RUNTIME_OUTPUT_DIRECTORY="$PWD/$build/bin" >/dev/null
cmake --build "$build" -j "$jobs" --target "${targets[@]/#/fuzz_}"

# LibTorch's and protobuf's allocations at start-up are not ours to free.
export LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}"
status=0
for target in "${targets[@]}"; do
    corpus="$build/corpus/$target"
    crashes="$build/crashes/$target"
    mkdir -p "$corpus" "$crashes"
    echo "fuzz: $target for ${seconds} s" >&2
    # -timeout: one input taking 10 s is a hang. -rss_limit_mb: an input that needs gigabytes
    # of memory is a bug too (the readers refuse what cannot fit).
    dict=()
    [[ -f tests/fuzz/$target.dict ]] && dict=(-dict="tests/fuzz/$target.dict")
    if ! "$build/bin/fuzz_$target" "$corpus" "tests/fuzz/corpus/$target" "${dict[@]}" \
            -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
            -artifact_prefix="$crashes/" -print_final_stats=1 2> "$build/$target.log"; then
        echo "fuzz: $target FAILED; reproducer(s) in $crashes/, log in $build/$target.log" >&2
        tail -n 40 "$build/$target.log" >&2
        status=1
    else
        grep -E '^stat::number_of_executed_units|^#[0-9]+ *DONE' "$build/$target.log" >&2 || true
    fi
done
exit $status
