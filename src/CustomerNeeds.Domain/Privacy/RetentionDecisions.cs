using CustomerNeeds.Domain.Customers;
using CustomerNeeds.Domain.Events;

namespace CustomerNeeds.Domain.Privacy;

/// <summary>Retention of interactions (docs/privacy.md): what the customer's state must forget.</summary>
public static class RetentionDecisions
{
    /// <summary>
    /// One <see cref="InteractionsAnonymised"/> when a recent interaction held in the state occurred
    /// before <paramref name="cutoff"/> and still has personal fields; nothing otherwise (idempotent).
    /// </summary>
    public static IReadOnlyList<CustomerEvent> Decide(CustomerState state, DateTimeOffset cutoff, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (!state.Exists || cutoff > now)
        {
            return [];
        }

        var count = state.RecentInteractions.Count(i => i.OccurTime < cutoff && InteractionAnonymiser.HasPersonalData(i));
        return count == 0 ? [] : [new InteractionsAnonymised(cutoff, count) { OccurredAt = now }];
    }

    /// <summary>Applies <paramref name="e"/>: strips the recent interactions that occurred before its cutoff.</summary>
    public static void Apply(CustomerState state, InteractionsAnonymised e)
    {
        var recent = state.RecentInteractions;
        for (var i = 0; i < recent.Count; i++)
        {
            if (recent[i].OccurTime < e.Cutoff)
            {
                recent[i] = InteractionAnonymiser.Strip(recent[i]);
            }
        }
    }
}
