#!/usr/bin/env bash
# Run a command with a throw-away PostgreSQL server on loopback; TEST_DATABASE_URL points at it.
set -euo pipefail
bindir=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
workdir=$(mktemp -d /tmp/workbench-pg.XXXXXX)
chmod 755 "$workdir"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" = 0 ] && chown postgres "$workdir"

stop() {
  as_pg "$bindir/pg_ctl" -D "$workdir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$workdir"
}
trap stop EXIT

as_pg "$bindir/initdb" -D "$workdir/data" -U postgres -A trust >/dev/null
as_pg "$bindir/pg_ctl" -D "$workdir/data" -w -l "$workdir/log" \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $workdir -c fsync=off" start >/dev/null
psql -h 127.0.0.1 -p "$port" -U postgres -qc "CREATE USER workbench PASSWORD 'workbench'" >/dev/null
psql -h 127.0.0.1 -p "$port" -U postgres -qc "CREATE DATABASE workbench OWNER workbench" >/dev/null
export TEST_DATABASE_URL="postgresql+psycopg://workbench:workbench@127.0.0.1:$port/workbench"
"$@"
