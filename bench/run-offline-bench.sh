#!/usr/bin/env bash
# Runs one of the offline speech benchmarks (no server) that need flite and sox, and keeps its output:
#
#   bench/run-offline-bench.sh <name> <main class> [maven args...]
#
# Used by run-turn-bench.sh and run-voice-bench.sh; writes target/bench/<name>-<time>.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/bench-lib.sh
name="$1" main="$2"
shift 2
for tool in flite sox; do
  command -v "$tool" >/dev/null || { echo "$tool is missing: apt-get install flite sox" >&2; exit 1; }
done
bench_output "$name"
mvn -B -q -Dstyle.color=never -Pbench test-compile exec:exec -Djs.skip \
  -Dbench.main="$main" "$@" | tee "$OUT"
echo "written to $OUT"
