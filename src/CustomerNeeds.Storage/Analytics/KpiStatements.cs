namespace CustomerNeeds.Storage.Analytics;

/// <summary>
/// The SQL of <see cref="KpiQuery"/> (docs/kpis.md). Each grouped statement returns a first column
/// that is 1 on the row of all channels and 0 on a channel's row, then the channel text.
/// </summary>
internal static class KpiStatements
{
    /// <summary>
    /// Interactions in [$1, $2), per customer, then summed: one row for all channels; with
    /// <paramref name="perChannel"/>, per customer and channel, then one row per channel instead
    /// (two statements rather than one with grouping sets: run side by side they take half the time).
    /// $3, $4, $5: the kind texts of a complaint, a referral and a purchase. A buyer repeats with at
    /// least two purchases in the window (in the channel, on a channel's row). Counts per customer
    /// are int so that the sums over customers stay bigint (not numeric).
    /// </summary>
    public static string Interactions(bool perChannel, string restriction) => $"""
        WITH per_customer AS (
            SELECT e.customer_id,
                   {(perChannel ? "e.channel, 0 AS all_channels" : "NULL::text AS channel, 1 AS all_channels")},
                   count(*)::int AS interactions,
                   count(e.csat)::int AS csat_count,
                   COALESCE(sum(e.csat), 0)::int AS csat_sum,
                   count(e.nps)::int AS nps_count,
                   (count(*) FILTER (WHERE e.nps >= 9))::int AS promoters,
                   (count(*) FILTER (WHERE e.nps <= 6))::int AS detractors,
                   bool_or(e.kind = $3) AS complained,
                   bool_or(e.kind = $4) AS referred,
                   (count(*) FILTER (WHERE e.kind = $5))::int AS purchases
            FROM customer_events e
            WHERE e.interaction_id IS NOT NULL AND e.occurred_at >= $1 AND e.occurred_at < $2{restriction}
            GROUP BY {(perChannel ? "e.customer_id, e.channel" : "e.customer_id")}
        )
        SELECT p.all_channels, p.channel,
               sum(p.interactions),
               count(*),
               sum(p.csat_count),
               sum(p.csat_sum),
               sum(p.nps_count),
               sum(p.promoters),
               sum(p.detractors),
               count(*) FILTER (WHERE p.complained),
               count(*) FILTER (WHERE p.referred),
               count(*) FILTER (WHERE p.purchases > 0),
               count(*) FILTER (WHERE p.purchases > 1)
        FROM per_customer p
        GROUP BY p.all_channels, p.channel
        """;

    /// <summary>
    /// Complaints opened in [$1, $2) with their outcome now; $3: the direction number of an
    /// inbound contact, which (naming the complaint as related) spoils first-contact resolution.
    /// </summary>
    public static string Complaints(bool byChannel, string restriction) => $"""
        SELECT {(byChannel ? "GROUPING(k.channel), k.channel" : "1, NULL::text")},
               count(*),
               count(k.first_response_at),
               percentile_cont(0.5) WITHIN GROUP (ORDER BY k.response_seconds),
               percentile_cont(0.9) WITHIN GROUP (ORDER BY k.response_seconds),
               count(k.resolved_at),
               percentile_cont(0.5) WITHIN GROUP (ORDER BY k.resolution_seconds),
               percentile_cont(0.9) WITHIN GROUP (ORDER BY k.resolution_seconds),
               count(*) FILTER (WHERE k.first_contact)
        FROM (
            SELECT c.channel, c.first_response_at, c.resolved_at,
                   extract(epoch FROM c.first_response_at - c.opened_at)::double precision AS response_seconds,
                   extract(epoch FROM c.resolved_at - c.opened_at)::double precision AS resolution_seconds,
                   c.resolved_at IS NOT NULL AND COALESCE(c.reopen_count, 0) = 0 AND NOT EXISTS (
                       SELECT 1 FROM customer_events r
                       WHERE r.customer_id = c.customer_id AND r.related_complaint_id = c.complaint_id AND r.direction = $3
                   ) AS first_contact
            FROM customer_complaints c
            WHERE c.opened_at >= $1 AND c.opened_at < $2 AND c.status <> 'Merged'{restriction}
        ) k
        GROUP BY {(byChannel ? "GROUPING SETS ((), (k.channel))" : "()")}
        """;

    /// <summary>
    /// The buyers of [$1, $2) (the base, restricted) and how many of them bought nothing in [$2, $3);
    /// $4: the kind text of a purchase.
    /// </summary>
    public static string Churn(string restriction) => $"""
        WITH base AS (
            SELECT DISTINCT b.customer_id FROM customer_events b
            WHERE interaction_id IS NOT NULL AND kind = $4 AND occurred_at >= $1 AND occurred_at < $2{restriction}
        ), kept AS (
            SELECT DISTINCT customer_id FROM customer_events
            WHERE interaction_id IS NOT NULL AND kind = $4 AND occurred_at >= $2 AND occurred_at < $3
        )
        SELECT count(*), count(*) FILTER (WHERE k.customer_id IS NULL)
        FROM base b
        LEFT JOIN kept k ON k.customer_id = b.customer_id
        """;
}
