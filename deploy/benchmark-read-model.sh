#!/usr/bin/env bash
# The read-model benchmark (docs/benchmarks.md, "Read model at scale"): ListCustomers over indexed
# filters and GetKpis for a 30-day window, against a database of many synthetic customers.
#
#   ./deploy/benchmark-read-model.sh [--customers N] [--data DIR] [load generator options, e.g. --runs 200]
#
# Builds the server and the load generator (Release), starts PostgreSQL (deploy/postgres.sh) in
# DIR (default: a throwaway directory), seeds N customers (default 1,000,000) with the server's
# `seed` verb (the bulk path of docs/read-model.md) unless DIR already holds that seeding, runs
# VACUUM ANALYZE, starts the server, waits for the first RFM run, runs the generator's read-model
# mode, prints the markdown table and writes it to artifacts/benchmarks/read-model-<time>.md.
# With --data DIR the seeded cluster is kept for the next run (seeding 1M customers takes minutes).
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
export NUGET_CERT_REVOCATION_MODE="${NUGET_CERT_REVOCATION_MODE:-offline}"
source deploy/postgres.sh
source deploy/bench-common.sh

customers=1000000
data=""
generator_args=()
while (( $# > 0 )); do
  case "$1" in
    --customers) customers=$2; shift 2 ;;
    --data) data=$2; shift 2 ;;
    *) generator_args+=("$1"); shift ;;
  esac
done

postgres_ensure
bench_build
bench_ports

keep=true
if [[ -z "$data" ]]; then
  keep=false
  data=$(mktemp -d "${TMPDIR:-/tmp}/customerneeds-rmbench.XXXXXX")
fi
mkdir -p "$data"
chmod 755 "$data"
data=$(cd "$data" && pwd)
datadir="$data/postgres"
results_dir="$PWD/artifacts/benchmarks"
mkdir -p "$results_dir"
stamp=$(date -u +%Y%m%d-%H%M%S)
server_pid=""

cleanup() {
  stop_server "$server_pid"
  [[ -f "$data/server.log" ]] && cp "$data/server.log" "$results_dir/read-model-server-$stamp.log" || true
  postgres_stop "$datadir" || true
  $keep || rm -rf "$data"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

postgres_start "$datadir" "$pg_port"
connection="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres"
export ConnectionStrings__CustomerNeeds="$connection"

marker="$data/seeded-$customers"
if [[ ! -f "$marker" ]]; then
  echo "benchmark-read-model.sh: seeding $customers customers" >&2
  seed_start=$(date +%s)
  Logging__LogLevel__Default=Warning dotnet "$server_dll" seed --customers "$customers" >&2
  echo "benchmark-read-model.sh: seeded in $(( $(date +%s) - seed_start )) s; VACUUM ANALYZE" >&2
  "$(postgres_bin_dir)/psql" -q -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres -c "VACUUM ANALYZE" >&2
  touch "$marker"
fi
sizes=$("$(postgres_bin_dir)/psql" -tA -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres -c \
  "SELECT (SELECT count(*) FROM customer_summaries) || ' customers, ' || (SELECT count(*) FROM customer_events) || ' events, ' || (SELECT count(*) FROM customer_summary_needs) || ' needs, ' || (SELECT count(*) FROM customer_complaints) || ' complaints; database ' || pg_size_pretty(pg_database_size('postgres'))")

echo "benchmark-read-model.sh: starting the server on 127.0.0.1:$grpc_port" >&2
bench_security "$data/api-key"
env \
  CustomerNeeds__ListenAddress=127.0.0.1 \
  CustomerNeeds__GrpcPort="$grpc_port" \
  CustomerNeeds__Cluster__SiloPort="$silo_port" \
  CustomerNeeds__Cluster__GatewayPort="$gateway_port" \
  CustomerNeeds__Cluster__ServiceId="rmbench-$stamp" \
  CustomerNeeds__Loyalty__LoyaltySweepEnabled=false \
  Logging__LogLevel__Default=Warning \
  DOTNET_ENVIRONMENT=Production ASPNETCORE_ENVIRONMENT=Production \
  dotnet "$server_dll" >"$data/server.log" 2>&1 &
server_pid=$!
bench_api_key "$data/api-key"
for _ in $(seq 1 120); do
  (exec 3<>"/dev/tcp/127.0.0.1/$grpc_port") 2>/dev/null && break
  kill -0 "$server_pid" 2>/dev/null || { echo "benchmark-read-model.sh: the server exited; see $data/server.log" >&2; exit 1; }
  sleep 0.5
done
# The RFM schedule runs once shortly after start-up: let it finish before measuring.
sleep 30

dotnet "$generator_dll" read-model \
  --address "http://127.0.0.1:$grpc_port" \
  --output "$results_dir/read-model-$stamp.md" \
  --note "Data: $sizes (seeded by the bulk path)" \
  "${generator_args[@]}"
