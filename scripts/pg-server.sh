#!/usr/bin/env bash
# Start a throwaway PostgreSQL server for the test suite and print its URL.
#   scripts/pg-server.sh start DIR [PORT]   -> prints postgresql+psycopg://... on stdout
#   scripts/pg-server.sh stop DIR
# Uses Debian's server binaries; runs the server as the `postgres` user when started as root.
set -euo pipefail
action=${1:?start|stop}
dir=${2:?data directory}
port=${3:-54329}
bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -n "$bindir" ] || { echo "no PostgreSQL server binaries in /usr/lib/postgresql" >&2; exit 1; }
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
case $action in
start)
  mkdir -p "$dir"
  [ "$(id -u)" = 0 ] && chown postgres: "$dir"
  if [ ! -f "$dir/PG_VERSION" ]; then
    as_pg "$bindir/initdb" -D "$dir" -U claims --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  fi
  as_pg "$bindir/pg_ctl" -D "$dir" -l "$dir/server.log" -w \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null
  as_pg "$bindir/psql" -h 127.0.0.1 -p "$port" -U claims -d postgres -qtA \
    -c "SELECT 1 FROM pg_database WHERE datname='claims_test'" | grep -q 1 ||
    as_pg "$bindir/createdb" -h 127.0.0.1 -p "$port" -U claims claims_test
  echo "postgresql+psycopg://claims@127.0.0.1:$port/claims_test"
  ;;
stop)
  as_pg "$bindir/pg_ctl" -D "$dir" -m fast stop >/dev/null
  ;;
*) echo "usage: $0 start|stop DIR [PORT]" >&2; exit 2 ;;
esac
