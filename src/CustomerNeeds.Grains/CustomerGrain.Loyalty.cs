using CustomerNeeds.Abstractions.Customers;
using CustomerNeeds.Domain.Loyalty;
using CustomerNeeds.Grains.Writes;

namespace CustomerNeeds.Grains;

/// <summary>The time-driven loyalty review, through the one write path.</summary>
public sealed partial class CustomerGrain
{
    public Task<LoyaltyReviewOutcome> ReviewLoyaltyAsync(CancellationToken cancellationToken = default) =>
        WriteAsync(new CustomerWrite<LoyaltyReviewOutcome>(
            (s, now) => LoyaltyReview.Decide(RequireExists(s), now, policy),
            (s, events, _) => new LoyaltyReviewOutcome(events.Count, s.Version, LoyaltyReview.NextReviewAt(s, policy, time.GetUtcNow()))));
}
