#!/usr/bin/env bash
# Whole-process throughput of `portcullis parse` and `portcullis analyze` on a generated mail log,
# side by side with the peers (fail2ban-regex, sshguard's parser, CrowdSec replay) on the same file.
#   portcullis-bench/scripts/parse-vs-peers.sh [LINES] [RUNS] [PEERS]
# LINES defaults to 5,000,000; RUNS (timed runs of each Portcullis command, after one warm-up) to 3;
# PEERS to fail2ban,sshguard,crowdsec (CrowdSec needs ~15 minutes on 5M lines).
# Prints wall seconds, lines/s and peak RSS per run, the medians, then the peers' lines and ratios.
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
LINES=${1:-5000000}; RUNS=${2:-3}; PEERS=${3:-fail2ban,sshguard,crowdsec}
work=${BENCH_WORK:-$here/bench-work}; mkdir -p "$work"
jar=$here/portcullis-cli/target/portcullis.jar
"$here/portcullis" --version >/dev/null   # builds the jar and its class-data archive when needed
log=$work/mail-$LINES.log
[ -f "$log" ] || java -cp "$jar" dev.portcullis.sim.MailLog "$LINES" "$log" 1 rfc3164 9000
n=$(wc -l <"$log")
echo "input: $log ($n lines, $(du -h "$log" | cut -f1)); $(nproc) cores; $(java -version 2>&1 | head -1)"

measure() {  # measure NAME CMD... -> per-run lines and a median
  local name=$1; shift
  "$@" >/dev/null 2>&1 || true   # warm-up (page cache, JIT of the JVM's own startup classes)
  local walls=()
  for _ in $(seq "$RUNS"); do
    /usr/bin/time -f "%e %M" -o "$work/t" "$@" >/dev/null 2>"$work/err" || { cat "$work/err" >&2; exit 1; }
    read -r wall kb <"$work/t"; walls+=("$wall")
    printf '  %-34s %6.2f s  %10s lines/s  peak %4d MB\n' "$name" "$wall" \
      "$(python3 -c "print(f'{$n/max($wall,1e-3):,.0f}')")" $((kb / 1024))
  done
  median=$(printf '%s\n' "${walls[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  printf '  %-34s median %.2f s = %s lines/s\n' "$name" "$median" "$(python3 -c "print(f'{$n/$median:,.0f}')")"
  eval "median_${name//[^a-z]/_}=$median"
}

echo "Portcullis:"
# what a user runs: the launcher (its default JVM options), and the same within a 256 MB heap
measure parse      "$here/portcullis" parse --year 2026 "$log"
measure parse_256m env PORTCULLIS_JAVA_OPTS="-Xmx256m -XX:+UseParallelGC -XX:NewRatio=1 -XX:-UseAdaptiveSizePolicy" "$here/portcullis" parse --year 2026 "$log"
measure analyze    "$here/portcullis" analyze --year 2026 --format json "$log"
measure analyze_256m env PORTCULLIS_JAVA_OPTS="-Xmx256m -XX:+UseParallelGC -XX:NewRatio=1 -XX:-UseAdaptiveSizePolicy" "$here/portcullis" analyze --year 2026 --format json "$log"

echo "Peers (../shared/bench/peers.sh, same file, same sitting):"
peers=$here/../shared/bench/peers.sh
bash "$peers" "$log" dovecot "$PEERS" | tee "$work/peers.txt"

echo "Ratios (peer wall / portcullis parse wall):"
while read -r line; do
  case "$line" in
    *"s wall"*)
      peer=${line%%:*}; wall=$(sed -E 's/.*: ([0-9.]+) s wall.*/\1/' <<<"$line")
      python3 -c "print(f'  portcullis parse is {$wall/$median_parse:,.1f}x faster than $peer')" ;;
  esac
done <"$work/peers.txt"
