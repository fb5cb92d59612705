#!/usr/bin/env bash
# Corpus index benchmark, whole process: generates an N-line file in Have I Been Pwned's SHA-1 format
# (random sorted hashes, HASH:COUNT, CRLF; ~45 bytes a line), times 'portcullis passwords index' on it
# (wall time and peak RSS from /usr/bin/time -v), then probes the index: no false negatives on a
# million members, lookups per second and the false-positive rate on ten million random non-members.
#
#   portcullis-bench/scripts/corpus-bench.sh [N=100000000] [WORKDIR=/work/tmp-pw]
#
# Needs N × 45 bytes free in WORKDIR for the input plus ~2.3 bytes per line for the index; both are
# deleted at the end (set KEEP=1 to keep them). Results go to stdout; copy them to docs/benchmarks.md.
set -euo pipefail
here=$(cd "$(dirname "$(readlink -f "$0")")/../.." && pwd)
n=${1:-100000000}
work=${2:-/work/tmp-pw}
seed=20261126
mkdir -p "$work"
input="$work/hibp-$n.txt"
index="$work/hibp-$n.idx"
cleanup() { if [ "${KEEP:-0}" != 1 ]; then rm -f "$input" "$index" "$index.partial"; fi; }
trap cleanup EXIT
echo "== free space"; df -h "$work" | tail -1
(cd "$here" && ./mvnw -B -q -DskipTests -Dfuzz.skip=true -pl portcullis-cli,portcullis-bench -am package >&2)
bench="$here/portcullis-bench/target/benchmarks.jar"
echo "== generate $n lines"
java -Xmx$(( n / 1000000 * 9 + 512 ))m -cp "$bench" dev.portcullis.bench.HibpCorpus generate "$n" "$input" "$seed"
ls -l "$input"
echo "== index (whole process: ./portcullis passwords index)"
/usr/bin/time -v "$here/portcullis" passwords index --out "$index" "$input" 2> "$work/time.txt"
grep -E "Elapsed|Maximum resident|User time|System time" "$work/time.txt"
ls -l "$index"
echo "== probe"
java -Xmx1g -cp "$bench" dev.portcullis.bench.HibpCorpus probe "$index" "$n" "$seed"
