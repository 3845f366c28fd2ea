#!/usr/bin/env bash
# THE test command: runs every test of CustomerNeeds.sln against a throwaway PostgreSQL.
#
#   ./deploy/test.sh [extra dotnet test arguments, e.g. --filter FullyQualifiedName~Storage]
#
# Installs PostgreSQL when it is missing (deploy/postgres.sh ensure), starts a fresh cluster in a
# temporary directory on a free loopback port, exports its connection string as
# CUSTOMERNEEDS_TEST_POSTGRES for the tests, runs `dotnet test CustomerNeeds.sln -c Release` without
# the fault tests (trait Category=Fault), then the fault tests (tests/CustomerNeeds.Cluster.Tests: a
# three-server cluster over a PostgreSQL of their own, a few minutes; docs/operations.md, "Fault
# tests"), then stops the cluster and removes the directory whatever the outcome. A --filter given
# here applies to both runs. CUSTOMERNEEDS_FAULT_TESTS=0 skips the fault tests. Exits non-zero when
# either run failed.
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

# A --filter of the caller is combined with the fault trait; the other arguments pass unchanged.
user_filter=""
args=()
while (( $# > 0 )); do
  case "$1" in
    --filter) user_filter=$2; shift 2 ;;
    --filter=*) user_filter=${1#--filter=}; shift ;;
    *) args+=("$1"); shift ;;
  esac
done
with_trait() {
  if [[ -n "$user_filter" ]]; then printf '(%s)&%s' "$user_filter" "$1"; else printf '%s' "$1"; fi
}

rc=0
dotnet test CustomerNeeds.sln -c Release ${args[@]+"${args[@]}"} --filter "$(with_trait 'Category!=Fault')" || rc=$?

fault_rc=0
if [[ "${CUSTOMERNEEDS_FAULT_TESTS:-1}" != 0 ]]; then
  # Built by the run above (the project is in the solution).
  no_build=--no-build
  for arg in ${args[@]+"${args[@]}"}; do [[ "$arg" == --no-build ]] && no_build=""; done
  dotnet test tests/CustomerNeeds.Cluster.Tests/CustomerNeeds.Cluster.Tests.csproj -c Release $no_build \
    ${args[@]+"${args[@]}"} --filter "$(with_trait 'Category=Fault')" || fault_rc=$?
fi

if (( rc != 0 )); then exit "$rc"; fi
exit "$fault_rc"
