#!/bin/sh
# Builds the libFuzzer targets with clang and runs them (docs/register.md, "Fuzzing").
#   tests/fuzz/run.sh            short run (CI): 200 000 executions per target
#   tests/fuzz/run.sh long       long run: 10 000 000 executions per target
#   tests/fuzz/run.sh RUNS       any number of executions per target
# Environment: CXX (default clang++-14), BUILD_DIR (default build-fuzz), JOBS (default 2),
#              TARGETS (default "period register").
# Exit status: 0 when every target finished its runs without a finding.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
runs=${1:-200000}
[ "$runs" = long ] && runs=10000000
[ "$runs" = short ] && runs=200000
build=${BUILD_DIR:-$root/build-fuzz}
cxx=${CXX:-clang++-14}

CXX=$cxx cmake -S "$root" -B "$build" -DKPI_FUZZ=ON -DKPI_BUILD_EXTENSION=OFF \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" -j"${JOBS:-2}" --target period_fuzz register_fuzz

status=0
for target in ${TARGETS:-period register}; do
    work="$build/fuzz-$target"
    mkdir -p "$work/corpus" "$work/artifacts"
    # Periods and numbers are short (parse_period gives up past 64 bytes); registers need room.
    max_len=256
    [ "$target" = register ] && max_len=1024
    echo "== ${target}_fuzz: $runs runs"
    # The seeds are read from the source tree; new inputs go to the build tree's corpus.
    if "$build/tests/fuzz/${target}_fuzz" -runs="$runs" -max_len="$max_len" -timeout=60 \
           -rss_limit_mb=2048 -print_final_stats=1 \
           -artifact_prefix="$work/artifacts/" \
           "$work/corpus" "$here/corpus/$target" >"$work/log.txt" 2>&1; then
        echo "   ok: $(grep -E 'stat::number_of_executed_units' "$work/log.txt" | tail -1)"
    else
        status=1
        echo "   FINDING: see $work/log.txt and $work/artifacts/"
        tail -30 "$work/log.txt"
    fi
done
exit $status
