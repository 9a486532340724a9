#!/usr/bin/env bash
# Turn-taking benchmark (prints figures; not a test, no server): our streaming turn detector against
# Python FastRTC's 0.6 s chunk algorithm, both on the bundled Silero VAD v5 and on the same 24
# utterances spoken by flite at run time (needs flite and sox: apt-get install flite sox).
#
#   bench/run-turn-bench.sh
#
# The output is also written to target/bench/turn-<time>.txt. Details: bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
for tool in flite sox; do
  command -v "$tool" >/dev/null || { echo "$tool is missing: apt-get install flite sox" >&2; exit 1; }
done
mkdir -p target/bench
OUT="target/bench/turn-$(date +%Y%m%d-%H%M%S).txt"
mvn -B -q -Dstyle.color=never -Pbench test-compile exec:exec -Djs.skip \
  -Dbench.main=io.fastrtc.jakarta.bench.TurnBenchmark | tee "$OUT"
echo "written to $OUT"
