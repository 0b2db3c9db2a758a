#!/usr/bin/env bash
# Is what an import does to PostgreSQL searches a wait or the CPU? Never-seen searches (two random words a request,
# search-shapes.lua words) against a running site on PostgreSQL, 15 s each: alone; with two busy loops outside PostgreSQL;
# with two busy PostgreSQL backends that touch no table (a PL/pgSQL loop, so no lock and no writer); alone again.
# Usage: tests/bench/cpu-contention.sh <site port> <database>   e.g. tests/bench/cpu-contention.sh 5090 testimonies
# (psql connects through the local socket, /var/run/postgresql; PGHOST and PGUSER change that.)
set -euo pipefail
cd "$(dirname "$0")/../.."
port=$1
database=$2
command -v wrk >/dev/null || { echo "needs wrk (apt-get install wrk)" >&2; exit 2; }
run() {
  wrk -t1 -c8 -d15s --latency -s tests/bench/search-shapes.lua "http://127.0.0.1:$port" -- words |
    awk -v n="$1" '/Requests\/sec/ {r=$2} $1=="99%" {p=$2} END {printf "%-42s %8s req/s  p99 %s\n", n, r, p}'
}
busy_backend() {
  psql -h "${PGHOST:-/var/run/postgresql}" -d "$database" -qAt -c "SET statement_timeout = 17000" \
    -c 'DO $$DECLARE i bigint := 0; BEGIN LOOP i := i + 1; END LOOP; END$$' >/dev/null 2>&1 || true
}
wrk -t1 -c8 -d5s -s tests/bench/search-shapes.lua "http://127.0.0.1:$port" -- words >/dev/null
run "alone"
for _ in 1 2; do timeout 17 sh -c 'while :; do :; done' & done
sleep 1
run "two busy loops outside PostgreSQL"
wait
for _ in 1 2; do busy_backend & done
sleep 1
run "two busy PostgreSQL backends (no locks)"
wait
run "alone again"
