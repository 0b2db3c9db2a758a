#!/usr/bin/env bash
# Memory benchmark: the site on the curated data/ against a bare `dotnet new webapp`, in one run, each in Release and
# Production settings (the site's default logging), each loaded with wrk (16 connections, a few seconds a page), then
# peak resident memory (VmHWM) and where the site's resident memory lies (mapped assemblies, JIT'd code, native
# libraries, anonymous memory, the GC's committed heap). Needs wrk and curl; dotnet-counters (dotnet tool install -g
# dotnet-counters) for the GC figure, skipped without it.
# Usage: tests/bench/memory.sh [seconds a page]
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-4}
for tool in wrk curl; do command -v "$tool" >/dev/null || { echo "needs $tool" >&2; exit 2; }; done
work=$(mktemp -d)
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

dotnet build -c Release src/Testimonies.Web -v q -nologo >/dev/null
(cd "$work" && dotnet new webapp -n bare -o bare >/dev/null && dotnet build -c Release bare -v q -nologo >/dev/null)

wait_for() { for _ in $(seq 1 180); do curl -fs -o /dev/null "$1" && return 0; sleep 0.5; done; echo "no answer from $1" >&2; exit 1; }
load() { local base=$1; shift; for path in "$@"; do wrk -t2 -c16 -d"${seconds}s" "$base$path" >/dev/null; done; }
mb() { awk -v key="$2" '$1 == key":" {printf "%d", $2 / 1024}' "/proc/$1/status"; }
regions() { # the site's resident memory by kind of mapping, in MB
  awk '/^[0-9a-f]+-[0-9a-f]+ / {
         n = $6
         if (n == "") k = "anonymous (GC heap, native allocations)"
         else if (n ~ /\.dll$/) k = "mapped assemblies (.dll)"
         else if (n ~ /doublemapper/) k = "JIT-compiled code and stubs"
         else if (n ~ /\.so/) k = "native libraries (.so)"
         else if (n == "[heap]") k = "native heap"
         else k = "other"
       }
       /^Rss:/ { r[k] += $2 }
       END { for (k in r) printf "  %6.0f MB  %s\n", r[k] / 1024, k }' "/proc/$1/smaps" | sort -rn
}
gc_committed() {
  command -v dotnet-counters >/dev/null || { echo "  (dotnet-counters not installed)"; return; }
  dotnet-counters collect -p "$1" --counters System.Runtime --format csv -o "$work/counters.csv" --refresh-interval 1 \
    --duration 00:00:02 >/dev/null 2>&1 || true
  awk -F, '/memory.committed_size/ { v = $NF } END { if (v) printf "  %6.0f MB  of it the GC heap, committed\n", v / 1048576 }' \
    "$work/counters.csv"
}

echo "bare dotnet new webapp:"
ASPNETCORE_ENVIRONMENT=Production dotnet "$work/bare/bin/Release/net10.0/bare.dll" --urls http://127.0.0.1:5093 >"$work/bare.log" 2>&1 &
pid=$!
wait_for http://127.0.0.1:5093/
load http://127.0.0.1:5093 / /Privacy / /Privacy / /Privacy / /Privacy
bare_peak=$(mb "$pid" VmHWM)
echo "  peak $bare_peak MB"
kill "$pid"; wait "$pid" 2>/dev/null || true

# The site's first start migrates and loads data/; it is measured again on the loaded database, as a deployed site restarts.
site() {
  ASPNETCORE_ENVIRONMENT=Production ConnectionStrings__Testimonies="Data Source=$work/site.db" \
    dotnet src/Testimonies.Web/bin/Release/net10.0/Testimonies.Web.dll --urls http://127.0.0.1:5094 >"$work/site.log" 2>&1 &
  pid=$!
  wait_for http://127.0.0.1:5094/healthz
}
site
first_start=$(mb "$pid" VmHWM)
kill "$pid"; wait "$pid" 2>/dev/null || true
site
boot=$(mb "$pid" VmHWM)
echo "the site on the curated data:"
echo "  first start (migrate, load data/): $first_start MB; restart, before any request: $boot MB"
echo "  at boot, by kind of mapping:"; regions "$pid"
load http://127.0.0.1:5094 / /s/csis16-03 "/search?q=fighting" /statements /statistics /sources/csis-2016-ch9 /speakers /reasons
site_peak=$(mb "$pid" VmHWM)
echo "  peak under load $site_peak MB; by kind of mapping:"; regions "$pid"; gc_committed "$pid"
awk -v s="$site_peak" -v b="$bare_peak" 'BEGIN { printf "site / bare webapp, peak under load: %.2f (target < 1.30)\n", s / b }'
