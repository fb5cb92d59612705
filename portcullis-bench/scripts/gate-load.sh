#!/usr/bin/env bash
# Load benchmark of the gate: `portcullis serve` on loopback, wrk (Debian's package) with keep-alive
# POSTing Dovecot-style allow and report requests (gate-load.lua). Prints requests/s and latency
# percentiles for each connection count. Usage: portcullis-bench/scripts/gate-load.sh [SECONDS] [CONNS...]
# JVM options: GATE_JAVA_OPTS (default: the launcher's for serve, with a 1 GB heap); config: GATE_CONFIG. The console is off unless GATE_CONSOLE_LISTEN=HOST:PORT.
set -euo pipefail
cd "$(dirname "$0")/../.."
secs=${1:-15}; shift || true
conns=("${@:-16 64}")
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }
[ -f portcullis-cli/target/portcullis.jar ] || ./mvnw -q -B package -DskipTests -Dfuzz.skip=true -pl portcullis-cli -am
data=$(mktemp -d)
port=18480
java ${GATE_JAVA_OPTS:--XX:+UseG1GC -XX:MaxGCPauseMillis=2 -Xmx1g} -jar portcullis-cli/target/portcullis.jar serve --listen 127.0.0.1:$port --console-listen "${GATE_CONSOLE_LISTEN:-off}" --data "$data" ${GATE_CONFIG:+--config "$GATE_CONFIG"} \
  2> "$data/serve.log" &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 100); do curl -sf http://127.0.0.1:$port/readyz >/dev/null && break; sleep 0.2; done
echo "warm-up (10 s)…"
wrk -t1 -c64 -d10s -s portcullis-bench/scripts/gate-load.lua http://127.0.0.1:$port/ >/dev/null
for c in ${conns[@]}; do
  echo "== wrk -t1 -c$c -d${secs}s (allow + report alternating) =="
  wrk -t1 -c"$c" -d"${secs}s" --latency -s portcullis-bench/scripts/gate-load.lua http://127.0.0.1:$port/ \
    | grep -E "Requests/sec|Latency|50%|90%|99%|requests in|Non-2xx|Socket errors"
done
echo "== gate metrics =="
curl -s http://127.0.0.1:$port/metrics | grep -E "^portcullis_(decisions_total|tracked_keys|reports_total|blocks_held)" || true
echo "serve RSS: $(ps -o rss= -p $pid) KiB"
