#!/usr/bin/env bash
# A three-server CustomerNeeds cluster on loopback, over one local PostgreSQL (docs/operations.md,
# "Run a cluster on one machine").
#
#   ./deploy/run-cluster.sh [start] [--lb|--no-lb] [--no-build]
#                         builds Release once, starts PostgreSQL (.data/postgres, port 5433, database
#                         customerneeds, as run-local.sh) and servers 1..3, waits until each answers
#                         SERVING, then stays in the foreground; Ctrl-C stops every server with
#                         SIGTERM (graceful: drain, finish calls, snapshots, leave) and the balancer.
#                         --lb / --no-lb: start nginx as the gRPC load balancer on 127.0.0.1:5080
#                         (default: when nginx is installed).
#   ./deploy/run-cluster.sh stop          SIGTERM to every server (waits for each) and the balancer
#   ./deploy/run-cluster.sh status        each server's pid and health, and the balancer's
#   ./deploy/run-cluster.sh kill N        SIGKILL of server N (1..3), as a crash would
#   ./deploy/run-cluster.sh restart N     SIGTERM to server N, wait for its exit, start it, wait SERVING
#   ./deploy/run-cluster.sh start-server N   start server N when it is not running (after kill N)
#
# Server N: gRPC on 127.0.0.1:508N, silo port 1111N, gateway port 3000N, Clustering=Postgres,
# advertised address 127.0.0.1. Logs in .data/cluster/server-N.log, pids in .data/cluster/server-N.pid.
# Calls need the API key in .data/local-api-key (written by server 1 at its first start).
# The PostgreSQL cluster keeps running; stop it with ./deploy/postgres.sh stop .data/postgres
#
# Environment: CUSTOMERNEEDS_PG_PORT (5433), CUSTOMERNEEDS_DATA_DIR (.data/postgres),
# CUSTOMERNEEDS_POOL_SIZE (connections per server, default 40: three servers use at most 120 of the
# 200 that deploy/postgres.sh allows), and any server setting as CustomerNeeds__<Name>.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

readonly root=$PWD
readonly servers=3
readonly state="$root/.data/cluster"
readonly dll="$root/src/CustomerNeeds.Server/bin/Release/net10.0/CustomerNeeds.Server.dll"
readonly lb_port=5080
pg_port="${CUSTOMERNEEDS_PG_PORT:-5433}"
pg_data="${CUSTOMERNEEDS_DATA_DIR:-$root/.data/postgres}"
pool_size="${CUSTOMERNEEDS_POOL_SIZE:-40}"
key_file="${CustomerNeeds__Security__BootstrapKeyFile:-$root/.data/local-api-key}"
# `start` writes its settings here; kill, restart and start-server in another shell use the same ones.
readonly settings="$state/settings"
if [[ "${1:-start}" != start && "${1:-}" != --* && -f "$settings" ]]; then
  source "$settings"
fi

say() { echo "run-cluster.sh: $*" >&2; }

check_index() {
  local n=${1:-}
  if [[ ! "$n" =~ ^[1-3]$ ]]; then
    say "give a server number 1..$servers"
    exit 2
  fi
}

pid_of() {
  local file="$state/server-$1.pid" pid
  [[ -f "$file" ]] || return 1
  pid=$(<"$file")
  if kill -0 "$pid" 2>/dev/null; then
    printf '%s\n' "$pid"
  else
    return 1
  fi
}

# SERVING on the server's own port (readiness: active member, PostgreSQL answers, not draining).
is_serving() {
  dotnet "$dll" health-probe --address "http://127.0.0.1:508$1" >/dev/null 2>&1
}

wait_serving() {
  local n=$1 deadline=$((SECONDS + 120))
  while ! is_serving "$n"; do
    if ! pid_of "$n" >/dev/null; then
      say "server $n exited before it was SERVING; last lines of $state/server-$n.log:"
      tail -n 30 "$state/server-$n.log" >&2 || true
      return 1
    fi
    if (( SECONDS > deadline )); then
      say "server $n was not SERVING within 120 s; see $state/server-$n.log"
      return 1
    fi
    sleep 0.5
  done
  say "server $n SERVING on 127.0.0.1:508$n (pid $(pid_of "$n"))"
}

start_server() {
  local n=$1
  if pid_of "$n" >/dev/null; then
    say "server $n already runs (pid $(pid_of "$n"))"
    return 0
  fi
  [[ -f "$dll" ]] || { say "$dll is missing: run without --no-build"; return 1; }
  mkdir -p "$state"
  echo "---- $(date -u +%FT%TZ) starting server $n ----" >>"$state/server-$n.log"
  (
    # The content root (appsettings.json) is the directory of the build.
    cd "$(dirname "$dll")"
    export ConnectionStrings__CustomerNeeds="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=customerneeds;Maximum Pool Size=$pool_size"
    export CustomerNeeds__ListenAddress=127.0.0.1
    export CustomerNeeds__GrpcPort="508$n"
    export CustomerNeeds__Cluster__Clustering=Postgres
    export CustomerNeeds__Cluster__AdvertisedAddress=127.0.0.1
    export CustomerNeeds__Cluster__SiloPort="1111$n"
    export CustomerNeeds__Cluster__GatewayPort="3000$n"
    export CustomerNeeds__Security__BootstrapKeyFile="$key_file"
    exec setsid dotnet "$dll" </dev/null >>"$state/server-$n.log" 2>&1
  ) &
  echo $! >"$state/server-$n.pid"
}

# SIGTERM, then wait for the exit (the server bounds its own stop by CustomerNeeds:Shutdown:Timeout).
stop_server() {
  local n=$1 pid
  pid=$(pid_of "$n") || { rm -f "$state/server-$n.pid"; return 0; }
  say "server $n: SIGTERM (pid $pid)"
  kill -TERM "$pid"
  local deadline=$((SECONDS + 60))
  while kill -0 "$pid" 2>/dev/null; do
    if (( SECONDS > deadline )); then
      say "server $n did not stop within 60 s of SIGTERM: SIGKILL"
      kill -KILL "$pid" 2>/dev/null || true
    fi
    sleep 0.2
  done
  rm -f "$state/server-$n.pid"
  say "server $n stopped"
}

kill_server() {
  local n=$1 pid
  pid=$(pid_of "$n") || { say "server $n is not running"; return 0; }
  kill -KILL "$pid"
  while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
  rm -f "$state/server-$n.pid"
  echo "---- $(date -u +%FT%TZ) killed (SIGKILL) ----" >>"$state/server-$n.log"
  say "server $n killed (SIGKILL, pid $pid)"
}

lb_pid() {
  local file="$state/nginx/nginx.pid" pid
  [[ -f "$file" ]] || return 1
  pid=$(<"$file")
  kill -0 "$pid" 2>/dev/null && printf '%s\n' "$pid"
}

# nginx on 127.0.0.1:5080 over the three servers, with the project's gRPC proxy settings.
start_lb() {
  local proxy="$root/deploy/nginx/grpc-proxy.conf" dir="$state/nginx"
  if [[ ! -f "$proxy" ]]; then
    say "no $proxy: no load balancer"
    return 0
  fi
  if lb_pid >/dev/null; then
    return 0
  fi
  mkdir -p "$dir/temp"
  chmod 777 "$dir/temp"
  cat >"$dir/nginx.conf" <<CONF
# Written by deploy/run-cluster.sh: the loopback cluster's gRPC load balancer.
worker_processes 1;
pid $dir/nginx.pid;
error_log $dir/error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path $dir/temp/body;
    proxy_temp_path $dir/temp/proxy;
    fastcgi_temp_path $dir/temp/fastcgi;
    uwsgi_temp_path $dir/temp/uwsgi;
    scgi_temp_path $dir/temp/scgi;
    upstream customerneeds {
        server 127.0.0.1:5081 max_fails=1 fail_timeout=5s;
        server 127.0.0.1:5082 max_fails=1 fail_timeout=5s;
        server 127.0.0.1:5083 max_fails=1 fail_timeout=5s;
        keepalive 64;
    }
    server {
        listen 127.0.0.1:$lb_port http2;
        location / {
            include $proxy;
        }
    }
}
CONF
  nginx -p "$dir" -c "$dir/nginx.conf" -e "$dir/error.log" || { say "nginx did not start; see $dir/error.log"; return 1; }
  say "load balancer (nginx) on 127.0.0.1:$lb_port"
}

stop_lb() {
  local pid
  pid=$(lb_pid) || return 0
  kill -QUIT "$pid" 2>/dev/null || true
  while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
  say "load balancer stopped"
}

stop_all() {
  stop_lb
  local n pids=()
  # All three drain at once: each waits for its own calls, then leaves.
  for n in $(seq 1 "$servers"); do
    stop_server "$n" &
    pids+=($!)
  done
  wait "${pids[@]}" || true
}

status() {
  local n pid health
  for n in $(seq 1 "$servers"); do
    if pid=$(pid_of "$n"); then
      if is_serving "$n"; then health=SERVING; else health="NOT SERVING"; fi
      echo "server $n: pid $pid, 127.0.0.1:508$n, $health"
    else
      echo "server $n: stopped"
    fi
  done
  if pid=$(lb_pid); then
    echo "load balancer: pid $pid, 127.0.0.1:$lb_port"
  else
    echo "load balancer: stopped"
  fi
}

prepare_postgres() {
  source deploy/postgres.sh
  mkdir -p "$(dirname "$pg_data")"
  chmod 755 "$(dirname "$pg_data")"
  postgres_ensure
  postgres_start "$pg_data" "$pg_port"
  if ! psql -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres -tAc "select 1 from pg_database where datname = 'customerneeds'" | grep -q 1; then
    psql -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres -qc "create database customerneeds"
  fi
}

start() {
  local lb=auto build=true arg
  for arg in "$@"; do
    case "$arg" in
      --lb) lb=yes ;;
      --no-lb) lb=no ;;
      --no-build) build=false ;;
      *) say "unknown option $arg"; exit 2 ;;
    esac
  done
  if [[ $lb == auto ]]; then
    if command -v nginx >/dev/null; then lb=yes; else lb=no; fi
  fi
  if [[ $lb == yes ]] && ! command -v nginx >/dev/null; then
    say "--lb: nginx is not installed (apt-get install nginx)"
    exit 1
  fi

  mkdir -p "$state"
  printf 'pg_port=%q\npg_data=%q\npool_size=%q\nkey_file=%q\n' "$pg_port" "$pg_data" "$pool_size" "$key_file" >"$settings"
  if $build; then
    say "building Release"
    dotnet build src/CustomerNeeds.Server -c Release -v quiet -nologo >&2
  fi
  prepare_postgres

  trap 'trap - INT TERM; echo >&2; say "stopping"; stop_all; exit 0' INT TERM
  # Server 1 first: it applies the migrations and writes the API key file when missing; then the others join.
  start_server 1
  wait_serving 1 || { stop_all; exit 1; }
  start_server 2
  start_server 3
  wait_serving 2 || { stop_all; exit 1; }
  wait_serving 3 || { stop_all; exit 1; }
  if [[ $lb == yes ]]; then
    start_lb || { stop_all; exit 1; }
  fi
  say "cluster up (PostgreSQL 127.0.0.1:$pg_port); API key in $key_file; Ctrl-C stops it"
  # Stay in the foreground; servers restarted from another shell are stopped too.
  while true; do
    sleep 1 &
    wait $! || true
  done
}

command=${1:-start}
[[ $# -gt 0 ]] && shift
case "$command" in
  start) start "$@" ;;
  --*) start "$command" "$@" ;;
  stop) stop_all ;;
  status) status ;;
  kill) check_index "${1:-}"; kill_server "$1" ;;
  restart) check_index "${1:-}"; stop_server "$1"; start_server "$1"; wait_serving "$1" ;;
  start-server) check_index "${1:-}"; start_server "$1"; wait_serving "$1" ;;
  *)
    echo "usage: $0 [start] [--lb|--no-lb] [--no-build] | stop | status | kill N | restart N | start-server N" >&2
    exit 2
    ;;
esac
