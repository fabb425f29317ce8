#!/usr/bin/env bash
# Throughput of citegraph extract against gzip -1 on the same bytes, in
# the same run: the Supreme Court set of ../shared as HTML files, and the
# same opinions as CourtListener's bulk opinions file (made by make.sh),
# uncompressed, bzip2-compressed, and piped through lbzip2 when installed.
# Each run is repeated (ROUNDS, default 5), interleaved, and the fastest
# CPU time (user + system) and wall time of each are printed, with MB/s
# over the markup's bytes.
#
# Usage: throughput.sh [BULK_DIR]   (default $CITEGRAPH_BULK, else /tmp/citegraph-bulk)
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
scotus=$repo/../shared/corpus/scotus
bulk=${1:-${CITEGRAPH_BULK:-/tmp/citegraph-bulk}}
rounds=${ROUNDS:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

(cd "$repo" && go build -o "$work/citegraph" ./cmd/citegraph)
cat "$scotus"/*.html >"$work/all.html"
opinions=$(ls "$bulk"/opinions-*.csv.bz2 | sort | tail -n 1)
bzip2 -dc "$opinions" >"$work/opinions.csv"
mb=$(($(stat -c %s "$work/all.html") / 1000000))

declare -A runs=(
  ["gzip -1, the HTML bytes"]="gzip -1 -c $work/all.html"
  ["extract --jobs 1, HTML files"]="$work/citegraph extract --jobs 1 -f jsonl -q $scotus"
  ["extract --jobs 1, bulk CSV"]="$work/citegraph extract --jobs 1 -f jsonl -q $work/opinions.csv"
  ["extract, HTML files"]="$work/citegraph extract -f jsonl -q $scotus"
  ["extract, bulk CSV"]="$work/citegraph extract -f jsonl -q $work/opinions.csv"
  ["extract, bulk CSV.bz2"]="$work/citegraph extract -f jsonl -q $opinions"
  ["bzip2 -dc alone"]="bzip2 -dc $opinions"
)
if command -v lbzip2 >/dev/null; then
  runs["lbzip2 -dc | extract"]="sh -c 'lbzip2 -dc $opinions | $work/citegraph extract - -f jsonl -q'"
fi

for _ in $(seq "$rounds"); do
  for name in "${!runs[@]}"; do
    /usr/bin/time -a -o "$work/$(echo "$name" | tr -c 'a-z0-9' _)" -f "%U %S %e" \
      sh -c "${runs[$name]} >/dev/null"
  done
done
printf '%-32s %8s %8s %9s %9s\n' run "cpu s" "wall s" "MB/s cpu" "MB/s wall"
for name in "${!runs[@]}"; do
  awk -v name="$name" -v mb="$mb" '
    { cpu = $1 + $2; if (NR == 1 || cpu < bc) bc = cpu; if (NR == 1 || $3 < bw) bw = $3 }
    END { printf "%-32s %8.2f %8.2f %9.0f %9.0f\n", name, bc, bw, mb / bc, mb / bw }' \
    "$work/$(echo "$name" | tr -c 'a-z0-9' _)"
done | sort
echo "($mb MB of markup; load average $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores)"
