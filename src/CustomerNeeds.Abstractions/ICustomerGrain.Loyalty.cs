using CustomerNeeds.Abstractions.Customers;

namespace CustomerNeeds.Abstractions;

/// <summary>The time-driven loyalty review (docs/loyalty-sweep.md).</summary>
public partial interface ICustomerGrain
{
    /// <summary>
    /// Records what time alone changed in the tier, dormancy and churn-risk level, each as an event
    /// with its reason; writes nothing when nothing changed. NotFound when the customer does not exist.
    /// </summary>
    [Alias("ReviewLoyalty")]
    Task<LoyaltyReviewOutcome> ReviewLoyaltyAsync(CancellationToken cancellationToken = default);
}
