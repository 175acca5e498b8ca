#!/usr/bin/env bash
# Starts the machine's PostgreSQL cluster (installing PostgreSQL if missing and we are root), makes a fresh
# database named $1 (default sohoa_ci) and prints its URL on the last line. Used by .ci/run and `pnpm bench`.
# With "socket" as $2 the URL connects over the server's Unix socket as the current OS user (peer
# authentication; a superuser role of that name is made on this local cluster): what a server on the
# database's own machine would use, and cheaper per round trip than TCP on loopback.
set -euo pipefail
name="${1:-sohoa_ci}"
if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
  else
    echo "PostgreSQL is not installed" >&2; exit 1
  fi
fi
cluster=$(pg_lsclusters -h 2>/dev/null | awk 'NR==1{print $1" "$2}')
if [ -z "$cluster" ]; then
  ver=$(ls /usr/lib/postgresql | sort -n | tail -1); pg_createcluster "$ver" main >&2; cluster="$ver main"
fi
pg_ctlcluster $cluster start >&2 2>/dev/null || true
port=$(pg_lsclusters -h | awk 'NR==1{print $3}')
for _ in $(seq 1 30); do su postgres -c "pg_isready -q -p $port" && break; sleep 1; done
su postgres -c "psql -q -p $port -c \"ALTER USER postgres PASSWORD 'postgres'\"" >/dev/null
su postgres -c "psql -q -p $port -c 'DROP DATABASE IF EXISTS $name WITH (FORCE)'" >/dev/null
su postgres -c "psql -q -p $port -c 'CREATE DATABASE $name'" >/dev/null
if [ "${2:-}" = "socket" ]; then
  me=$(id -un)
  dir=$(su postgres -c "psql -Atq -p $port -c 'SHOW unix_socket_directories'" | cut -d, -f1)
  su postgres -c "psql -q -p $port -c \"DO \\\$\\\$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '$me') THEN CREATE ROLE \\\"$me\\\" SUPERUSER LOGIN; END IF; END \\\$\\\$\"" >/dev/null
  echo "postgresql://$me@localhost:$port/$name?host=$dir"
else
  echo "postgresql://postgres:postgres@127.0.0.1:$port/$name"
fi
