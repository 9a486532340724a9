#!/usr/bin/env bash
# Soak and leak check (prints figures; not part of mvn verify): builds the WAR, starts its own Open
# Liberty server (defaultServer in target/liberty/wlp, as bench/run-echo-bench.sh does) on ports
# 9361/9701 with short timeouts so vanished clients are reaped quickly, runs SoakBenchmark (1000
# connect -> stream 1.5 s of tone -> drop cycles, 10 at a time, half WebRTC and half WebSocket, half
# closing properly and half vanishing without a word) and stops the server by its PID.
#
#   flock /tmp/fastrtc-it.lock bench/run-soak.sh                 # the full run (about 15 min)
#   flock /tmp/fastrtc-it.lock bench/run-soak.sh -Dsoak.cycles=100 -Dsoak.every=50 -Dsoak.warmup=50
#
# Environment: SOAK_PORT (9361), SOAK_HTTPS_PORT (9701), SOAK_LIMIT (50: the echo stream's
# concurrency limit), SOAK_IDLE_TIMEOUT (5: fastrtc.connection.idle-timeout, seconds without
# media before a connection is closed; this reaps vanished WebRTC clients), SOAK_HANG_TIMEOUT (5:
# fastrtc.handler.hang-timeout), BENCH_JVM_OPTS (extra server JVM options, one per line in
# jvm.options, e.g. "-Xmx256m"; restored when the server stops).
# Arguments go to the driver's Maven call: -Dsoak.cycles (1000), -Dsoak.parallel (10),
# -Dsoak.every (100: a reading every N cycles), -Dsoak.warmup (200), -Dsoak.seconds (1.5),
# -Dsoak.reapWait (90: the most seconds to wait for the server to reap vanished clients before a
# reading). The output is also written to target/bench/soak-<time>.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/bench-lib.sh

PORT="${SOAK_PORT:-9361}"
HTTPS_PORT="${SOAK_HTTPS_PORT:-9701}"
LIMIT="${SOAK_LIMIT:-50}"
IDLE="${SOAK_IDLE_TIMEOUT:-5}"
HANG="${SOAK_HANG_TIMEOUT:-5}"
bench_output soak
require_free_port "$PORT" SOAK_PORT

say "== build and deploy (not timed) =="
liberty_deploy "$PORT" "$HTTPS_PORT" \
  -Dliberty.var.fastrtc.stream.echo.concurrency-limit="$LIMIT" \
  -Dliberty.var.fastrtc.connection.idle-timeout="$IDLE" \
  -Dliberty.var.fastrtc.handler.hang-timeout="$HANG"
mvn -B -q -Djs.skip test-compile

liberty_use defaultServer
trap liberty_stop EXIT # `server stop`, then this PID and only it; jvm.options restored

rm -rf "$LOGS"
liberty_add_jvm_opts
say "== server start =="
liberty_start
if ! await_ready 120 "http://localhost:$PORT/api/streams"; then
  echo "The server did not answer within 120 s; see $LOGS/messages.log" >&2
  exit 1
fi
liberty_pid
say "  pid $PID, port $PORT; echo concurrency limit $LIMIT, idle timeout $IDLE s, hang timeout $HANG s"
say "  server JVM options: $(tr '\n' ' ' <"$JVM_OPTIONS" 2>/dev/null || echo none)"
say "  server java: $(readlink -f "/proc/$PID/exe")"
say "  load before: $(cut -d' ' -f1-3 /proc/loadavg)"
sleep 5 # let the start-up compilation settle before the first reading

say "== soak =="
mvn -B -Dstyle.color=never -Pbench exec:exec -Djs.skip -Dbench.url="http://localhost:$PORT" \
  -Dbench.pid="$PID" -Dbench.main=io.fastrtc.jakarta.bench.SoakBenchmark "$@" 2>&1 | bench_filter

say "  load after: $(cut -d' ' -f1-3 /proc/loadavg)"
say "  server log: $(grep -c 'Connection closed' "$LOGS/messages.log" || true) 'Connection closed' lines;" \
  "end reasons: $(grep -o 'reason=[a-z_]*' "$LOGS/messages.log" | sort | uniq -c | tr '\n' ' ')"
say "== stopping the server =="
liberty_stop
trap - EXIT
say "results written to $OUT"
