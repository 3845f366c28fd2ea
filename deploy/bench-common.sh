#!/usr/bin/env bash
# Sourced by the benchmark scripts (run from the repository root).

# free_port FROM: the first loopback port from FROM upwards that nothing answers on (at most 500 tried).
free_port() {
  local port=$1
  while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do
    port=$((port + 1))
    if (( port >= $1 + 500 )); then
      echo "$(basename "$0"): no free port in $1-$(($1 + 499))" >&2
      return 1
    fi
  done
  echo "$port"
}

# bench_build: builds the server and the load generator (Release); sets server_dll and generator_dll.
bench_build() {
  echo "$(basename "$0"): building (Release)" >&2
  dotnet build src/CustomerNeeds.Server/CustomerNeeds.Server.csproj -c Release -v quiet -nologo >&2
  dotnet build tests/CustomerNeeds.Benchmarks/CustomerNeeds.Benchmarks.csproj -c Release -v quiet -nologo >&2
  server_dll="$PWD/src/CustomerNeeds.Server/bin/Release/net10.0/CustomerNeeds.Server.dll"
  generator_dll="$PWD/tests/CustomerNeeds.Benchmarks/bin/Release/net10.0/CustomerNeeds.Benchmarks.dll"
}

# bench_ports: free loopback ports for PostgreSQL, gRPC, the silo and the gateway
# (sets pg_port, grpc_port, silo_port, gateway_port).
bench_ports() {
  pg_port=$(free_port 56500)
  grpc_port=$(free_port 57000)
  silo_port=$(free_port 57500)
  gateway_port=$(free_port 58000)
}

# stop_server PID: SIGTERM, up to 30 s to exit, then SIGKILL; nothing when it is not running.
stop_server() {
  local pid=$1
  if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 60); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.5
    done
    kill -KILL "$pid" 2>/dev/null || true
  fi
}

# bench_security KEYFILE: the server started next creates a local API key (roles agent, analyst,
# admin) in KEYFILE, and its per-caller limits are lifted so that a run measures capacity (the
# rate limiter still runs on every call). Exports the server's settings.
bench_security() {
  export CustomerNeeds__Security__BootstrapKeyFile="$1"
  local role
  for role in channel agent analyst admin; do
    export "CustomerNeeds__Security__RateLimits__${role}__PermitsPerSecond=100000000"
    export "CustomerNeeds__Security__RateLimits__${role}__Burst=100000000"
  done
  export CustomerNeeds__Security__MaxConcurrentStreams=100000
}

# bench_api_key KEYFILE: once the server has written KEYFILE, exports its key as CUSTOMERNEEDS_API_KEY
# (what the load generator sends in x-api-key).
bench_api_key() {
  for _ in $(seq 1 120); do
    [[ -s "$1" ]] && break
    sleep 0.5
  done
  [[ -s "$1" ]] || { echo "$(basename "$0"): the server wrote no API key to $1" >&2; return 1; }
  CUSTOMERNEEDS_API_KEY=$(cat "$1")
  export CUSTOMERNEEDS_API_KEY
}
