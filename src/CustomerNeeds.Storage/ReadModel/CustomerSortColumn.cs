using CustomerNeeds.Search.Customers;

namespace CustomerNeeds.Storage.ReadModel;

/// <summary>The <c>customer_summaries</c> column behind a sort field of order_by.</summary>
/// <param name="Column">Column name.</param>
/// <param name="Kind">What values it holds.</param>
/// <param name="Nullable">True when customers may have no value (they sort last in either direction).</param>
/// <param name="ValueOf">The column's value in a row read by a search (null for no value).</param>
public sealed record CustomerSortColumn(string Column, SortValueKind Kind, bool Nullable, Func<CustomerSearchRow, object?> ValueOf)
{
    /// <summary>The tie-breaker of every ordering: the customer id (the resource name's last part), ascending.</summary>
    public static CustomerSortColumn CustomerId { get; } = new("customer_id", SortValueKind.Text, false, r => r.CustomerId);

    /// <summary>The column of <paramref name="field"/>.</summary>
    public static CustomerSortColumn Of(CustomerSortField field) => field switch
    {
        CustomerSortField.Name => CustomerId,
        CustomerSortField.DisplayName => new("display_name", SortValueKind.Text, false, r => r.DisplayName),
        CustomerSortField.CreateTime => new("created_at", SortValueKind.Timestamp, false, r => r.CreatedAt),
        CustomerSortField.UpdateTime => new("updated_at", SortValueKind.Timestamp, false, r => r.UpdatedAt),
        CustomerSortField.LastInteractionTime => new("last_interaction_at", SortValueKind.Timestamp, true, r => r.LastInteractionAt),
        CustomerSortField.OpenComplaintCount => new("open_complaint_count", SortValueKind.Integer, false, r => r.OpenComplaintCount),
        CustomerSortField.LadderStage => new("ladder_stage", SortValueKind.Integer, false, r => r.LadderStage),
        CustomerSortField.ChurnRiskScore => new("churn_risk_score", SortValueKind.Number, false, r => r.ChurnRiskScore),
        CustomerSortField.CsatMean => new("csat_mean", SortValueKind.Number, true, r => r.CsatMean),
        CustomerSortField.NpsScore => new("nps_score", SortValueKind.Number, true, r => r.NpsScore),
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "not a sort field"),
    };
}
