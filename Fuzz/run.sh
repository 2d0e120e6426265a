#!/usr/bin/env bash
# Builds the fuzz targets with libFuzzer and AddressSanitizer and runs each for SECONDS on its seed
# corpus (Fuzz/Corpus/TARGET; new inputs go to a scratch folder, the committed seeds stay as they are).
#   Fuzz/run.sh [SECONDS] [TARGET…]     (default: 30 s each, every target; FUZZ_JOBS at a time, default 2)
#   Fuzz/run.sh --build-only            (builds every target and stops)
#   Fuzz/run.sh --run-only [SECONDS]    (runs targets built before)
# FUZZ_CONFIG=debug builds without optimisation (faster to build, slower to run: CI's smoke test on the seeds).
# Exits non-zero when a target crashes; the crashing input is kept in Fuzz/crashes/ and its stack printed.
set -uo pipefail
cd "$(dirname "$0")"
build_only=0 run_only=0
[[ "${1:-}" == --build-only ]] && { build_only=1; shift; }
[[ "${1:-}" == --run-only ]] && { run_only=1; shift; }
seconds="${1:-30}"; shift || true
jobs_at_once="${FUZZ_JOBS:-2}"
targets=("$@")
[[ ${#targets[@]} -eq 0 ]] && targets=(FuzzAnalyzer FuzzLegacyText FuzzJSONLines FuzzIndexFile FuzzQuery FuzzStoredRecord)
flags=(-c "${FUZZ_CONFIG:-release}" ${CI:+--disable-index-store} -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library -Xswiftc -enable-testing -Xswiftc -gline-tables-only)
# The main package's pins, so that the fuzz build uses the same dependencies as the tested one.
cp ../Package.resolved Package.resolved
# Each target linked on its own (one build of every product would link MakeFuzzSeeds with libFuzzer's main too);
# the modules they share are compiled once, by the first.
build_log=$(mktemp)
for target in "${targets[@]}"; do
  [[ $run_only -eq 1 ]] && break
  if ! swift build "${flags[@]}" --product "$target" >"$build_log" 2>&1; then
    grep -E "error" "$build_log" | head -20; rm -f "$build_log"; echo "the build of $target failed"; exit 1
  fi
done
rm -f "$build_log"
bin="$(swift build "${flags[@]}" --show-bin-path)"
[[ $build_only -eq 1 ]] && { echo "fuzz targets built in $bin"; exit 0; }
mkdir -p crashes
results=$(mktemp -d)
run_one() {
  local target=$1 scratch log status runs coverage
  scratch=$(mktemp -d)
  log="$scratch/log"
  SWIFT_BACKTRACE=enable=no "$bin/$target" "$scratch" "Corpus/$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix="crashes/$target-" -print_final_stats=1 >"$log" 2>&1
  status=$?
  runs=$(grep -a "stat::number_of_executed_units" "$log" | awk '{print $2}')
  coverage=$(grep -a "cov:" "$log" | tail -1 | sed -E 's/.*cov: ([0-9]+).*/\1/')
  if [[ $status -ne 0 ]]; then
    { echo "$target: CRASH after ${runs:-?} runs (exit $status)"
      grep -a -E "ERROR|Fatal error|#[0-9]+ .*(Sources|FuzzAnalyzer|Fuzz[A-Z])" "$log" | head -15; } > "$results/$target.failed"
  else
    echo "$target: ${runs:-?} runs in ${seconds} s, coverage ${coverage:-?} edges, no crash" > "$results/$target.ok"
  fi
  rm -rf "$scratch"
}
for target in "${targets[@]}"; do
  run_one "$target" &
  while (( $(jobs -rp | wc -l) >= jobs_at_once )); do wait -n; done
done
wait
failed=0
for target in "${targets[@]}"; do
  if [[ -f "$results/$target.failed" ]]; then failed=1; cat "$results/$target.failed"; else cat "$results/$target.ok"; fi
done
rm -rf "$results"
exit $failed
