#!/usr/bin/env bash
# Echo benchmark, end to end: builds the WAR, starts Open Liberty (or Payara Micro) on its own port
# with the echo stream's concurrency limit raised, measures the server's start time, runs
# EchoBenchmark (N = 1, 10, 50, 100, 150, ... until more than 1 % of frames are lost or late), stops
# the server.
#
#   bench/run-echo-bench.sh                       # defaults below
#   BENCH_PORT=9380 bench/run-echo-bench.sh -Dbench.sizes=1,10,50 -Dbench.window=10
#   BENCH_SERVER=payara bench/run-echo-bench.sh   # the same WAR on Payara Micro (port 9290)
#
# Environment: BENCH_SERVER (liberty or payara), BENCH_PORT (9280 for Liberty, 9290 for Payara),
# BENCH_HTTPS_PORT (9643; Payara 9652), BENCH_LIMIT (1000: the echo stream's concurrency limit, set
# as the Liberty variable fastrtc.stream.echo.concurrency-limit, or on Payara as that system
# property; MicroProfile Config reads both), BENCH_NO_RT (unset; 1 = start server and client without
# CAP_SYS_NICE, so libwebrtc's requests for real-time thread priority fail as they do for a
# non-root user; as root they succeed), BENCH_SERVER_CPUS / BENCH_CLIENT_CPUS (unset; a taskset CPU
# list, e.g. 0 and 1: pin the server and the client, so the server has one core to itself),
# BENCH_CLIENT (java: the webrtc-java EchoBenchmark; aiortc: bench/aiortc_echo.py, which needs
# python3-aiortc; its options come from BENCH_AIORTC_ARGS, e.g. "--sizes 1,10,20 --window 20"),
# BENCH_JVM_OPTS (extra server JVM options, one per line in jvm.options, e.g. "-Xmx256m").
# Arguments go to the benchmark's Maven call (-Dbench.*).
# The output is also written to target/bench/echo-<time>.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/bench-lib.sh

SERVER_KIND="${BENCH_SERVER:-liberty}"
if [ "$SERVER_KIND" = payara ]; then
  PORT="${BENCH_PORT:-9290}"
  HTTPS_PORT="${BENCH_HTTPS_PORT:-9652}"
else
  PORT="${BENCH_PORT:-9280}"
  HTTPS_PORT="${BENCH_HTTPS_PORT:-9643}"
fi
LIMIT="${BENCH_LIMIT:-1000}"
bench_output echo

RUN=()
if [ "${BENCH_NO_RT:-}" = 1 ]; then
  RUN=(setpriv --bounding-set -sys_nice --)
fi
SRUN=("${RUN[@]}")
CRUN=("${RUN[@]}")
if [ -n "${BENCH_SERVER_CPUS:-}" ]; then SRUN+=(taskset -c "$BENCH_SERVER_CPUS"); fi
if [ -n "${BENCH_CLIENT_CPUS:-}" ]; then CRUN+=(taskset -c "$BENCH_CLIENT_CPUS"); fi
# The client: the project's webrtc-java EchoBenchmark, or the independent aiortc script.
run_client() {
  if [ "${BENCH_CLIENT:-java}" = aiortc ]; then
    # shellcheck disable=SC2086
    "${CRUN[@]}" /usr/bin/python3 -u bench/aiortc_echo.py --url "http://localhost:$PORT" --pid "$PID" \
      ${BENCH_AIORTC_ARGS:-} 2>&1 | tee -a "$OUT"
  else
    "${CRUN[@]}" mvn -B -Dstyle.color=never -Pbench exec:exec -Dbench.url="http://localhost:$PORT" \
      -Dbench.pid="$PID" "$@" 2>&1 | bench_filter
  fi
}

require_free_port "$PORT" BENCH_PORT

if [ "$SERVER_KIND" = payara ]; then
  # Payara Micro 6.2025.10, copied by the pom's profile "payara" (docs/payara.md).
  say "== build (not timed) =="
  mvn -B -q -DskipTests package dependency:copy@copy-payara-micro
  PAYARA_DIR=target/bench/payara
  rm -rf "$PAYARA_DIR" && mkdir -p "$PAYARA_DIR"
  # The demo's assistant needs the Vosk model the build unpacked (else the WAR does not deploy).
  printf 'fastrtc.stream.echo.concurrency-limit=%s\nfastrtc.speech.vosk.model=%s\n' \
    "$LIMIT" "$PWD/target/vosk/model-en-us" >"$PAYARA_DIR/system.properties"
  LOG="$PAYARA_DIR/console.log"
  PID=""
  trap 'stop_pid "$PID" 60' EXIT
  say "== server start =="
  t0=$(now_ms)
  "${SRUN[@]}" java -jar target/payara/payara-micro.jar --deploy target/fastrtc.war --contextroot / \
    --port "$PORT" --sslport "$HTTPS_PORT" --nocluster --disablephonehome \
    --rootdir "$PAYARA_DIR/root" --systemproperties "$PAYARA_DIR/system.properties" >"$LOG" 2>&1 &
  PID=$!
  ready=0
  await_ready 240 "http://localhost:$PORT/api/streams" "$LOG" 'ready in [0-9,]* (ms)' "$PID" || ready=$?
  if [ "$ready" = 2 ]; then
    echo "Payara Micro exited; see $LOG" >&2
    exit 1
  elif [ "$ready" != 0 ]; then
    echo "Payara Micro did not become ready within 240 s; see $LOG" >&2
    exit 1
  fi
  payara_says=$(grep -o 'ready in [0-9,]* (ms)' "$LOG" | head -1 || true)
  webrtc_says=$(grep -o 'libwebrtc started in [0-9]* ms' "$LOG" | head -1 || true)
  say "server start (java -jar payara-micro.jar -> ...), Payara Micro 6.2025.10:"
  say "  'ready in' on the console:          $((T_READY - t0)) ms  (Payara: ${payara_says:-?})"
  say "  GET /api/streams answers:           $((T_API - t0)) ms  (${webrtc_says:-libwebrtc start not logged})"
  say "  pid $PID, port $PORT, echo concurrency limit $(curl -s "http://localhost:$PORT/api/streams" \
    | grep -o '"name":"echo"[^}]*"concurrencyLimit":[0-9]*' | grep -o '[0-9]*$')"
  [ ${#RUN[@]} -gt 0 ] && say "  server and client run without CAP_SYS_NICE (no real-time threads)"
  say "  idle server RSS: $(grep VmRSS "/proc/$PID/status" | awk '{printf "%.1f MB", $2/1024}')"
  sleep 5 # let the start-up compilation settle before measuring

  say "== echo benchmark =="
  run_client "$@"

  say "== stopping the server =="
  stop_pid "$PID" 60
  trap - EXIT
  say "results written to $OUT"
  exit 0
fi

say "== build and deploy (not timed) =="
liberty_deploy "$PORT" "$HTTPS_PORT" -Dliberty.var.fastrtc.stream.echo.concurrency-limit="$LIMIT"

liberty_use defaultServer
trap liberty_stop EXIT

# Liberty moves the old messages.log aside on start; start from a clean log directory.
rm -rf "$LOGS"
say "== server start =="
liberty_add_jvm_opts # for this run only: the file is restored when the server stops
liberty_start "${SRUN[@]}"
if ! await_ready 120 "http://localhost:$PORT/api/streams" "$LOGS/messages.log" CWWKF0011I; then
  echo "The server did not become ready within 120 s; see $LOGS/messages.log" >&2
  exit 1
fi
liberty_pid
liberty_says=$(grep -o 'server started in [0-9.]* seconds' "$LOGS/messages.log" | head -1 || true)
webrtc_says=$(grep -o 'libwebrtc started in [0-9]* ms' "$LOGS/messages.log" | head -1 || true)
say "server start (bin/server start -> ...):"
say "  'server start' script returned:     $((T_SCRIPT - T0)) ms"
say "  CWWKF0011I in messages.log:         $((T_READY - T0)) ms  (Liberty: ${liberty_says:-?})"
say "  GET /api/streams answers:           $((T_API - T0)) ms  (${webrtc_says:-libwebrtc start not logged})"
say "  pid $PID, port $PORT, echo concurrency limit $(curl -s "http://localhost:$PORT/api/streams" \
  | grep -o '"name":"echo"[^}]*"concurrencyLimit":[0-9]*' | grep -o '[0-9]*$')"
[ ${#RUN[@]} -gt 0 ] && say "  server and client run without CAP_SYS_NICE (no real-time threads)"
[ -n "${BENCH_SERVER_CPUS:-}${BENCH_CLIENT_CPUS:-}" ] && say "  server on CPUs ${BENCH_SERVER_CPUS:-all}, client on CPUs ${BENCH_CLIENT_CPUS:-all}"
say "  server JVM options: $(tr '\n' ' ' <"$JVM_OPTIONS" 2>/dev/null || echo none)"
say "  load before: $(cut -d' ' -f1-3 /proc/loadavg)"
say "  idle server RSS: $(grep VmRSS "/proc/$PID/status" | awk '{printf "%.1f MB", $2/1024}')"
sleep 5 # let the start-up compilation settle before measuring

say "== echo benchmark =="
run_client "$@"

say "  load after: $(cut -d' ' -f1-3 /proc/loadavg)"
say "== stopping the server =="
liberty_stop
trap - EXIT
say "results written to $OUT"
