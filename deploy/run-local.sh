#!/usr/bin/env bash
# THE run command: serves CustomerNeeds on 127.0.0.1:5080 (gRPC, HTTP/2 cleartext).
#
#   ./deploy/run-local.sh                 durable: a local PostgreSQL in .data/postgres (port 5433),
#                                         started when needed; state survives restarts
#   ./deploy/run-local.sh --in-memory     nothing persisted; no PostgreSQL needed
#
# Environment: CUSTOMERNEEDS_PG_PORT (default 5433), CUSTOMERNEEDS_DATA_DIR (default .data/postgres
# in the repository), and any server setting as CustomerNeeds__<Name> (see README.md).
# The PostgreSQL cluster keeps running after the server exits; stop it with
#   ./deploy/postgres.sh stop .data/postgres
# Calls need an API key: the server writes a local one (roles agent, analyst, admin) to
# .data/local-api-key on its first start (with --in-memory: at every start); send it as x-api-key.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

mkdir -p .data
export CustomerNeeds__Security__BootstrapKeyFile="${CustomerNeeds__Security__BootstrapKeyFile:-$PWD/.data/local-api-key}"
echo "run-local.sh: the local API key is in $CustomerNeeds__Security__BootstrapKeyFile (written at start-up if missing); calls send it as the x-api-key header" >&2

for arg in "$@"; do
  if [[ "$arg" == "--in-memory" ]]; then
    exec dotnet run --project src/CustomerNeeds.Server -c Release -- "$@"
  fi
done

source deploy/postgres.sh
port="${CUSTOMERNEEDS_PG_PORT:-5433}"
datadir="${CUSTOMERNEEDS_DATA_DIR:-$PWD/.data/postgres}"
mkdir -p "$(dirname "$datadir")"
chmod 755 "$(dirname "$datadir")"
postgres_ensure
postgres_start "$datadir" "$port"

# The database is created once; the server applies its schema migrations at start-up.
postgres_ensure_database "$port" customerneeds

export ConnectionStrings__CustomerNeeds="Host=127.0.0.1;Port=$port;Username=postgres;Database=customerneeds"
exec dotnet run --project src/CustomerNeeds.Server -c Release -- "$@"
