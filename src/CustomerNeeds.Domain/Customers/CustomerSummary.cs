using CustomerNeeds.Domain.Interactions;
using CustomerNeeds.Domain.Loyalty;
using CustomerNeeds.Domain.Needs;
using CustomerNeeds.Domain.Privacy;
using CustomerNeeds.Domain.Satisfaction;

namespace CustomerNeeds.Domain.Customers;

/// <summary>What an agent's screen shows for a customer, computed at read time.</summary>
public sealed record CustomerSummary(
    string Id,
    CustomerProfile Profile,
    LoyaltyAssessment Loyalty,
    SatisfactionSummary Satisfaction,
    int OpenComplaintCount,
    IReadOnlyList<Need> TopNeeds,
    IReadOnlyList<Interaction> RecentInteractions,
    long InteractionCount,
    long PurchaseCount,
    Money LifetimeSpend,
    long ComplaintCount,
    DateTimeOffset? CreatedAt,
    DateTimeOffset? UpdatedAt,
    string Etag,
    IReadOnlyDictionary<string, DateTimeOffset>? RecentRecordTimes = null,
    IReadOnlyList<Consent>? Consents = null)
{
    /// <summary>How many needs <see cref="TopNeeds"/> holds at most.</summary>
    public const int TopNeedCount = 5;

    /// <summary>The summary of <paramref name="state"/> at <paramref name="now"/>.</summary>
    public static CustomerSummary From(CustomerState state, CustomerPolicy policy, DateTimeOffset now)
    {
        var a = state.Aggregates;
        return new CustomerSummary(
            state.Id,
            state.Profile,
            LoyaltyAssessment.Assess(state, policy, now),
            SatisfactionSummary.From(a),
            state.OpenComplaints.Count,
            TopNeedsOf(state, TopNeedCount),
            state.RecentInteractions.ToArray(),
            a.InteractionCount,
            a.PurchaseCount,
            new Money(a.LifetimeSpend, policy.CurrencyCode),
            a.ComplaintCount,
            state.CreatedAt,
            state.UpdatedAt,
            state.Etag,
            new Dictionary<string, DateTimeOffset>(state.RecentRecordTimes, StringComparer.Ordinal),
            state.Consents.Values.OrderBy(c => c.Purpose, StringComparer.Ordinal).ToArray());
    }

    /// <summary>
    /// Copies of the open needs (not Satisfied, Rejected or Withdrawn), most pressing first, at
    /// most <paramref name="count"/>; later changes of the state do not show in them.
    /// </summary>
    public static IReadOnlyList<Need> TopNeedsOf(CustomerState state, int count) =>
        NeedPriority.Order(state.Needs.Values.Where(n => NeedLifecycle.IsOpen(n.Status))).Take(count).Select(n => n.Clone()).ToArray();
}
