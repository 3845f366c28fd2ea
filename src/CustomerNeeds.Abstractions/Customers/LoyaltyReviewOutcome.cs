namespace CustomerNeeds.Abstractions.Customers;

/// <summary>What a loyalty review did (docs/loyalty-sweep.md).</summary>
/// <param name="EventCount">Events written (tier, dormancy, churn-risk changes); 0 when nothing was due.</param>
/// <param name="Version">The customer's version after the review (its read-model row's last_sequence).</param>
/// <param name="NextReviewAt">When a review next changes something, from the review's time on; null when time alone changes nothing.</param>
[GenerateSerializer, Immutable]
[Alias("customerneeds.LoyaltyReviewOutcome")]
public sealed record LoyaltyReviewOutcome(
    [property: Id(0)] int EventCount,
    [property: Id(1)] long Version,
    [property: Id(2)] DateTimeOffset? NextReviewAt);
