#!/usr/bin/env bash
# A three-server CustomerNeeds cluster on this machine's loopback, over one local PostgreSQL
# (docs/operations.md, "Run a cluster on one machine"; docs/clustering.md).
#
#   ./deploy/run-cluster.sh [start]     build, start PostgreSQL (as run-local.sh does), the servers and,
#                                       when nginx is installed, a gRPC load balancer on 127.0.0.1:5080;
#                                       stays in the foreground, Ctrl-C stops everything gracefully
#   ./deploy/run-cluster.sh status      which servers run and answer SERVING
#   ./deploy/run-cluster.sh stop        stop every server (SIGTERM: drain, finish, leave) and the balancer
#   ./deploy/run-cluster.sh kill N      SIGKILL server N (1-3)
#   ./deploy/run-cluster.sh restart N   stop server N gracefully and start it again
#
# Server N serves gRPC on 127.0.0.1:508N (cleartext, loopback), its silo on 1111N and its gateway on
# 3000N; membership is in PostgreSQL (Clustering=Postgres, cluster id "loopback"). Logs and pids are in
# .data/cluster/. The local API key is in .data/local-api-key (created by the first server); send it as
# x-api-key. Environment: CUSTOMERNEEDS_PG_PORT (default 5433), CUSTOMERNEEDS_DATA_DIR (default
# .data/postgres), CUSTOMERNEEDS_SERVERS (default 3, at most 9), and any server setting as
# CustomerNeeds__<Name>. PostgreSQL keeps running afterwards (./deploy/postgres.sh stop .data/postgres).
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

repo=$PWD
state="$repo/.data/cluster"
# `start` records the PostgreSQL port and the server count here: kill, restart, stop and status from
# another shell then use the same ones, even without the start's environment.
settings="$state/settings"
if [[ "${1:-start}" != start && -f "$settings" ]]; then
  source "$settings"
fi
servers="${CUSTOMERNEEDS_SERVERS:-3}"
pg_port="${CUSTOMERNEEDS_PG_PORT:-5433}"
datadir="${CUSTOMERNEEDS_DATA_DIR:-$repo/.data/postgres}"
dll="$repo/src/CustomerNeeds.Server/bin/Release/net10.0/CustomerNeeds.Server.dll"
balancer_port=5080

if ! [[ "$servers" =~ ^[1-9]$ ]]; then
  echo "run-cluster.sh: CUSTOMERNEEDS_SERVERS must be 1 to 9 (is $servers)" >&2
  exit 2
fi

say() { echo "run-cluster.sh: $*" >&2; }
grpc_port() { echo $((5080 + $1)); }
pid_file() { echo "$state/server-$1.pid"; }

running_pid() {
  local file
  file=$(pid_file "$1")
  if [[ -f "$file" ]] && kill -0 "$(cat "$file")" 2>/dev/null; then
    cat "$file"
  else
    return 1
  fi
}

serving() {
  dotnet "$dll" health-probe --address "http://127.0.0.1:$(grpc_port "$1")" >/dev/null 2>&1
}

start_server() {
  local n=$1 pid
  if pid=$(running_pid "$n"); then
    say "server $n already runs (pid $pid)"
    return 0
  fi
  (
    export ConnectionStrings__CustomerNeeds="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=customerneeds;Maximum Pool Size=40"
    export CustomerNeeds__ListenAddress=127.0.0.1
    export CustomerNeeds__GrpcPort="$(grpc_port "$n")"
    export CustomerNeeds__Cluster__Clustering=Postgres
    export CustomerNeeds__Cluster__ClusterId="${CustomerNeeds__Cluster__ClusterId:-loopback}"
    export CustomerNeeds__Cluster__AdvertisedAddress=127.0.0.1
    export CustomerNeeds__Cluster__SiloPort=$((11110 + n))
    export CustomerNeeds__Cluster__GatewayPort=$((30000 + n))
    export CustomerNeeds__Security__BootstrapKeyFile="${CustomerNeeds__Security__BootstrapKeyFile:-$repo/.data/local-api-key}"
    exec nohup dotnet "$dll" >>"$state/server-$n.log" 2>&1
  ) &
  echo $! >"$(pid_file "$n")"
  for _ in $(seq 1 120); do
    if serving "$n"; then
      say "server $n is SERVING on 127.0.0.1:$(grpc_port "$n") (pid $(cat "$(pid_file "$n")"), log .data/cluster/server-$n.log)"
      return 0
    fi
    if ! running_pid "$n" >/dev/null; then
      say "server $n exited during start-up; the end of its log:"
      tail -n 30 "$state/server-$n.log" >&2
      return 1
    fi
    sleep 1
  done
  say "server $n was not SERVING within 120 s (log .data/cluster/server-$n.log)"
  return 1
}

stop_server() {
  local n=$1 pid
  if ! pid=$(running_pid "$n"); then
    rm -f "$(pid_file "$n")"
    return 0
  fi
  kill -TERM "$pid"
  for _ in $(seq 1 60); do
    kill -0 "$pid" 2>/dev/null || { say "server $n stopped"; rm -f "$(pid_file "$n")"; return 0; }
    sleep 1
  done
  say "server $n did not stop within 60 s of SIGTERM; killing it"
  kill -KILL "$pid" 2>/dev/null || true
  rm -f "$(pid_file "$n")"
}

kill_server() {
  local n=$1 pid
  if pid=$(running_pid "$n"); then
    kill -KILL "$pid"
    rm -f "$(pid_file "$n")"
    say "server $n killed (SIGKILL)"
  else
    say "server $n does not run"
  fi
}

start_balancer() {
  if ! command -v nginx >/dev/null; then
    say "nginx is not installed: no load balancer; call the servers on 127.0.0.1:5081-508$servers (apt-get install nginx for one on :$balancer_port)"
    return 0
  fi
  local dir="$state/nginx"
  mkdir -p "$dir/temp"
  chmod 1777 "$dir/temp"
  {
    echo "# Written by deploy/run-cluster.sh: the load balancer of the loopback cluster."
    echo "worker_processes 1;"
    echo "pid $dir/nginx.pid;"
    echo "error_log $dir/error.log warn;"
    echo "events { worker_connections 4096; }"
    echo "http {"
    echo "    access_log off;"
    echo "    client_body_temp_path $dir/temp;"
    echo "    upstream customerneeds {"
    for n in $(seq 1 "$servers"); do
      echo "        server 127.0.0.1:$(grpc_port "$n") max_fails=1 fail_timeout=5s;"
    done
    echo "        keepalive 64;"
    echo "    }"
    echo "    server {"
    echo "        listen 127.0.0.1:$balancer_port http2;"
    echo "        location / {"
    echo "            include $repo/deploy/nginx/grpc-proxy.conf;"
    echo "        }"
    echo "    }"
    echo "}"
  } >"$dir/nginx.conf"
  nginx -p "$dir" -c "$dir/nginx.conf" -t -q
  nginx -p "$dir" -c "$dir/nginx.conf"
  say "load balancer (nginx) on 127.0.0.1:$balancer_port"
}

stop_balancer() {
  local dir="$state/nginx"
  if [[ -f "$dir/nginx.pid" ]] && kill -0 "$(cat "$dir/nginx.pid")" 2>/dev/null; then
    nginx -p "$dir" -c "$dir/nginx.conf" -s quit
    say "load balancer stopped"
  fi
}

stop_all() {
  stop_balancer
  # All at once: each drains, finishes its calls, writes its snapshots and leaves.
  for n in $(seq 1 "$servers"); do
    stop_server "$n" &
  done
  wait
}

status() {
  for n in $(seq 1 "$servers"); do
    if pid=$(running_pid "$n"); then
      if serving "$n"; then
        echo "server $n: SERVING on 127.0.0.1:$(grpc_port "$n") (pid $pid)"
      else
        echo "server $n: running, not SERVING (pid $pid)"
      fi
    else
      echo "server $n: not running"
    fi
  done
  if [[ -f "$state/nginx/nginx.pid" ]] && kill -0 "$(cat "$state/nginx/nginx.pid")" 2>/dev/null; then
    echo "load balancer: 127.0.0.1:$balancer_port"
  fi
}

server_number() {
  if ! [[ "${1:-}" =~ ^[1-9]$ ]] || (( $1 > servers )); then
    say "name a server from 1 to $servers"
    exit 2
  fi
}

command=${1:-start}
mkdir -p "$state"
case "$command" in
  start)
    dotnet build src/CustomerNeeds.Server -c Release -v q -nologo >/dev/null
    source deploy/postgres.sh
    mkdir -p "$(dirname "$datadir")"
    chmod 755 "$(dirname "$datadir")"
    postgres_ensure
    postgres_start "$datadir" "$pg_port"
    postgres_ensure_database "$pg_port" customerneeds
    printf 'CUSTOMERNEEDS_PG_PORT=%q\nCUSTOMERNEEDS_SERVERS=%q\n' "$pg_port" "$servers" >"$settings"
    trap 'stop_all; exit 0' INT TERM
    for n in $(seq 1 "$servers"); do
      start_server "$n"
    done
    start_balancer
    say "the cluster runs; the API key is in .data/local-api-key; Ctrl-C stops it"
    # Until Ctrl-C, or until no server runs any more (./deploy/run-cluster.sh stop from elsewhere).
    while true; do
      sleep 2 &
      wait $!
      alive=0
      for n in $(seq 1 "$servers"); do
        if running_pid "$n" >/dev/null; then alive=1; fi
      done
      if (( alive == 0 )); then
        stop_balancer
        say "no server runs any more"
        exit 0
      fi
    done
    ;;
  stop) stop_all ;;
  status) status ;;
  kill) server_number "${2:-}"; kill_server "$2" ;;
  restart) server_number "${2:-}"; stop_server "$2"; start_server "$2" ;;
  *) say "unknown command $command (start, status, stop, kill N, restart N)"; exit 2 ;;
esac
