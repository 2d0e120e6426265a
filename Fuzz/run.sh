#!/usr/bin/env bash
# Builds the fuzz targets with libFuzzer and AddressSanitizer and runs each for SECONDS on its seed
# corpus (Fuzz/Corpus/TARGET; new inputs go to a scratch folder, the committed seeds stay as they are).
#   Fuzz/run.sh [SECONDS] [TARGET…]     (default: 30 s each, every target)
# Exits non-zero when a target crashes; the crashing input is kept in Fuzz/crashes/ and its stack printed.
set -uo pipefail
cd "$(dirname "$0")"
seconds="${1:-30}"; shift || true
targets=("$@")
[[ ${#targets[@]} -eq 0 ]] && targets=(FuzzAnalyzer FuzzLegacyText FuzzJSONLines FuzzIndexFile FuzzQuery FuzzStoredRecord)
flags=(-c release -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library -Xswiftc -enable-testing)
for target in "${targets[@]}"; do
  swift build "${flags[@]}" --product "$target" 2>&1 | grep -E "error|warning: unre" && { echo "build of $target failed"; exit 1; }
done
bin="$(swift build "${flags[@]}" --show-bin-path)"
mkdir -p crashes
failed=0
for target in "${targets[@]}"; do
  scratch=$(mktemp -d)
  log="$scratch/log"
  SWIFT_BACKTRACE=enable=no "$bin/$target" "$scratch" "Corpus/$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix="crashes/$target-" -print_final_stats=1 >"$log" 2>&1
  status=$?
  runs=$(grep -a "stat::number_of_executed_units" "$log" | awk '{print $2}')
  coverage=$(grep -a "cov:" "$log" | tail -1 | sed -E 's/.*cov: ([0-9]+).*/\1/')
  if [[ $status -ne 0 ]]; then
    failed=1
    echo "$target: CRASH after ${runs:-?} runs (exit $status)"
    grep -a -E "ERROR|Fatal error|#[0-9]+ .*(Sources|FuzzAnalyzer|Fuzz[A-Z])" "$log" | head -15
  else
    echo "$target: ${runs:-?} runs in ${seconds} s, coverage ${coverage:-?} edges, no crash"
  fi
  rm -rf "$scratch"
done
exit $failed
