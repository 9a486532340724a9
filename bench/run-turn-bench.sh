#!/usr/bin/env bash
# Turn-taking benchmark (prints figures; not a test, no server): our streaming turn detector against
# Python FastRTC's 0.6 s chunk algorithm, both on the bundled Silero VAD v5 and on the same 24
# utterances spoken by flite at run time (needs flite and sox: apt-get install flite sox).
#
#   bench/run-turn-bench.sh
#
# The output is also written to target/bench/turn-<time>.txt. Details: bench/README.md.
exec "$(dirname "$0")/run-offline-bench.sh" turn io.fastrtc.jakarta.bench.TurnBenchmark "$@"
