#!/usr/bin/env bash
# Two instances of the site on one PostgreSQL database behind nginx, all on localhost, then a smoke
# test through the proxy: a maintainer logs in with a form one instance served and the other checked,
# withdraws a statement through an import, and both instances stop showing it at once (shared Data
# Protection keys, shared antiforgery, output caches keyed by the archive's version). Everything it
# starts is stopped and removed at the end. Needs Debian's postgresql, nginx (nginx-light), curl and
# openssl; run as root it starts PostgreSQL as the postgres user.
# Usage: tests/deploy/two-instances.sh            (see docs/deployment.md)
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$(pwd)
pg_port=${PG_PORT:-5433}
a_port=5201
b_port=5202
proxy_port=5443
password="smoke-test passphrase $RANDOM$RANDOM" # made up here, never stored

for tool in nginx curl openssl dotnet; do command -v "$tool" >/dev/null || { echo "needs $tool (apt-get install postgresql nginx-light curl openssl)" >&2; exit 2; }; done
. tests/deploy/postgres.sh
[ -n "$pg_bin" ] || { echo "needs PostgreSQL's server programs (apt-get install postgresql)" >&2; exit 2; }

work=$(mktemp -d)
chmod 755 "$work"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  pg_stop "$work/pg"
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; for log in "$work"/*.log; do echo "--- $log" >&2; tail -20 "$log" >&2; done; exit 1; }

echo "1. PostgreSQL: a throwaway cluster on 127.0.0.1:$pg_port"
# The database exists before the site starts, as in docs/deployment.md; the site's migrations fill it.
pg_start "$work/pg" "$pg_port" || fail "PostgreSQL did not start"

echo "2. the site, published in Release, as two instances"
dotnet publish src/Testimonies.Web -c Release -o "$work/app" -v q -nologo >/dev/null
export ASPNETCORE_ENVIRONMENT=Production
export Database__Provider=Postgres
export ConnectionStrings__Testimonies="Host=127.0.0.1;Port=$pg_port;Database=testimonies;Username=testimonies"
export ASPNETCORE_FORWARDEDHEADERS_ENABLED=true # nginx ends TLS; the instances listen on loopback only
export Serilog__MinimumLevel__Default=Warning
start_instance() { # name port
  dotnet "$work/app/Testimonies.Web.dll" --urls "http://127.0.0.1:$2" >"$work/$1.log" 2>&1 </dev/null &
  pids+=($!)
  for _ in $(seq 1 120); do
    curl -fs "http://127.0.0.1:$2/" -o /dev/null && { echo "   instance $1 on 127.0.0.1:$2"; return 0; }
    kill -0 "${pids[-1]}" 2>/dev/null || fail "instance $1 stopped"
    sleep 1
  done
  fail "instance $1 did not answer"
}
# The first instance migrates the database and loads data/; the second finds both done.
start_instance a "$a_port"
TESTIMONIES_ADMIN_PASSWORD="$password" dotnet "$work/app/Testimonies.Web.dll" create-admin --email smoke@example.org </dev/null >"$work/create-admin.log" 2>&1 \
  || fail "create-admin"
start_instance b "$b_port"

echo "3. nginx: TLS on 127.0.0.1:$proxy_port, round robin over both"
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=localhost -keyout "$work/key.pem" -out "$work/cert.pem" 2>/dev/null
mkdir -m 777 "$work/nginx-body" "$work/nginx-proxy"
cat >"$work/nginx.conf" <<CONF
worker_processes 1; # one worker: round robin then strictly alternates, so the smoke test knows who answers
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path $work/nginx-body;
  proxy_temp_path $work/nginx-proxy;
  upstream testimonies { server 127.0.0.1:$a_port; server 127.0.0.1:$b_port; }
  server {
    listen 127.0.0.1:$proxy_port ssl;
    ssl_certificate $work/cert.pem;
    ssl_certificate_key $work/key.pem;
    client_max_body_size 20m;
    location / {
      proxy_pass http://testimonies;
      proxy_set_header Host \$http_host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto \$scheme;
      add_header X-Upstream \$upstream_addr always; # which instance answered (for this test only)
    }
  }
}
CONF
nginx -c "$work/nginx.conf" || fail "nginx"

echo "4. smoke test through the proxy"
base="https://127.0.0.1:$proxy_port"
jar="$work/cookies"
status="" upstream="" location=""
read_response() {
  status=$(awk 'NR == 1 { print $2 }' "$work/headers")
  upstream=$(awk 'tolower($1) == "x-upstream:" { print $2 }' "$work/headers" | tr -d '\r')
  location=$(awk 'tolower($1) == "location:" { print $2 }' "$work/headers" | tr -d '\r')
}
get() { curl -sk -b "$jar" -c "$jar" -D "$work/headers" -o "$work/body" "$base$1"; read_response; }
post() { local url=$1; shift; curl -sk -b "$jar" -c "$jar" -D "$work/headers" -o "$work/body" "$@" "$base$url"; read_response; }
token() { grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' "$work/body" | head -1 | sed 's/.*value="//; s/"$//'; }
expect() { [ "$status" = "$1" ] || fail "$2: HTTP $status from $upstream, expected $1"; echo "   ok  $2 ($status from $upstream)"; }

get / ; expect 200 "home page"; first=$upstream
stylesheet=$(grep -o 'rel="stylesheet" href="[^"]*"' "$work/body" | sed 's/.*href="//; s/"$//')
get / ; expect 200 "home page again"; [ "$upstream" != "$first" ] || fail "nginx sent both requests to $first"
get "$stylesheet" ; expect 200 "fingerprinted stylesheet $stylesheet"
grep -qi '^cache-control: max-age=31536000, immutable' "$work/headers" || fail "$stylesheet is not cached for a year (immutable)"
get "$stylesheet" ; expect 200 "the same from the other instance"
get /s/csis16-04 ; expect 200 "statement page, cached on one instance"
get /s/csis16-04 ; expect 200 "statement page, cached on the other"

get /admin/login ; expect 200 "login form"; form_from=$upstream
post /admin/login --data-urlencode "Email=smoke@example.org" --data-urlencode "Password=$password" --data-urlencode "__RequestVerificationToken=$(token)"
expect 302 "log in with that form"
[ "$upstream" != "$form_from" ] || fail "the login form and its post went to the same instance"
echo "   the form came from $form_from; $upstream accepted its antiforgery token"
get /admin ; expect 200 "admin home, same session"
get /admin ; expect 200 "admin home, same session, the other instance"

# The status cell, wherever it stands in the row (columns after it are empty for this statement).
{ head -1 data/statements.csv; grep '^csis16-04,' data/statements.csv | sed 's/,published,/,withdrawn,/'; } >"$work/statements.csv"
grep -q ',withdrawn,' "$work/statements.csv" || fail "could not prepare the withdrawal file"
get /admin/import ; expect 200 "import form"
post /admin/import -F "__RequestVerificationToken=$(token)" -F "files=@$work/statements.csv;filename=statements.csv;type=text/csv"
expect 302 "upload the withdrawal of csis16-04 for preview"
preview=${location#"$base"}
get "$preview" ; expect 200 "preview $preview"
post "$preview" --data-urlencode "__RequestVerificationToken=$(token)"
expect 302 "apply the import"

get /s/csis16-04 ; expect 410 "the statement is withdrawn"
get /s/csis16-04 ; expect 410 "the statement is withdrawn on the other instance too"
get "/search?q=humanitarian" ; expect 200 "search"
grep -q '/s/csis16-04"' "$work/body" && fail "search on $upstream still finds csis16-04"
get "/search?q=humanitarian" ; expect 200 "search on the other instance"
grep -q '/s/csis16-04"' "$work/body" && fail "search on $upstream still finds csis16-04"
echo "   ok  neither instance's search finds it"

echo "PASS: two instances behind nginx share sessions, antiforgery and the archive; everything stopped"
