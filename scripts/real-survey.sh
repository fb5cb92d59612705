#!/usr/bin/env bash
# Runs Portcullis over every dataset that scripts/real-survey-fetch.sh brought into DATA and writes one
# TSV row per dataset, plus the reports, to OUT (default /tmp/real-survey). See scripts/real-survey.md.
# Usage: scripts/real-survey.sh DATA [GLOB]      e.g. scripts/real-survey.sh /work/realdata/survey 'fail2ban/*'
# Environment: OUT (output folder), JOBS (parallel datasets, default: the number of cores), TEXT=1 (also a
# text report), FRESH=1 (run every dataset again; by default a report newer than its dataset and the jar is kept).
# Do not edit this script while it runs: bash reads it as it goes.
set -euo pipefail
data=${1:?usage: real-survey.sh DATA [GLOB]}
glob=${2:-*/*}
here=$(cd "$(dirname "$0")/.." && pwd)
out=${OUT:-/tmp/real-survey}
jobs=${JOBS:-$(nproc 2>/dev/null || echo 2)}
data=$(cd "$data" && pwd)
mkdir -p "$out/reports"
launcher=$here/portcullis
jar=$here/portcullis-cli/target/portcullis.jar
# build once, here, before the parallel runs (the launcher builds when the jar is missing or stale)
"$launcher" --version >/dev/null

one() { # DATASET-FILE: parse + analyze, then one TSV row on standard output
  local f=$1 rel src name base
  rel=${f#"$data"/}; src=${rel%%/*}; name=${rel#*/}; name=${name%.*}
  base=$out/reports/$src--$name
  # reports newer than the dataset and the jar are reused (FRESH=1 runs everything again)
  # (the events of `parse` were written for every dataset at once, before: one JVM instead of 149)
  if [ -n "${FRESH:-}" ] || [ ! -s "$base.json" ] || [ "$f" -nt "$base.json" ] || [ "$jar" -nt "$base.json" ]; then
    "$launcher" analyze --format json --out "$base.json" "$f" 2>"$base.analyze.err" \
      || echo "analyze exit $?" >>"$base.analyze.err"
  fi
  if [ "${TEXT:-}" = 1 ]; then "$launcher" analyze --out "$base.txt" "$f" 2>/dev/null || true; fi
  # the row goes to its own file, gathered once every job is done: rows printed by parallel jobs into
  # one pipe were seen merged (one row lost on 2026-12-06)
  python3 - "$f" "$src" "$name" "$base" "$data/$src/LICENCE" >"$base.row" <<'PY'
import json, sys, collections
f, src, name, base, lic = sys.argv[1:]
def clean(s): return str(s).replace("\t", " ").replace("\n", " ")
def f2b_check(ann, base):
    """fail2ban's annotations (`# failJSON: {"match": …, "host": …}` before a line) against our events:
    hit = a failure event on that line from the same address; writes the misses to BASE.f2b.tsv."""
    want, pending, n = {}, None, 0
    for raw in open(ann, encoding="utf-8", errors="replace"):
        if raw.startswith("#"):
            if "failJSON:" in raw:
                try: pending = json.loads(raw.split("failJSON:", 1)[1])
                except ValueError: pending = None
            continue
        if not raw.strip(): continue
        n += 1
        if pending is not None: want[n] = (pending, raw.rstrip("\n"))
        pending = None
    got = collections.defaultdict(list)
    for l in open(base + ".events.jsonl", encoding="utf-8", errors="replace"):
        e = json.loads(l)
        if e.get("result") == "failure": got[e.get("line")].append(e)
    c = collections.Counter(); rows = []
    for ln, (a, text) in sorted(want.items()):
        evs = got.get(ln, [])
        if a.get("match"):
            host = a.get("host")
            if not evs: k = "missed"
            elif host and any(e.get("source") == host for e in evs): k = "hit"
            elif host and all(e.get("source") is None for e in evs): k = "no_source"
            elif host: k = "other_source"
            else: k = "hit"
        else:
            k = "extra" if any(e.get("attempts", 0) > 0 for e in evs) else "agree_no"
        c[k] += 1
        if k not in ("hit", "agree_no"):
            rows.append(f"{k}\t{ln}\t{a.get('host')}\t{','.join(str(e.get('source')) for e in evs)}\t{text}")
    with open(base + ".f2b.tsv", "w") as h: h.write("\n".join(rows) + ("\n" if rows else ""))
    return "fail2ban lines expected to match: " + ", ".join(f"{k} {c[k]}" for k in
        ("hit", "missed", "no_source", "other_source") if c[k]) + (f"; not expected but failure: {c['extra']}" if c["extra"] else "")
try: licence = open(lic).readline().strip()
except OSError: licence = "?"
with open(f, "rb") as h: lines = sum(1 for _ in h)
events = sum(1 for _ in open(base + ".events.jsonl", encoding="utf-8", errors="replace"))
notes = []
try:
    r = json.load(open(base + ".json"))
except Exception as e:
    r = None
    err = open(base + ".analyze.err", errors="replace").read().strip().splitlines()
    notes.append("analyze failed: " + (err[-1] if err else str(e)))
if r:
    s = r.get("summary", {})
    kinds = collections.Counter(a.get("kind") for a in r.get("attacks", []))
    verdicts = collections.Counter(x.get("verdict") for x in r.get("sources", []))
    comp = sorted(a["account"] for a in r.get("accounts", []) if a.get("status") == "compromised")
    stale = sum(1 for a in r.get("accounts", []) if a.get("status") == "stale_credentials")
    fmts = ",".join(f"{k}:{v}" for k, v in sorted(s.get("formats", {}).items()))
    if fmts: notes.append("formats " + fmts)
    notes.append(f"attempts {s.get('attempts')}, failures {s.get('failures')}, successes {s.get('successes')}")
    if s.get("first"): notes.append(f"{s.get('first')}..{s.get('last')}")
    if stale: notes.append(f"{stale} stale-credential accounts")
    ann = f.rsplit("/", 1)[0] + "/annotated/" + f.rsplit("/", 1)[1]
    try: notes.append(f2b_check(ann, base))
    except OSError: pass
    smp = s.get("unparsed_samples") or []
    if smp:
        t = smp[0].get("text", smp[0]) if isinstance(smp[0], dict) else smp[0]
        notes.append("unparsed e.g. " + clean(t)[:160])
    row = [name, src, licence, lines, s.get("events", events), s.get("unparsed_lines", "?"),
           # ignored: lines read and not about logins, plus lines of programs not read (one column, as before)
           (s["ignored_lines"] + s.get("not_read_lines", 0)) if "ignored_lines" in s else "?",
           " ".join(f"{k}:{v}" for k, v in sorted(verdicts.items())) or "-",
           " ".join(f"{k}:{v}" for k, v in sorted(kinds.items())) or "-",
           (f"{len(comp)}: " + ",".join(comp[:8]) + (",…" if len(comp) > 8 else "")) if comp else "0"]
else:
    row = [name, src, licence, lines, events, "?", "?", "?", "?", "?"]
print("\t".join(clean(x) for x in row + ["; ".join(notes)]))
PY
}
export -f one
export data out launcher jar

# `portcullis parse` once over all the datasets; its events name their file, so they are split per dataset
find "$data" -mindepth 2 -maxdepth 2 -path "$data/$glob" -type f ! -name LICENCE -print0 | sort -z >"$out/files.lst"
if [ -s "$out/files.lst" ]; then
  xargs -0 "$launcher" parse <"$out/files.lst" >"$out/events.jsonl" 2>"$out/parse.err" || echo "parse exit $?" >>"$out/parse.err"
fi
python3 - "$data" "$out" <<'PY'
import json, os, sys
data, out = sys.argv[1:]
files = [f for f in open(os.path.join(out, "files.lst"), "rb").read().decode().split("\0") if f]
handles = {}
def base(f):
    rel = os.path.relpath(f, data); src, name = rel.split(os.sep, 1)
    return os.path.join(out, "reports", f"{src}--{os.path.splitext(name)[0]}")
for f in files: handles[f] = open(base(f) + ".events.jsonl", "w")
for line in open(os.path.join(out, "events.jsonl"), encoding="utf-8", errors="replace"):
    try: f = json.loads(line).get("file")
    except ValueError: continue
    h = handles.get(f) or handles.get(os.path.realpath(f) if f else None)
    if h: h.write(line)
for h in handles.values(): h.close()
PY
tsv=$out/survey.tsv
printf 'dataset\tsource\tlicence\tlines\tevents\tunparsed\tignored\tsources_by_verdict\tattacks_by_kind\tcompromised\tnotes\n' >"$tsv"
rm -f "$out"/reports/*.row
xargs -0 -r -n 1 -P "$jobs" bash -c 'one "$0"' <"$out/files.lst"
# one row per dataset, each from its own file (a dataset whose row is missing is named, not dropped)
while IFS= read -r -d '' f; do
  rel=${f#"$data"/}; src=${rel%%/*}; name=${rel#*/}; name=${name%.*}
  row=$out/reports/$src--$name.row
  if [ -s "$row" ]; then cat "$row"; else printf '%s\t%s\t?\t?\t?\t?\t?\t?\t?\t?\tno row: see %s\n' "$name" "$src" "$out/reports/$src--$name.analyze.err"; fi
done <"$out/files.lst" | sort -t $'\t' -k2,2 -k1,1 >>"$tsv"
# the Markdown table of docs/detection.md "Real public datasets": figures from this run, the analyst's
# reading (contents, what is wrong and why) from scripts/real-survey-notes.tsv
python3 - "$tsv" "$here/scripts/real-survey-notes.tsv" >"$out/table.md" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1]), delimiter="\t"))
notes = {}
try:
    for r in csv.reader(open(sys.argv[2]), delimiter="\t"):
        if r and not r[0].startswith("#") and len(r) >= 4: notes[(r[0], r[1])] = (r[2], r[3])
except OSError: pass
short = {"loghub": "Loghub (research use)", "fail2ban": "fail2ban tests (GPL-2.0)", "crowdsec": "CrowdSec hub tests (MIT)",
         "evtx-attack": "EVTX-ATTACK-SAMPLES (GPL-3.0)", "otrf": "OTRF Security-Datasets (MIT)"}
def found(r):
    out = []
    if r["attacks_by_kind"] not in ("-", "?"):
        out.append(", ".join(k.replace("_", " ") + (f" ×{v}" if v != "1" else "") for k, v in (x.split(":") for x in r["attacks_by_kind"].split())))
    if r["compromised"] not in ("0", "?"): out.append("compromised " + r["compromised"].split(": ", 1)[-1])
    for verdict, words in (("suspicious", "{} suspicious address{}"), ("probing", "{} address{} probing for names")):
        v = [x for x in r["sources_by_verdict"].split() if x.startswith(verdict + ":")]
        if v:
            k = int(v[0].split(":")[1]); out.append(words.format(k, "es" if k != 1 else ""))
    return "; ".join(out) or "nothing"
order = {k: i for i, k in enumerate(["loghub", "fail2ban", "crowdsec", "evtx-attack", "otrf"])}
rows.sort(key=lambda r: (order.get(r["source"], 9), r["dataset"].lower()))
n = lambda k: sum(int(r[k]) for r in rows if r[k].isdigit())
print(f"{len(rows)} datasets, {n('lines'):,} lines, {n('events'):,} events, {n('unparsed'):,} unparsed lines.")
print()
print("| dataset | source, licence | lines | events | unparsed | contents | Portcullis found | wrong, and why |")
print("|---|---|---:|---:|---:|---|---|---|")
for r in rows:
    c, w = notes.get((r["source"], r["dataset"]), ("", ""))
    fmt = lambda x: f"{int(x):,}" if x.isdigit() else x
    print(f"| {r['dataset']} | {short.get(r['source'], r['source'])} | {fmt(r['lines'])} | {fmt(r['events'])} | {fmt(r['unparsed'])} | {c} | {found(r)} | {w} |")
PY
# UPDATE_DOCS=1: put the table into docs/detection.md, between its two real-survey markers
if [ "${UPDATE_DOCS:-}" = 1 ]; then
  python3 - "$here/docs/detection.md" "$out/table.md" <<'PY'
import sys
doc, table = sys.argv[1], open(sys.argv[2]).read()
s = open(doc).read()
a, b = "<!-- real-survey table: start -->\n", "<!-- real-survey table: end -->"
i, j = s.index(a) + len(a), s.index(b)
open(doc, "w").write(s[:i] + table + s[j:])
PY
fi
want=$(tr -cd '\0' <"$out/files.lst" | wc -c); got=$(($(wc -l <"$tsv") - 1))
[ "$got" = "$want" ] || echo "real-survey: $got rows for $want datasets: look at $tsv" >&2
echo "real-survey: $got datasets; table $tsv and $out/table.md, reports $out/reports" >&2
