#!/usr/bin/env bash
# THE test command: runs every test of CustomerNeeds.sln against a throwaway PostgreSQL.
#
#   ./deploy/test.sh [extra dotnet test arguments, e.g. --filter FullyQualifiedName~Storage]
#
# Installs PostgreSQL when it is missing (deploy/postgres.sh ensure), starts a fresh cluster in a
# temporary directory on a free loopback port, exports its connection string as
# CUSTOMERNEEDS_TEST_POSTGRES for the tests, runs `dotnet test CustomerNeeds.sln -c Release` without
# the fault tests (Category=Fault; the extra arguments go to this pass, a --filter is combined with the
# exclusion), then, unless a --filter selected tests or CUSTOMERNEEDS_SKIP_FAULT_TESTS=1, the fault
# tests of tests/CustomerNeeds.Cluster.Tests, which start their own PostgreSQL and servers
# (docs/operations.md, "Fault tests"). Stops the cluster and removes the directory whatever the
# outcome. Exits non-zero when either pass fails.
set -euo pipefail
cd "$(dirname "$0")/.."
source deploy/postgres.sh

postgres_ensure

# The next loopback port from $1 upwards that nothing answers on.
free_port() {
  local port=$1
  while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do
    port=$((port + 1))
  done
  echo "$port"
}

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

# A port nothing answers on may still be taken (another program's outgoing connection, or a server
# that started since): then the next one is tried, with the same cluster.
port=$(free_port 55432)
until postgres_start "$datadir" "$port"; do
  if (( port > 55632 )); then
    echo "test.sh: PostgreSQL could not listen on any port in 55432-55632" >&2
    exit 1
  fi
  echo "test.sh: trying the next port" >&2
  port=$(free_port $((port + 1)))
done

export CUSTOMERNEEDS_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"

# The first pass leaves out the fault tests; a caller's --filter is combined with that. A caller who
# selects tests with --filter gets no fault pass (run it directly, see docs/operations.md).
args=()
filter="Category!=Fault"
selected=0
while (( $# > 0 )); do
  case "$1" in
    --filter)
      filter="($2)&Category!=Fault"
      selected=1
      shift 2
      ;;
    --filter=*)
      filter="(${1#--filter=})&Category!=Fault"
      selected=1
      shift
      ;;
    *)
      args+=("$1")
      shift
      ;;
  esac
done

rc=0
dotnet test CustomerNeeds.sln -c Release --filter "$filter" "${args[@]}" || rc=$?

if (( selected == 0 )) && [[ "${CUSTOMERNEEDS_SKIP_FAULT_TESTS:-}" != "1" ]]; then
  fault_rc=0
  dotnet test tests/CustomerNeeds.Cluster.Tests -c Release --no-build --filter "Category=Fault" || fault_rc=$?
  if (( rc == 0 )); then
    rc=$fault_rc
  fi
fi
exit "$rc"
