#!/usr/bin/env bash
# THE benchmark command: every scenario of docs/benchmarks.md in one run against one server.
#
#   ./deploy/benchmark.sh [load generator options, e.g. --quick, --duration 60, --memory-customers 20000]
#
# Builds the server and the load generator (Release), starts a throwaway PostgreSQL on a free
# loopback port (deploy/postgres.sh, as deploy/test.sh does), starts the server on free ports with
# the benchmark-only service enabled, runs the load generator (tests/CustomerNeeds.Benchmarks)
# against it, cross-checks the Echo scenario with h2load (Debian package nghttp2-client, installed
# when missing and running as root; skipped with a message otherwise), prints the markdown results
# and writes them to artifacts/benchmarks/ (git-ignored). Stops the server and PostgreSQL and
# removes their directory whatever the outcome. Every argument goes to the load generator
# (`--help` lists them), except `--profile`: with it, `perf record` samples every process of the
# machine (server, PostgreSQL, load generator) during the run, the server writes a perf map so that
# JIT-compiled .NET methods have names, and the flat profile (self time per process and function)
# goes to artifacts/benchmarks/profile-<time>.txt. Use it with `--only` to profile one scenario.
# Exits with the load generator's code.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
export NUGET_CERT_REVOCATION_MODE="${NUGET_CERT_REVOCATION_MODE:-offline}"
source deploy/postgres.sh
source deploy/bench-common.sh

for arg in "$@"; do
  if [[ "$arg" == "--help" || "$arg" == "-h" ]]; then
    dotnet run --project tests/CustomerNeeds.Benchmarks -c Release -- --help
    exit 0
  fi
done

quick=false
profile=false
generator_args=()
for arg in "$@"; do
  [[ "$arg" == "--quick" ]] && quick=true
  if [[ "$arg" == "--profile" ]]; then
    profile=true
  else
    generator_args+=("$arg")
  fi
done
if $profile && ! command -v perf >/dev/null 2>&1; then
  echo "benchmark.sh: --profile needs perf (Debian package linux-perf)" >&2
  exit 2
fi

postgres_ensure

bench_build
bench_ports

# Under /tmp so that the "postgres" user can reach it when we run as root.
workdir=$(mktemp -d "${TMPDIR:-/tmp}/customerneeds-bench.XXXXXX")
chmod 755 "$workdir"
datadir="$workdir/postgres"
results_dir="$PWD/artifacts/benchmarks"
mkdir -p "$results_dir"
stamp=$(date -u +%Y%m%d-%H%M%S)
results="$results_dir/results-$stamp.md"
server_pid=""
perf_pid=""

cleanup() {
  if [[ -n "$perf_pid" ]] && kill -0 "$perf_pid" 2>/dev/null; then
    kill -INT "$perf_pid" 2>/dev/null || true
    wait "$perf_pid" 2>/dev/null || true
  fi
  stop_server "$server_pid"
  if [[ -f "$workdir/server.log" ]]; then
    cp "$workdir/server.log" "$results_dir/server-$stamp.log" || true
  fi
  postgres_stop "$datadir" || true
  rm -rf "$workdir"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

postgres_start "$datadir" "$pg_port"
postgres_pid=$(head -n 1 "$datadir/postmaster.pid")
connection="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres"

# The server as deployed, plus: the benchmark-only service; logging at Warning (the default
# Information level writes a console line for every SQL command and every grain placement,
# which would be measured as well); a pool that fits the throwaway cluster's 200 connections.
echo "benchmark.sh: starting the server on 127.0.0.1:$grpc_port" >&2
bench_security "$workdir/api-key"
env \
  ConnectionStrings__CustomerNeeds="$connection" \
  CustomerNeeds__ListenAddress=127.0.0.1 \
  CustomerNeeds__GrpcPort="$grpc_port" \
  CustomerNeeds__Cluster__SiloPort="$silo_port" \
  CustomerNeeds__Cluster__GatewayPort="$gateway_port" \
  CustomerNeeds__Cluster__ServiceId="benchmark-$stamp" \
  CustomerNeeds__Benchmark__Enabled=true \
  CustomerNeeds__Loyalty__LoyaltySweepEnabled=false \
  Logging__LogLevel__Default=Warning \
  "Logging__LogLevel__CustomerNeeds.Server.Benchmarking=Information" \
  DOTNET_ENVIRONMENT=Production ASPNETCORE_ENVIRONMENT=Production \
  DOTNET_PerfMapEnabled="$($profile && echo 1 || echo 0)" \
  DOTNET_EnableWriteXorExecute="$($profile && echo 0 || echo 1)" \
  dotnet "$server_dll" >"$workdir/server.log" 2>&1 &
server_pid=$!
bench_api_key "$workdir/api-key"

if $profile; then
  perf record -F 499 -a -g -o "$workdir/perf.data" -- sleep infinity 2>"$workdir/perf.log" &
  perf_pid=$!
fi

# The flat profile of a perf recording: CPU share per process, then the heaviest functions of the
# server and of PostgreSQL (self time, as a share of that process's samples).
write_profile() {
  # Best effort, and `head` closes its pipe early: no errexit or pipefail in here.
  local -
  set +e +o pipefail
  local data=$1
  echo "# CPU samples of the whole machine during the run (perf record -a, 499 Hz per CPU)"
  echo
  echo "## Share of all samples by process"
  echo
  perf script -i "$data" -F comm,pid 2>/dev/null | awk -v server="$server_pid" '
    { n++; pid = $NF; if (pid == server) p["server"]++; else if ($1 == "postgres") p["PostgreSQL"]++;
      else if (pid == 0) p["idle"]++; else p["other (load generator, kernel threads, ...)"]++ }
    END { for (k in p) printf "%6.1f%%  %s\n", 100 * p[k] / n, k }' | sort -rn
  echo
  echo "## Server: CPU by module (.NET assembly, or shared object for native code)"
  echo
  echo "self: the sampled instruction is in the module; on stack: the module is anywhere on the sampled stack."
  echo
  perf script -i "$data" -F comm,pid,ip,sym,dso 2>/dev/null | awk -v server="$server_pid" '
    function module(line,   m) {
      if (match(line, /\[[A-Za-z0-9_.]+\] [^ ]+::/)) { m = substr(line, RSTART + 1); sub(/\].*/, "", m); return m }
      if (match(line, /\([^()]*\)$/)) { m = substr(line, RSTART + 1, RLENGTH - 2); sub(/.*\//, "", m); sub(/^perf-[0-9]+\.map$/, "runtime stubs", m); return m }
      return "unknown"
    }
    /^[^\t]/ { inserver = ($NF == server); leaf = 1; split("", seen); if (inserver) total++; next }
    /^\t/ && inserver { m = module($0); if (leaf) { self[m]++; leaf = 0 } if (!(m in seen)) { seen[m] = 1; stack[m]++ } }
    END {
      printf "%7s %9s  %s\n", "self", "on stack", "module"
      for (m in stack) printf "%6.1f%% %8.1f%%  %s\n", 100 * self[m] / total, 100 * stack[m] / total, m
    }' | sort -k1,1 -rn | head -n 30
  echo
  echo "## Server: CPU by thread (GC threads, JIT threads, thread-pool workers, ...)"
  echo
  perf script -i "$data" -F comm,pid 2>/dev/null | awk -v server="$server_pid" '
    $NF == server { n++; name = $0; sub(/[ ]+[0-9]+[ ]*$/, "", name); sub(/^[ ]+/, "", name); t[name]++ }
    END { for (k in t) printf "%6.1f%%  %s\n", 100 * t[k] / n, k }' | sort -rn | head -n 12
  local view
  for view in "Server:--pid $server_pid --sort dso,sym --percent-limit 0.5" "PostgreSQL:--comm postgres --sort sym --percent-limit 1"; do
    echo
    echo "## ${view%%:*}: functions by self time (share of its samples)"
    echo
    # shellcheck disable=SC2086
    perf report -i "$data" --stdio --no-children -g none --percentage relative ${view#*:} 2>/dev/null | grep -v '^#' | grep -v '^$' | head -n 60
  done
}

rc=0
dotnet "$generator_dll" \
  --address "http://127.0.0.1:$grpc_port" \
  --postgres "$connection" \
  --server-pid "$server_pid" \
  --postgres-pid "$postgres_pid" \
  --output "$results" \
  "${generator_args[@]}" >/dev/null || rc=$?

if $profile; then
  kill -INT "$perf_pid" 2>/dev/null || true
  wait "$perf_pid" 2>/dev/null || true
  perf_pid=""
  profile_file="$results_dir/profile-$stamp.txt"
  write_profile "$workdir/perf.data" >"$profile_file"
  cp "$workdir/perf.data" "$results_dir/perf-$stamp.data" 2>/dev/null || true
  echo "benchmark.sh: profile in ${profile_file#"$PWD/"}" >&2
fi

if ! kill -0 "$server_pid" 2>/dev/null; then
  echo "benchmark.sh: the server exited during the run; last lines of its log:" >&2
  tail -n 40 "$workdir/server.log" >&2 || true
  if [[ $rc -eq 0 ]]; then
    rc=1
  fi
fi

# Cross-check of scenario 1 (Echo) with an independent HTTP/2 client: h2load from nghttp2.
h2load_check() {
  if ! command -v h2load >/dev/null 2>&1; then
    if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
      echo "benchmark.sh: installing h2load (Debian package nghttp2-client)" >&2
      DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends nghttp2-client >&2 \
        || { apt-get update -q >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends nghttp2-client >&2; } \
        || true
    fi
  fi
  if ! command -v h2load >/dev/null 2>&1; then
    printf '\n## h2load cross-check of Echo\n\nSkipped: h2load is not installed (install the Debian package nghttp2-client as root).\n'
    return 0
  fi

  # One gRPC message: compressed flag 0, 4-byte big-endian length 18, then EchoRequest
  # { payload (field 1, bytes) = 16 bytes }: tag 0x0a, length 0x10, "abcdefghijklmnop"
  # (the load generator's default payload).
  local body="$workdir/echo.bin"
  printf '\x00\x00\x00\x00\x12\x0a\x10abcdefghijklmnop' >"$body"
  local duration=30 warmup=10 clients=4 streams=64
  if [[ $quick == true ]]; then
    duration=5 warmup=2
  fi
  local out="$workdir/h2load.txt"
  if ! h2load -c "$clients" -m "$streams" -D "$duration" --warm-up-time="$warmup" \
      -d "$body" -H 'content-type: application/grpc' -H 'te: trailers' -H "x-api-key: $CUSTOMERNEEDS_API_KEY" \
      "http://127.0.0.1:$grpc_port/customerneeds.benchmark.v1.BenchmarkService/Echo" >"$out" 2>&1; then
    printf '\n## h2load cross-check of Echo\n\nh2load failed:\n\n```\n%s\n```\n' "$(tail -n 20 "$out")"
    return 0
  fi
  printf '\n## h2load cross-check of Echo\n\n'
  printf 'h2load -c %s -m %s (%s concurrent streams over %s connections), %s s after %s s warm-up, same 16-byte Echo request:\n\n```\n%s\n```\n' \
    "$clients" "$streams" "$((clients * streams))" "$clients" "$duration" "$warmup" \
    "$(grep -E '^(finished in|requests:|status codes:|time for request:|time to 1st byte:|req/s)' "$out")"
}

if kill -0 "$server_pid" 2>/dev/null && [[ -f "$results" ]]; then
  h2load_check >>"$results"
fi

if [[ -f "$results" ]]; then
  cat "$results"
  cp "$results" "$results_dir/latest.md"
  echo >&2
  echo "benchmark.sh: results in ${results#"$PWD/"} (and artifacts/benchmarks/latest.md)" >&2
fi
exit "$rc"
