#!/usr/bin/env bash
# Rebuilds the read model (customer_summaries, customer_summary_needs, kano_answers) from the
# event log: every customer's log is folded and projected as the write path does, and the rows
# are upserted in one transaction per batch of customers, never over a newer row. Safe beside a
# running server; run it once after migrating an existing database (docs/operations.md).
#
#   ./deploy/rebuild-read-model.sh [--batch-size N]
#
# The database is ConnectionStrings__CustomerNeeds when set; otherwise the local cluster of
# run-local.sh (.data/postgres on port CUSTOMERNEEDS_PG_PORT, default 5433), started when needed.
# Any server setting (CustomerNeeds__Policy__..., which the churn and ladder values follow) is
# read from the environment as for the server.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

if [[ -z "${ConnectionStrings__CustomerNeeds:-}" ]]; then
  source deploy/postgres.sh
  port="${CUSTOMERNEEDS_PG_PORT:-5433}"
  datadir="${CUSTOMERNEEDS_DATA_DIR:-$PWD/.data/postgres}"
  postgres_ensure
  postgres_start "$datadir" "$port"
  export ConnectionStrings__CustomerNeeds="Host=127.0.0.1;Port=$port;Username=postgres;Database=customerneeds"
fi

exec dotnet run --project src/CustomerNeeds.Server -c Release -- rebuild-read-model "$@"
