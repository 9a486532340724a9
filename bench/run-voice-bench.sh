#!/usr/bin/env bash
# Speech benchmark (prints figures; not a test, no server): Vosk STT real-time factor and CPU per
# second of audio, end of speech to transcript, TTS time to first audio (FreeTTS, flite), memory
# per model and per recognizer, the voice round trip p50/p95 with K assistants, on 15 questions spoken by flite at run time (apt-get install flite
# sox). Needs the Vosk model unpacked by the build (mvn package -DskipITs) in target/vosk.
#
#   bench/run-voice-bench.sh
#
# The output is also written to target/bench/voice-<time>.txt. Details: bench/README.md.
exec "$(dirname "$0")/run-offline-bench.sh" voice io.fastrtc.jakarta.bench.SpeechBenchmark "$@"
