#!/usr/bin/env bash
# A million statements: 1,000,000 synthetic statements (generated here, never in data/) loaded through the command line as
# eight imports of 125,000 (one import takes at most 50 MB and 200,000 records, the same limits on every path), each timed
# with its peak memory; the last one imported again (changes nothing); then the site started on the loaded database and each
# page shape requested alone (one connection: what one reader waits) and under load (16 connections), every request one
# the site has never answered: never-seen searches of each query shape, statement pages and the home page past the output
# cache (tests/bench/search-shapes.lua). SQLite only. Needs wrk and curl. About 15 minutes on 2 cores and 3 GB of disk.
# Usage: tests/bench/million.sh [batches of 125,000] [duration]   e.g. tests/bench/million.sh 8 10s
set -euo pipefail
cd "$(dirname "$0")/../.."
batches=${1:-8}
duration=${2:-10s}
batch=125000
port=5093
for tool in wrk curl; do command -v "$tool" >/dev/null || { echo "needs $tool (apt-get install wrk curl)" >&2; exit 2; }; done
work=$(mktemp -d)
site_pid=""
cleanup() { [ -n "$site_pid" ] && kill "$site_pid" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

dotnet build -c Release src/Testimonies.Web -v q -nologo >/dev/null
dotnet build -c Release tests/Testimonies.Benchmarks -v q -nologo >/dev/null
site=src/Testimonies.Web/bin/Release/net10.0/Testimonies.Web.dll
for k in $(seq 0 $((batches - 1))); do
  dotnet tests/Testimonies.Benchmarks/bin/Release/net10.0/Testimonies.Benchmarks.dll generate --statements "$batch" \
    --first $((k * batch)) --out "$work/b$k" >/dev/null
done
total=$((batches * batch))
export ASPNETCORE_ENVIRONMENT=Production Database__Provider=Sqlite ConnectionStrings__Testimonies="Data Source=$work/bench.db"
export Archive__LoadDataWhenEmpty=false

echo "$total synthetic statements as $batches imports of $batch through the command line, $(nproc) cores"
printf '%-40s %10s %10s\n' "import" "seconds" "peak MB"
import() { # name files… → one line: wall seconds and peak resident memory of the whole command
  /usr/bin/time -o "$work/time" -f "%e %M" dotnet "$site" import "${@:2}" >"$work/import.log" 2>&1 \
    || { cat "$work/import.log" >&2; exit 1; }
  awk -v name="$1" '{ printf "%-40s %10.1f %10.0f\n", name, $1, $2 / 1024 }' "$work/time"
}
started=$(date +%s)
import "1 (with speakers, sources, reasons)" "$work"/b0/*.csv
for k in $(seq 1 $((batches - 1))); do import "$((k + 1))" "$work/b$k/statements.csv"; done
echo "all imports: $(( $(date +%s) - started )) s"
import "the last again (changes nothing)" "$work/b$((batches - 1))/statements.csv"
tail -c 300 "$work/import.log"
echo "database: $(du -m "$work/bench.db" | cut -f1) MB"

dotnet "$site" --urls "http://127.0.0.1:$port" >"$work/site.log" 2>&1 &
site_pid=$!
started=$(date +%s)
for _ in $(seq 1 600); do curl -fs "http://127.0.0.1:$port/s/synthetic-1" -o /dev/null && break; sleep 1; done
echo "site started and served its first page: $(( $(date +%s) - started )) s"
shapes="rare tenth most phrase prefix filtered browse statement home"
for shape in $shapes; do
  wrk -t1 -c4 -d3s -s tests/bench/search-shapes.lua "http://127.0.0.1:$port" -- "$shape" "$total" >/dev/null
done
echo
echo "every request new to the site; one connection (a reader alone) and 16 (wrk -t2), $duration each"
printf '%-12s %12s %12s %12s %12s %s\n' "shape" "req/s alone" "p99 alone" "req/s 16" "p99 16" ""
measure() { # connections threads shape → "rps p99 errors"
  wrk -t"$2" -c"$1" -d"$duration" --latency -s tests/bench/search-shapes.lua "http://127.0.0.1:$port" -- "$3" "$total" |
    awk '/Requests\/sec/ { r = $2 } $1 == "99%" { p = $2 } /Non-2xx/ { e += $NF } END { print r, p, e + 0 }'
}
for shape in $shapes; do
  read -r rps1 p1 e1 < <(measure 1 1 "$shape")
  read -r rps16 p16 e16 < <(measure 16 2 "$shape")
  errors=$((e1 + e16))
  printf '%-12s %12s %12s %12s %12s %s\n' "$shape" "$rps1" "$p1" "$rps16" "$p16" "$([ "$errors" -gt 0 ] && echo "non-2xx: $errors")"
done
echo "site peak memory (VmHWM), serving: $(awk '/VmHWM/ {printf "%.0f", $2/1024}' "/proc/$site_pid/status") MB"
