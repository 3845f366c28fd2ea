using CustomerNeeds.Search.Customers;
using CustomerNeeds.Storage.ReadModel;

namespace CustomerNeeds.Storage.Analytics;

/// <summary>
/// Restricts an analytics statement to the customers of a segment: a condition
/// <c>AND {alias}.customer_id IN (SELECT ... FROM customer_summaries WHERE {filter})</c>, the filter
/// translated by <see cref="CustomerFilterSql"/> into the statement's own parameter list.
/// </summary>
internal static class SegmentRestriction
{
    private const string SummaryAlias = "segment_member";

    /// <summary>The condition for the row <paramref name="alias"/> (a table with customer_id); "" without a segment.</summary>
    public static string On(string alias, CustomerFilter? segment, SqlParameters parameters) =>
        segment is null
            ? ""
            : $" AND {alias}.customer_id IN (SELECT {SummaryAlias}.customer_id FROM customer_summaries {SummaryAlias} WHERE {SummaryAlias}.merged_into IS NULL AND ({CustomerFilterSql.Predicate(segment, SummaryAlias, parameters)}))";
}
