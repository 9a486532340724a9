#!/usr/bin/env bash
# Times `server stop` of an idle Liberty server (no connection) running a FastRTC WAR: the stop
# drain (fastrtc.drain.stop-seconds, 10 s by default) must not slow a stop with nothing live.
# A measurement, not a test. Needs target/liberty/wlp (made by any IT run or `mvn liberty:create`)
# and the Vosk model the build unpacks to target/vosk (`mvn package`).
#
#   bench/run-stop-time.sh [WAR] [ROUNDS]        # default: target/fastrtc.war, 3 rounds
#   STOP_PORT=9382 STOP_HTTPS_PORT=9722 bench/run-stop-time.sh /path/to/other.war
#
# Run it under the shared IT lock on a shared machine: flock /tmp/fastrtc-it.lock bench/run-stop-time.sh
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/bench-lib.sh
WAR=$(realpath "${1:-target/fastrtc.war}")
ROUNDS=${2:-3}
PORT=${STOP_PORT:-9382}
HTTPS_PORT=${STOP_HTTPS_PORT:-9722}
liberty_use fastrtcStopTime
DIR=$WLP/usr/servers/$SERVER
[ -x "$WLP/bin/server" ] || { echo "no $WLP: run an IT first" >&2; exit 1; }
[ -d "$DIR" ] || "$WLP/bin/server" create "$SERVER" > /dev/null
cp src/main/liberty/config/server.xml "$DIR/server.xml"
printf 'http.port=%s\nhttps.port=%s\n' "$PORT" "$HTTPS_PORT" > "$DIR/bootstrap.properties"
# The WAR's demo assistant uses speech-to-text: without the model the build unpacked it does not
# deploy (as for the IT servers, the model folder is a system property).
echo "-Dfastrtc.speech.vosk.model=$PWD/target/vosk/model-en-us" > "$DIR/jvm.options"
rm -rf "$DIR/dropins" "$DIR/apps"
mkdir -p "$DIR/dropins"
cp "$WAR" "$DIR/dropins/fastrtc.war"
echo "WAR: $WAR"
for i in $(seq 1 "$ROUNDS"); do
  liberty_start
  if ! await_ready 180 "http://localhost:$PORT/api/status"; then
    liberty_stop
    echo "the application did not answer" >&2; exit 1
  fi
  live=$(curl -s "http://localhost:$PORT/api/status" | grep -o '"connections":[0-9]*' || true)
  "$WLP/bin/server" stop "$SERVER" > /dev/null
  t2=$(now_ms)
  printf 'round %d: started and answering after %.1f s (%s); server stop took %.1f s\n' \
    "$i" "$(echo "($T_API - $T0) / 1000" | bc -l)" "${live:-live connections unknown}" \
    "$(echo "($t2 - $T_API) / 1000" | bc -l)"
done
grep -h "Stop drain" "$DIR/logs/messages.log" || echo "no 'Stop drain' line: nothing was live at any stop"
