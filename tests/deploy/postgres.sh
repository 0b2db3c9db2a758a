# Sourced by tests/deploy/two-instances.sh and tests/bench/load.sh: a throwaway PostgreSQL cluster in a
# folder of the caller's, listening on 127.0.0.1 only, with a database "testimonies" owned by the role
# "testimonies" (trust authentication: loopback only, for as long as the caller runs). Run as root, the
# server runs as the postgres user, since PostgreSQL refuses to run as root.
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)

as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

pg_start() { # folder port
  [ -n "$pg_bin" ] && [ -x "$pg_bin/initdb" ] || { echo "needs PostgreSQL's server programs (apt-get install postgresql)" >&2; return 2; }
  mkdir -p "$1"
  [ "$(id -u)" = 0 ] && chown postgres "$1"
  as_postgres "$pg_bin/initdb" -D "$1" -U testimonies -A trust --no-sync >/dev/null
  as_postgres "$pg_bin/pg_ctl" -D "$1" -l "$1/server.log" -w -o "-p $2 -k $1 -c listen_addresses=127.0.0.1" start >/dev/null
  as_postgres "$pg_bin/createdb" -h 127.0.0.1 -p "$2" -U testimonies testimonies
}

pg_stop() { # folder
  [ -f "$1/postmaster.pid" ] && as_postgres "$pg_bin/pg_ctl" -D "$1" -m fast -w stop >/dev/null 2>&1 || true
}
