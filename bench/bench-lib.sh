# Sourced (not run) by the bench scripts, from the project root: the output file, a server of their
# own (the build's Open Liberty in target/liberty/wlp, or any process by its PID) started, awaited
# and stopped the same way, and the filter on the Maven bench client's output.
#
#   . bench/bench-lib.sh
#   bench_output echo                  # OUT=target/bench/echo-<time>.txt; say() prints and keeps
#   require_free_port "$PORT" BENCH_PORT
#   liberty_deploy "$PORT" "$HTTPS_PORT" -Dliberty.var.fastrtc.stream.echo.concurrency-limit=1000
#   liberty_use defaultServer; trap liberty_stop EXIT
#   liberty_add_jvm_opts; rm -rf "$LOGS"; liberty_start
#   await_ready 120 "http://localhost:$PORT/api/streams" "$LOGS/messages.log" CWWKF0011I || exit 1
#   liberty_pid                        # PID from Liberty's pid file
#   mvn ... exec:exec ... 2>&1 | bench_filter
#   liberty_stop; trap - EXIT

WLP=target/liberty/wlp

now_ms() { date +%s%3N; }

# bench_output NAME: OUT=target/bench/NAME-<time>.txt (the directory is made).
bench_output() {
  mkdir -p target/bench
  OUT="target/bench/$1-$(date +%Y%m%d-%H%M%S).txt"
}

# say TEXT...: prints a line and appends it to $OUT.
say() { echo "$*" | tee -a "$OUT"; }

# bench_filter: Maven's and libwebrtc's noise out of a bench client's output, the rest kept in $OUT.
bench_filter() {
  grep --line-buffered -v -E '^\[INFO\]|^\s*$|VM attach current thread failed|Failed to attach thread' \
    | tee -a "$OUT"
}

# require_free_port PORT VARIABLE: exits when something listens on PORT (VARIABLE sets another).
require_free_port() {
  if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then
    echo "Port $1 is already in use; stop that server or set $2." >&2
    exit 1
  fi
}

# liberty_deploy PORT HTTPS_PORT [MAVEN ARGS...]: builds the WAR and deploys it to the build's
# defaultServer on these ports; further arguments are passed on (e.g. -Dliberty.var.<key>=<value>).
liberty_deploy() {
  local port=$1 https_port=$2
  shift 2
  mvn -B -q -DskipTests package liberty:create liberty:deploy \
    -Dliberty.var.http.port="$port" -Dliberty.var.https.port="$https_port" "$@"
}

# liberty_use SERVER: the server the functions below act on; sets SERVER, LOGS, JVM_OPTIONS.
liberty_use() {
  SERVER=$1
  LOGS="$WLP/usr/servers/$SERVER/logs"
  JVM_OPTIONS="$WLP/usr/servers/$SERVER/jvm.options"
  PID=""
  JVM_OPTS_ADDED=""
}

# liberty_add_jvm_opts: BENCH_JVM_OPTS (if set) appended to jvm.options for this run only;
# liberty_stop restores the file.
liberty_add_jvm_opts() {
  if [ -n "${BENCH_JVM_OPTS:-}" ]; then
    if [ -f "$JVM_OPTIONS" ]; then cp "$JVM_OPTIONS" "$JVM_OPTIONS.bench-orig"; fi
    tr ' ' '\n' <<<"$BENCH_JVM_OPTS" >>"$JVM_OPTIONS"
    JVM_OPTS_ADDED=1
  fi
}

# liberty_start [PREFIX...]: `bin/server start` (run through PREFIX, e.g. taskset -c 0); T0 is the
# time before it, T_SCRIPT when the script returned (ms).
liberty_start() {
  T0=$(now_ms)
  "$@" "$WLP/bin/server" start "$SERVER" >/dev/null
  T_SCRIPT=$(now_ms)
}

# liberty_pid: PID of the started server, from Liberty's pid file.
liberty_pid() { PID=$(cat "$WLP/usr/servers/.pid/$SERVER.pid"); }

# await_ready SECONDS URL [LOG PATTERN [PROCESS]]: polls every 0.1 s until URL answers and, when
# given, LOG holds PATTERN (grep). Sets T_API and T_READY (ms, when each was first seen). Returns 1
# after SECONDS, 2 as soon as PROCESS (a PID) has exited.
await_ready() {
  local seconds=$1 url=$2 log=${3:-} pattern=${4:-} process=${5:-} i
  T_READY=""
  T_API=""
  for ((i = 0; i < seconds * 10; i++)); do
    if [ -n "$log" ] && [ -z "$T_READY" ] && grep -q "$pattern" "$log" 2>/dev/null; then
      T_READY=$(now_ms)
    fi
    if [ -z "$T_API" ] && curl -fs -o /dev/null "$url"; then
      T_API=$(now_ms)
    fi
    if [ -n "$T_API" ] && { [ -z "$log" ] || [ -n "$T_READY" ]; }; then
      return 0
    fi
    if [ -n "$process" ] && ! kill -0 "$process" 2>/dev/null; then
      return 2
    fi
    sleep 0.1
  done
  return 1
}

# stop_pid PID SECONDS: SIGTERM to that one process, then waits up to SECONDS for it to exit.
stop_pid() {
  local pid=$1 seconds=$2
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 "$seconds"); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 1
    done
  fi
  return 0
}

# liberty_stop: `bin/server stop`, then makes sure PID (if known), and only it, is gone; restores
# jvm.options if liberty_add_jvm_opts changed it. Safe to call twice (e.g. also from a trap).
liberty_stop() {
  if [ -x "$WLP/bin/server" ]; then
    "$WLP/bin/server" stop "$SERVER" >/dev/null 2>&1 || true
  fi
  stop_pid "$PID" 30
  if [ -n "$JVM_OPTS_ADDED" ]; then
    rm -f "$JVM_OPTIONS"
    if [ -f "$JVM_OPTIONS.bench-orig" ]; then mv "$JVM_OPTIONS.bench-orig" "$JVM_OPTIONS"; fi
    JVM_OPTS_ADDED=""
  fi
  return 0
}
