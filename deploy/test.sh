#!/usr/bin/env bash
# THE test command: runs every test of CustomerNeeds.sln against a throwaway PostgreSQL.
#
#   ./deploy/test.sh [extra dotnet test arguments, e.g. --filter FullyQualifiedName~Storage]
#
# Installs PostgreSQL when it is missing (deploy/postgres.sh ensure), starts a fresh cluster in a
# temporary directory on a free loopback port, exports its connection string as
# CUSTOMERNEEDS_TEST_POSTGRES for the tests, runs `dotnet test CustomerNeeds.sln -c Release`, then
# stops the cluster and removes the directory whatever the outcome. Exits with dotnet test's code.
set -euo pipefail
cd "$(dirname "$0")/.."
source deploy/postgres.sh

postgres_ensure

# A free loopback port: the first from 55432 upwards that nothing answers on.
port=55432
while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do
  port=$((port + 1))
  if (( port > 55632 )); then
    echo "test.sh: no free port in 55432-55632" >&2
    exit 1
  fi
done

# Under /tmp so that the "postgres" user can reach it when we run as root.
workdir=$(mktemp -d "${TMPDIR:-/tmp}/customerneeds-test.XXXXXX")
chmod 755 "$workdir"
datadir="$workdir/postgres"

cleanup() {
  postgres_stop "$datadir" || true
  rm -rf "$workdir"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

postgres_start "$datadir" "$port"

export CUSTOMERNEEDS_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"

rc=0
dotnet test CustomerNeeds.sln -c Release "$@" || rc=$?
exit "$rc"
