#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster for the tests, in a temporary folder, reachable only through a Unix socket
# in that folder (no port to collide with). As root (CI) it runs as the `postgres` user, who owns the folder.
#   scripts/pg-test-cluster.sh start        # prints the folder; the URL is postgresql:///postgres?host=FOLDER&user=postgres
#   scripts/pg-test-cluster.sh stop FOLDER  # stops the cluster and removes the folder
set -euo pipefail
bin=/usr/lib/postgresql/15/bin
as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
case "${1:-}" in
start)
  [ -x "$bin/initdb" ] || { echo "PostgreSQL 15 is not installed ($bin/initdb)" >&2; exit 1; }
  dir=$(mktemp -d "${TMPDIR:-/tmp}/lotstation-pg.XXXXXX")
  [ "$(id -u)" = 0 ] && chown postgres: "$dir"
  if ! as_owner "$bin/initdb" -D "$dir/data" --auth=trust --username=postgres -E UTF8 --no-sync \
      >"$dir/initdb.log" 2>&1; then
    cat "$dir/initdb.log" >&2; rm -rf "$dir"; exit 1
  fi
  # Durability is not what the tests check: no fsync keeps a 2-core machine quick.
  if ! as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-c listen_addresses='' -c unix_socket_directories='$dir' -c fsync=off -c synchronous_commit=off -c max_connections=200" \
      start >/dev/null; then
    cat "$dir/server.log" >&2; rm -rf "$dir"; exit 1
  fi
  echo "$dir"
  ;;
stop)
  dir=${2:?which folder}
  [ -d "$dir/data" ] && as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$dir"
  ;;
*)
  echo "usage: $0 start | stop FOLDER" >&2; exit 2
  ;;
esac
