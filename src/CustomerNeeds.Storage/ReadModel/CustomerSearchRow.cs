namespace CustomerNeeds.Storage.ReadModel;

/// <summary>
/// One row of <c>customer_summaries</c> as a search returns it (the columns a result shows and sorts by). Enum fields hold the proto (and
/// domain) enum numbers; null means the customer has no such value.
/// </summary>
public sealed record CustomerSearchRow
{
    public required string CustomerId { get; init; }

    public required string DisplayName { get; init; }

    public required short Kind { get; init; }

    public required IReadOnlyList<short> ValueTypes { get; init; }

    public required short RelationshipMode { get; init; }

    public string? Industry { get; init; }

    public string? Region { get; init; }

    public required IReadOnlyList<string> Tags { get; init; }

    public required IReadOnlyDictionary<string, string> Attributes { get; init; }

    /// <summary>The tier name; null without a tier.</summary>
    public string? Tier { get; init; }

    public required short LadderStage { get; init; }

    public required double ChurnRiskScore { get; init; }

    public required short ChurnRiskLevel { get; init; }

    public double? CsatMean { get; init; }

    public required long CsatCount { get; init; }

    public double? NpsScore { get; init; }

    public short? LastNps { get; init; }

    public required int OpenComplaintCount { get; init; }

    public required long ComplaintCount { get; init; }

    public required long InteractionCount { get; init; }

    public required long PurchaseCount { get; init; }

    /// <summary>Sum of purchase amounts, in the service currency.</summary>
    public required decimal LifetimeSpend { get; init; }

    public required long ReferralCount { get; init; }

    public DateTime? LastInteractionAt { get; init; }

    public required DateTime CreatedAt { get; init; }

    public required DateTime UpdatedAt { get; init; }

    /// <summary>The log sequence the row reflects (the customer's etag).</summary>
    public required long LastSequence { get; init; }
}
