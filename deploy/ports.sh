#!/usr/bin/env bash
# Sourced by the benchmark scripts: free_port FROM prints the first loopback port from FROM upwards
# that nothing answers on (at most 500 tried).
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
