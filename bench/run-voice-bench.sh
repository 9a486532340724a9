#!/usr/bin/env bash
# Speech benchmark (prints figures; not a test, no server): Vosk STT real-time factor and CPU per
# second of audio, end of speech to transcript, TTS time to first audio (FreeTTS, flite), memory
# per model and per recognizer, the voice round trip p50/p95 with K assistants, on 15 questions spoken by flite at run time (apt-get install flite
# sox). Needs the Vosk model unpacked by the build (mvn package -DskipITs) in target/vosk.
#
#   bench/run-voice-bench.sh
#
# The output is also written to target/bench/voice-<time>.txt. Details: bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
for tool in flite sox; do
  command -v "$tool" >/dev/null || { echo "$tool is missing: apt-get install flite sox" >&2; exit 1; }
done
mkdir -p target/bench
OUT="target/bench/voice-$(date +%Y%m%d-%H%M%S).txt"
mvn -B -q -Dstyle.color=never -Pbench test-compile exec:exec -Djs.skip \
  -Dbench.main=io.fastrtc.jakarta.bench.SpeechBenchmark | tee "$OUT"
echo "written to $OUT"
