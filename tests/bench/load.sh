#!/usr/bin/env bash
# Load benchmark: the site in Release on 100,000 synthetic statements (generated here, never in data/),
# wrk against a statement page, the home page, searches (cached, and never seen for each query shape) and the same
# statement page saved as a static file served by nginx, all on loopback; then search and a statement page again while the
# command line previews and applies an import of as many new statements. Prints requests per second, p99 latency, the ratio to
# nginx and the site's peak memory. Needs Debian's wrk and nginx (apt-get install wrk nginx-light), and
# for the PostgreSQL store Debian's postgresql (a throwaway cluster is started, tests/deploy/postgres.sh).
# Usage: tests/bench/load.sh [statements] [duration] [sqlite|postgres]   e.g. tests/bench/load.sh 100000 15s postgres
set -euo pipefail
cd "$(dirname "$0")/../.."
statements=${1:-100000}
duration=${2:-15s}
store=${3:-sqlite}
connections=16
warmup=5s
site_port=5090
nginx_port=5091
baseline_port=5092
for tool in wrk nginx curl; do command -v "$tool" >/dev/null || { echo "needs $tool (apt-get install wrk nginx-light curl)" >&2; exit 2; }; done

work=$(mktemp -d)
chmod 755 "$work"
site_pid=""
baseline_pid=""
. tests/deploy/postgres.sh
cleanup() {
  [ -n "$site_pid" ] && kill "$site_pid" 2>/dev/null || true
  [ -n "$baseline_pid" ] && kill "$baseline_pid" 2>/dev/null || true
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  pg_stop "$work/pg"
  rm -rf "$work"
}
trap cleanup EXIT

case "$store" in
  sqlite) provider=Sqlite; connection="Data Source=$work/bench.db" ;;
  postgres)
    provider=Postgres; connection="Host=127.0.0.1;Port=5434;Database=testimonies;Username=testimonies"
    pg_start "$work/pg" 5434 ;;
  *) echo "the store is sqlite or postgres, not $store" >&2; exit 2 ;;
esac

echo "generating $statements synthetic statements…"
dotnet run -c Release --project tests/Testimonies.Benchmarks -- generate --statements "$statements" --out "$work/data" >/dev/null
dotnet build -c Release src/Testimonies.Web -v q -nologo >/dev/null

# The site loads the generated folder into an empty database at its first start, with its default logging (a line
# per request, through the asynchronous sink, into site.log), as users run it. That first start is stopped once it
# serves, and the site is started again on the loaded database, as a deployed site restarts: the load's peak memory
# and the serving peak are reported apart.
start_site() {
  ASPNETCORE_ENVIRONMENT=Production \
  Database__Provider="$provider" \
  ConnectionStrings__Testimonies="$connection" \
  Archive__DataPath="$work/data" \
    dotnet src/Testimonies.Web/bin/Release/net10.0/Testimonies.Web.dll --urls "http://127.0.0.1:$site_port" >"$work/site.log" 2>&1 &
  site_pid=$!
  for _ in $(seq 1 1200); do
    curl -fs "http://127.0.0.1:$site_port/s/synthetic-1" -o /dev/null && return 0
    kill -0 "$site_pid" 2>/dev/null || { cat "$work/site.log" >&2; exit 1; }
    sleep 1
  done
  echo "the site did not start" >&2; exit 1
}
peak_of() { awk '/VmHWM/ {printf "%.0f", $2/1024}' "/proc/$1/status"; }
echo "site: on $provider, server GC ${DOTNET_gcServer:-as configured (runtimeconfig)}"
load_started=$(date +%s)
start_site
echo "first start, loading $statements statements: $(( $(date +%s) - load_started )) s"
load_peak=$(peak_of "$site_pid")
kill "$site_pid"; wait "$site_pid" 2>/dev/null || true
start_site

mkdir -p "$work/www"
curl -fs "http://127.0.0.1:$site_port/s/synthetic-1" -o "$work/www/statement.html"
cat >"$work/nginx.conf" <<CONF
worker_processes auto;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  server { listen 127.0.0.1:$nginx_port; root $work/www; location / { default_type text/html; } }
}
CONF
nginx -c "$work/nginx.conf"

run() { # name url [wrk script [script argument]] → "rps p99"
  local out
  out=$(wrk -t2 -c"$connections" -d"$duration" --latency ${3:+-s "$3"} "$2" ${4:+-- "$4"})
  local rps p99
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  local errors
  errors=$(awk '/Non-2xx/ { e += $NF } /Socket errors/ { gsub(",", ""); e += $4 + $6 + $8 + $10 } END { print e + 0 }' <<<"$out")
  printf '%-44s %10s %10s %s\n' "$1" "$rps" "$p99" "$([ "$errors" -gt 0 ] && echo "errors: $errors")" >&2
  echo "$rps"
}
shapes="rare tenth most phrase prefix filtered browse"

# Warm up first: the output cache, the search's memory, and the JIT, which compiles hot code again with
# full optimisation after a few seconds of use (tiered compilation). Without this the first seconds of
# each target measure the compiler (seen here: 22,853 then 43,411 req/s for the same page, run twice).
echo "warming up the site for $warmup a target…"
for url in /s/synthetic-1 / "/search?q=rareword" "/search?q=commonword"; do
  wrk -t2 -c"$connections" -d"$warmup" "http://127.0.0.1:$site_port$url" >/dev/null
done
wrk -t2 -c"$connections" -d"$warmup" -s tests/bench/search-shapes.lua "http://127.0.0.1:$site_port" -- words >/dev/null
for shape in $shapes; do
  wrk -t2 -c"$connections" -d2s -s tests/bench/search-shapes.lua "http://127.0.0.1:$site_port" -- "$shape" >/dev/null
done
echo
echo "wrk, $connections connections, $duration each, 2 threads; site and wrk share this machine's $(nproc) cores"
printf '%-44s %10s %10s\n' "target" "req/s" "p99"
nginx_rps=$(run "nginx, the saved statement page" "http://127.0.0.1:$nginx_port/statement.html")
page_rps=$(run "site, statement page (cached)" "http://127.0.0.1:$site_port/s/synthetic-1")
run "site, home page (cached)" "http://127.0.0.1:$site_port/" >/dev/null
run "site, search rareword (cached)" "http://127.0.0.1:$site_port/search?q=rareword" >/dev/null
run "site, search commonword (cached)" "http://127.0.0.1:$site_port/search?q=commonword" >/dev/null
# Two random words of the vocabulary a request: nearly every search is new to the site (tests/bench/search-shapes.lua, words).
run "site, search new words (no cache)" "http://127.0.0.1:$site_port" tests/bench/search-shapes.lua words >/dev/null
# Each query shape on its own line, every request a search the site has never seen (tests/bench/search-shapes.lua).
declare -A shape_rps
for shape in $shapes; do
  shape_rps[$shape]=$(run "site, never-seen search: $shape" "http://127.0.0.1:$site_port" tests/bench/search-shapes.lua "$shape")
done
# The floor to compare with (SQLite only): the same ranked FTS5 query behind Python's standard-library HTTP server,
# standing in for Datasette's ranked SQL endpoint, which cannot be installed here (tests/bench/fts-baseline.py).
if [ "$store" = sqlite ] && command -v python3 >/dev/null; then
  python3 tests/bench/fts-baseline.py "$work/bench.db" "$baseline_port" 2>/dev/null &
  baseline_pid=$!
  for _ in $(seq 1 50); do curl -fs "http://127.0.0.1:$baseline_port/search?q=rareword" -o /dev/null && break; sleep 0.2; done
  wrk -t2 -c"$connections" -d2s -s tests/bench/search-shapes.lua "http://127.0.0.1:$baseline_port" -- rare >/dev/null
  baseline_rps=$(run "Python + SQLite ranked FTS5 (Datasette's place): rare" "http://127.0.0.1:$baseline_port" \
    tests/bench/search-shapes.lua rare)
  kill "$baseline_pid" 2>/dev/null || true
  awk -v a="${shape_rps[rare]}" -v b="$baseline_rps" 'BEGIN { printf "never-seen rare word, site / ranked FTS5 floor: %.1fx\n", a/b }'
fi

# Readers while a writer works: a second process, the command line, previews (--dry-run) and then applies
# $statements new statements on the same database, while wrk loads search (new words a request) and a statement
# page, 8 connections each, in 5-second rounds until the import has ended. Errors are non-2xx answers and socket
# errors (timeouts after wrk's 2 s included); the p99 given is the worst round's.
echo
echo "generating $statements more synthetic statements to import…"
dotnet run -c Release --project tests/Testimonies.Benchmarks -- generate --statements "$statements" --first "$statements" \
  --out "$work/import" >/dev/null
import_cli() {
  ASPNETCORE_ENVIRONMENT=Production Database__Provider="$provider" ConnectionStrings__Testimonies="$connection" \
  Archive__DataPath="$work/data" \
    dotnet src/Testimonies.Web/bin/Release/net10.0/Testimonies.Web.dll import "$work/import/statements.csv" "$@"
}
(
  started=$(date +%s); import_cli --dry-run; echo "preview (--dry-run): $(( $(date +%s) - started )) s"
  started=$(date +%s); import_cli; echo "apply: $(( $(date +%s) - started )) s"
) >"$work/import.log" 2>&1 &
import_pid=$!
to_ms() { awk '{ v = $1; if (v ~ /us$/) printf "%.2f", v / 1000; else if (v ~ /ms$/) printf "%.2f", v + 0; \
  else if (v ~ /s$/) printf "%.2f", v * 1000; else print "?" }'; }
errors_of() { awk '/Non-2xx/ { e += $NF } /Socket errors/ { gsub(",", ""); e += $4 + $6 + $8 + $10 } END { print e + 0 }' "$1"; }
kinds_of() { grep -E "Non-2xx|Socket errors" "$1" | tr '\n' ' '; }
rounds=0; search_worst=0; page_worst=0; search_errors=0; page_errors=0; search_requests=0; page_requests=0
while kill -0 "$import_pid" 2>/dev/null; do
  wrk -t1 -c8 -d5s --latency -s tests/bench/search-shapes.lua "http://127.0.0.1:$site_port" -- words >"$work/search.out" &
  search_wrk=$!
  wrk -t1 -c8 -d5s --latency "http://127.0.0.1:$site_port/s/synthetic-1" >"$work/page.out"
  wait "$search_wrk"
  rounds=$((rounds + 1))
  search_p99=$(awk '$1 == "99%" {print $2}' "$work/search.out" | to_ms)
  page_p99=$(awk '$1 == "99%" {print $2}' "$work/page.out" | to_ms)
  search_worst=$(awk -v a="$search_worst" -v b="$search_p99" 'BEGIN { print (b > a ? b : a) }')
  page_worst=$(awk -v a="$page_worst" -v b="$page_p99" 'BEGIN { print (b > a ? b : a) }')
  search_errors=$((search_errors + $(errors_of "$work/search.out")))
  page_errors=$((page_errors + $(errors_of "$work/page.out")))
  search_requests=$((search_requests + $(awk '/requests in/ {print $1}' "$work/search.out")))
  page_requests=$((page_requests + $(awk '/requests in/ {print $1}' "$work/page.out")))
  printf 'round %2d: search p99 %8s ms, statement page p99 %8s ms %s%s\n' "$rounds" "$search_p99" "$page_p99" \
    "$(kinds_of "$work/search.out")" "$(kinds_of "$work/page.out")"
done
wait "$import_pid" || { echo "the import failed:" >&2; cat "$work/import.log" >&2; exit 1; }
cat "$work/import.log"
echo "during the import ($rounds rounds of 5 s):"
printf '%-36s %10s %10s %14s\n' "target" "requests" "errors" "worst p99 (ms)"
printf '%-36s %10s %10s %14s\n' "site, search new words (no cache)" "$search_requests" "$search_errors" "$search_worst"
printf '%-36s %10s %10s %14s\n' "site, statement page" "$page_requests" "$page_errors" "$page_worst"
echo "errors the site logged: $(grep -cE '^\[?.{0,40}(ERR|Error|fail)' "$work/site.log" || true)"
grep -E 'ERR|Exception' "$work/site.log" | sort | uniq -c | sort -rn | head -5 || true

peak=$(peak_of "$site_pid")
rss=$(awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$site_pid/status")
echo
awk -v a="$page_rps" -v b="$nginx_rps" 'BEGIN { printf "statement page / nginx: %.0f%%\n", 100*a/b }'
echo "site peak memory (VmHWM), first start loading $statements statements: ${load_peak} MB"
echo "site peak memory (VmHWM), restarted and serving all of the above: ${peak} MB (${rss} MB resident at the end)"
