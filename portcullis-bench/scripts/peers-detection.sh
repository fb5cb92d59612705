#!/usr/bin/env bash
# What the peers flag on the labelled scenarios, next to Portcullis, scored with the same score.py:
#   fail2ban's default dovecot jail (filter dovecot, maxretry 5, findtime 10 min) plus its postfix-sasl
#   jail (postfix[mode=auth], same limits), and CrowdSec's dovecot-spam + postfix-spam scenarios
#   replayed over the file. Prints one markdown table row per tool and scenario.
#   portcullis-bench/scripts/peers-detection.sh [SCENARIO_DIR...]   (default: ../shared/scenarios/*/)
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
shared=$here/../shared
jar=$here/portcullis-cli/target/portcullis.jar
[ -f "$jar" ] || (cd "$here" && ./mvnw -B -q -DskipTests -Dfuzz.skip=true package)
work=${BENCH_WORK:-$here/bench-work}/detection; mkdir -p "$work"
dirs=("$@"); [ ${#dirs[@]} -gt 0 ] || dirs=("$shared"/scenarios/*/)
command -v fail2ban-regex >/dev/null || bash "$shared/bench/peers.sh" /dev/null dovecot fail2ban >/dev/null 2>&1 || true

jail() {  # jail ROWS... -> JSON report with the banned addresses (5 failures within 600 s per address)
  python3 - "$@" <<'PY'
import ast, json, sys, collections
times = collections.defaultdict(list)
for f in sys.argv[1:]:
    for line in open(f):
        line = line.strip().rstrip(',')
        if not line.startswith('['): continue
        try: row = ast.literal_eval(line)
        except Exception: continue
        times[row[0]].append(int(row[1]))
banned = []
for ip, ts in times.items():
    ts.sort()
    for i in range(len(ts) - 4):
        if ts[i + 4] - ts[i] <= 600: banned.append(ip); break
print(json.dumps({"sources": [{"ip": ip, "verdict": "attacker"} for ip in banned], "accounts": []}))
PY
}

echo "| scenario | tool | attacker recall | precision | shared NAT / stale devices flagged | compromised accounts found |"
echo "|---|---|---|---|---|---|"
for d in "${dirs[@]}"; do
  d=${d%/}; name=$(basename "$d"); log=$work/$name.log
  [ -f "$log" ] || zcat -f "$d/mail.log.gz" >"$log"
  year=$(python3 -c "import json;print(json.load(open('$d/truth.json'))['end'][:4])")
  score() {  # score NAME REPORT — the formulas of score.py, with exact counts of shared/stale hits
    python3 - "$name" "$1" "$d/truth.json" "$2" <<'PY'
import json, sys
name, tool, truth, report = sys.argv[1:]
t = json.load(open(truth)); r = json.load(open(report))
att = set(t["attacker_ips"]); shared = set(t["shared_benign_ips"]); stale = {d["ip"] for d in t["stale_devices"]}
flag = {s["ip"] for s in r.get("sources", []) if s.get("verdict") == "attacker"}
tp = len(flag & att)
comp = {k.lower() for k in t["compromised"]}
cflag = {a["account"].lower() for a in r.get("accounts", []) if a.get("status") == "compromised"}
hits = []
if flag & shared: hits.append(f"{len(flag & shared)} of {len(shared)} shared NAT")
if flag & stale: hits.append(f"{len(flag & stale)} of {len(stale)} stale-device")
prec = tp / len(flag) if flag else 0.0
print(f"| {name} | {tool} | {tp / len(att):.3f} | {prec:.3f} | {', '.join(hits) or 'none'} | {len(cflag & comp)}/{len(comp)} |")
PY
  }
  # Portcullis
  java -jar "$jar" analyze --year "$year" --format json --out "$work/$name.portcullis.json" "$log"
  score "Portcullis analyze" "$work/$name.portcullis.json"
  # fail2ban
  fail2ban-regex -o row "$log" dovecot >"$work/$name.f2b-dovecot.rows" 2>/dev/null || true
  fail2ban-regex -o row "$log" 'postfix[mode=auth]' >"$work/$name.f2b-postfix.rows" 2>/dev/null || true
  jail "$work/$name.f2b-dovecot.rows" >"$work/$name.f2b.json"
  score "fail2ban dovecot jail (5 in 10 min)" "$work/$name.f2b.json"
  jail "$work/$name.f2b-dovecot.rows" "$work/$name.f2b-postfix.rows" >"$work/$name.f2b-all.json"
  score "fail2ban dovecot + postfix-sasl jails" "$work/$name.f2b-all.json"
  # CrowdSec: replay with peers.sh's offline setup, kept, then list the alerts' addresses
  keep=$(PEERS_KEEP=1 TMPDIR=$work bash "$shared/bench/peers.sh" "$log" dovecot crowdsec 2>&1 | tail -1)
  cdir=$(ls -dt "$work"/peers.*/crowdsec | head -1)
  # the replay ends with its local API, so read the alerts from its database
  python3 - "$cdir/data/crowdsec.db" >"$work/$name.crowdsec.json" <<'PY'
import json, sqlite3, sys
try:
    rows = sqlite3.connect(sys.argv[1]).execute("select distinct source_ip from alerts where source_ip is not null").fetchall()
except Exception:
    rows = []
print(json.dumps({"sources": [{"ip": r[0], "verdict": "attacker"} for r in rows if r[0]], "accounts": []}))
PY
  score "CrowdSec dovecot-spam + postfix-spam" "$work/$name.crowdsec.json"
  rm -rf "$(dirname "$cdir")"
done
