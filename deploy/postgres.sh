#!/usr/bin/env bash
# A local PostgreSQL cluster for running and testing CustomerNeeds.
#
#   deploy/postgres.sh ensure                    install the Debian package "postgresql" when no server binaries exist
#   deploy/postgres.sh start <datadir> <port>    create the cluster when <datadir> is empty, then start it (no-op when running)
#   deploy/postgres.sh stop <datadir>            stop the cluster (no-op when stopped)
#   deploy/postgres.sh status <datadir>          exit 0 when running, 3 when stopped
#
# The cluster listens on 127.0.0.1 only, trusts local connections (user "postgres", no password),
# keeps fsync and synchronous_commit on (a commit is on disk before the client hears OK) and allows
# 200 connections, so several servers with their own pools fit beside the tests.
#
# PostgreSQL refuses to run as root. When this script runs as root it runs initdb and pg_ctl as the
# "postgres" user and gives <datadir> to that user; every directory above <datadir> must then be
# enterable by "postgres" (the script checks and says so when not: choose a data directory under
# /tmp or /var/tmp in that case). The cluster has no Unix socket; connect over TCP to 127.0.0.1.
#
# The script can also be sourced; it then defines the functions postgres_ensure, postgres_start,
# postgres_stop, postgres_status and postgres_ensure_database and does nothing else.

postgres_bin_dir() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [[ -z "$dir" || ! -x "$dir/initdb" ]]; then
    return 1
  fi
  printf '%s\n' "$dir"
}

postgres_ensure() {
  if postgres_bin_dir >/dev/null; then
    return 0
  fi
  if [[ $(id -u) -ne 0 ]]; then
    echo "postgres.sh: PostgreSQL server binaries not found (/usr/lib/postgresql/*/bin/initdb)." >&2
    echo "postgres.sh: install them as root: apt-get install -y postgresql" >&2
    return 1
  fi
  echo "postgres.sh: installing PostgreSQL (Debian package postgresql)" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q >&2
  apt-get install -y -q --no-install-recommends postgresql >&2
  # The Debian package may create and start a default cluster; this project never uses it.
  postgres_bin_dir >/dev/null || { echo "postgres.sh: installation left no initdb" >&2; return 1; }
}

# Runs a command as the cluster owner: "postgres" when we are root, ourselves otherwise.
postgres_as_owner() {
  if [[ $(id -u) -eq 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

postgres_absolute() {
  local path=$1
  mkdir -p "$path"
  (cd "$path" && pwd -P)
}

postgres_check_reachable() {
  local datadir=$1
  if [[ $(id -u) -ne 0 ]]; then
    return 0
  fi
  local parent
  parent=$(dirname "$datadir")
  if ! runuser -u postgres -- test -x "$parent"; then
    echo "postgres.sh: the user 'postgres' cannot enter $parent, so it cannot use $datadir." >&2
    echo "postgres.sh: choose a data directory under /tmp or /var/tmp (e.g. CUSTOMERNEEDS_PGDATA=/var/tmp/customerneeds-postgres)." >&2
    return 1
  fi
}

# Creates the database $2 on the cluster listening on 127.0.0.1:$1 unless it exists.
postgres_ensure_database() {
  local port=$1 name=$2
  if ! psql -h 127.0.0.1 -p "$port" -U postgres -d postgres -tAc "select 1 from pg_database where datname = '$name'" | grep -q 1; then
    psql -h 127.0.0.1 -p "$port" -U postgres -d postgres -qc "create database \"$name\""
  fi
}

postgres_status() {
  local datadir=${1:?usage: postgres.sh status <datadir>}
  local bin
  bin=$(postgres_bin_dir) || { echo "postgres.sh: PostgreSQL is not installed" >&2; return 4; }
  [[ -d "$datadir" ]] || return 3
  datadir=$(cd "$datadir" && pwd -P)
  postgres_as_owner "$bin/pg_ctl" status -D "$datadir" >/dev/null 2>&1
}

postgres_start() {
  local datadir=${1:?usage: postgres.sh start <datadir> <port>}
  local port=${2:?usage: postgres.sh start <datadir> <port>}
  local bin
  bin=$(postgres_bin_dir) || { echo "postgres.sh: PostgreSQL is not installed; run: deploy/postgres.sh ensure" >&2; return 1; }
  datadir=$(postgres_absolute "$datadir")
  postgres_check_reachable "$datadir" || return 1

  if postgres_status "$datadir"; then
    echo "postgres.sh: already running in $datadir" >&2
    return 0
  fi

  if [[ $(id -u) -eq 0 ]]; then
    chown postgres:postgres "$datadir"
    chmod 700 "$datadir"
  fi

  if [[ ! -f "$datadir/PG_VERSION" ]]; then
    if [[ -n "$(ls -A "$datadir")" ]]; then
      echo "postgres.sh: $datadir is neither empty nor a PostgreSQL data directory" >&2
      return 1
    fi
    echo "postgres.sh: creating a cluster in $datadir" >&2
    postgres_as_owner "$bin/initdb" -D "$datadir" -U postgres -E UTF8 --locale=C \
      --auth-local=trust --auth-host=trust >/dev/null || return 1
    postgres_as_owner tee -a "$datadir/postgresql.conf" >/dev/null <<'CONF'

# CustomerNeeds local cluster (deploy/postgres.sh)
listen_addresses = '127.0.0.1'
unix_socket_directories = ''
max_connections = 200
fsync = on
synchronous_commit = on
full_page_writes = on
logging_collector = off
CONF
    # Only loopback TCP connections, trusted; no remote access.
    postgres_as_owner tee "$datadir/pg_hba.conf" >/dev/null <<'HBA'
# TYPE  DATABASE  USER  ADDRESS       METHOD
local   all       all                 trust
host    all       all   127.0.0.1/32  trust
HBA
  fi

  postgres_as_owner "$bin/pg_ctl" start -w -t 60 -D "$datadir" -l "$datadir/server.log" -o "-p $port" >/dev/null || {
    echo "postgres.sh: start failed; last lines of $datadir/server.log:" >&2
    tail -n 20 "$datadir/server.log" >&2 || true
    return 1
  }
  echo "postgres.sh: running on 127.0.0.1:$port (data: $datadir)" >&2
}

postgres_stop() {
  local datadir=${1:?usage: postgres.sh stop <datadir>}
  local bin
  bin=$(postgres_bin_dir) || return 0
  [[ -d "$datadir" ]] || return 0
  datadir=$(cd "$datadir" && pwd -P)
  if postgres_status "$datadir"; then
    postgres_as_owner "$bin/pg_ctl" stop -w -t 60 -m fast -D "$datadir" >/dev/null
  fi
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  set -euo pipefail
  command=${1:-}
  shift || true
  case "$command" in
    ensure) postgres_ensure ;;
    start) postgres_start "$@" ;;
    stop) postgres_stop "$@" ;;
    status)
      if postgres_status "$@"; then echo running; else rc=$?; echo stopped; exit "$rc"; fi
      ;;
    *)
      echo "usage: $0 ensure | start <datadir> <port> | stop <datadir> | status <datadir>" >&2
      exit 2
      ;;
  esac
fi
