#!/usr/bin/env bash
# The loyalty sweep's read side at scale (docs/benchmarks.md, "Loyalty sweep: the due-customers
# query"): customer_summaries with N synthetic rows (default 1,000,000), of which 1% are due, 20%
# have nothing pending (next_review_at null) and the rest are due within the next year; then
# EXPLAIN (ANALYZE, BUFFERS) of the sweep's first and a later keyset page (LoyaltySweepBatchSize
# 500) and the server-side time of walking every due row page by page.
#
#   ./deploy/benchmark-loyalty-sweep.sh [--customers N] [--port P]
#
# With --port it uses the PostgreSQL already running on 127.0.0.1:P; without, it starts a throwaway
# one (deploy/postgres.sh). Either way it works in a new database that it drops at the end. The
# schema is the service's: every file of src/CustomerNeeds.Storage/Migrations, in order.
set -euo pipefail
cd "$(dirname "$0")/.."
source deploy/postgres.sh
source deploy/bench-common.sh

customers=1000000
port=""
while (( $# > 0 )); do
  case "$1" in
    --customers) customers=$2; shift 2 ;;
    --port) port=$2; shift 2 ;;
    *) echo "usage: $0 [--customers N] [--port P]" >&2; exit 2 ;;
  esac
done

datadir=""
database="loyalty_sweep_bench_$$"
cleanup() {
  if [[ -n "$port" ]]; then
    "$(postgres_bin_dir)/psql" -q -h 127.0.0.1 -p "$port" -U postgres -d postgres -c "DROP DATABASE IF EXISTS $database" >/dev/null 2>&1 || true
  fi
  if [[ -n "$datadir" ]]; then
    postgres_stop "$datadir/postgres" >/dev/null 2>&1 || true
    rm -rf "$datadir"
  fi
}
trap cleanup EXIT

if [[ -z "$port" ]]; then
  postgres_ensure
  datadir=$(mktemp -d "${TMPDIR:-/tmp}/customerneeds-sweepbench.XXXXXX")
  chmod 755 "$datadir"
  mkdir -p "$datadir/postgres"
  port=$(free_port 56600)
  postgres_start "$datadir/postgres" "$port"
fi

psql_db() { "$(postgres_bin_dir)/psql" -X -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres -d "$database" "$@"; }
"$(postgres_bin_dir)/psql" -X -q -h 127.0.0.1 -p "$port" -U postgres -d postgres -c "CREATE DATABASE $database" >/dev/null
for migration in src/CustomerNeeds.Storage/Migrations/*.sql; do
  psql_db -q -1 -f "$migration" >/dev/null
done

echo "benchmark-loyalty-sweep.sh: seeding $customers summary rows" >&2
psql_db -q <<SQL
INSERT INTO customer_summaries (
    customer_id, display_name, kind, value_types, relationship_mode, tags, attributes,
    ladder_stage, churn_risk_score, churn_risk_level, csat_count, open_complaint_count, complaint_count,
    interaction_count, purchase_count, lifetime_spend, referral_count, created_at, updated_at,
    evaluated_at, last_sequence, next_review_at)
SELECT 'c-' || lpad(i::text, 8, '0'), 'Customer ' || i, 3, '{}', 0, '{}', '{}',
       2, 0.1, 1, 0, 0, 0, 1, 0, 0, 0, now() - interval '400 days', now() - interval '1 day',
       now() - interval '1 day', 3,
       CASE WHEN i % 100 = 0 THEN now() - (i % 86400) * interval '1 second'
            WHEN i % 5 = 1 THEN NULL
            ELSE now() + (i % 31536000) * interval '1 second' END
FROM generate_series(1, $customers) AS i;
VACUUM ANALYZE customer_summaries;
SQL

psql_db -A -t -c "SELECT 'Rows: ' || count(*) || ', due: ' || count(*) FILTER (WHERE next_review_at <= now()) || ', null: ' || count(*) FILTER (WHERE next_review_at IS NULL) || '; table ' || pg_size_pretty(pg_table_size('customer_summaries')) || ', index customer_summaries_next_review ' || pg_size_pretty(pg_relation_size('customer_summaries_next_review')) FROM customer_summaries"

page="SELECT customer_id, next_review_at, last_sequence FROM customer_summaries
      WHERE next_review_at IS NOT NULL AND next_review_at <= now() AND (next_review_at, customer_id) > (%s, %s)
      ORDER BY next_review_at, customer_id LIMIT 500"
echo "## First page"
psql_db -A -t -c "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) $(printf "$page" "'-infinity'::timestamptz" "''")"
echo "## A later page (after the 5,000th due row)"
after=$(psql_db -A -t -F ',' -c "SELECT quote_literal(next_review_at) || '::timestamptz', quote_literal(customer_id) FROM customer_summaries WHERE next_review_at <= now() ORDER BY next_review_at, customer_id OFFSET 4999 LIMIT 1")
if [[ -n "$after" ]]; then
  psql_db -A -t -c "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) $(printf "$page" "${after%%,*}" "${after#*,}")"
else
  echo "skipped: fewer than 5,000 due rows"
fi

echo "## Walking every due row, 500 a page (server side)"
psql_db -A -t <<'SQL'
DO $$
DECLARE
  started timestamptz := clock_timestamp();
  last_at timestamptz := '-infinity';
  last_id text := '';
  pages int := 0;
  rows_seen int := 0;
  n int;
BEGIN
  LOOP
    SELECT count(*), max(next_review_at), (array_agg(customer_id ORDER BY next_review_at DESC, customer_id DESC))[1]
      INTO n, last_at, last_id
      FROM (SELECT customer_id, next_review_at FROM customer_summaries
            WHERE next_review_at IS NOT NULL AND next_review_at <= now() AND (next_review_at, customer_id) > (last_at, last_id)
            ORDER BY next_review_at, customer_id LIMIT 500) page;
    EXIT WHEN n = 0;
    pages := pages + 1;
    rows_seen := rows_seen + n;
    EXIT WHEN n < 500;
  END LOOP;
  RAISE NOTICE 'walked % due rows in % pages: % ms', rows_seen, pages,
    round(extract(epoch FROM clock_timestamp() - started) * 1000, 1);
END $$;
SQL
