using CustomerNeeds.Domain.Customers;

namespace CustomerNeeds.Domain.Loyalty;

/// <summary>
/// The dormancy of a customer at a given time: whole days since the last interaction's occur
/// time against <see cref="LoyaltyLadderRules.SemiDormantAfterDays"/> and
/// <see cref="LoyaltyLadderRules.DormantAfterDays"/>. A customer never in contact is active.
/// </summary>
public static class DormancyEvaluator
{
    /// <summary>The dormancy of <paramref name="state"/> at <paramref name="now"/>.</summary>
    public static Dormancy Evaluate(CustomerState state, LoyaltyLadderRules rules, DateTimeOffset now) =>
        RfmValues.DaysSince(state.Aggregates.LastInteractionAt, now) switch
        {
            null => Dormancy.Active,
            { } days when days >= rules.DormantAfterDays => Dormancy.Dormant,
            { } days when days >= rules.SemiDormantAfterDays => Dormancy.SemiDormant,
            _ => Dormancy.Active,
        };

    /// <summary>The recorded value, <see cref="Dormancy.Unspecified"/> read as <see cref="Dormancy.Active"/>.</summary>
    public static Dormancy Recorded(LoyaltyState loyalty) =>
        loyalty.Dormancy == Dormancy.Unspecified ? Dormancy.Active : loyalty.Dormancy;

    /// <summary>The instants after <paramref name="after"/> at which the dormancy can change by time alone.</summary>
    public static IEnumerable<DateTimeOffset> Changes(CustomerState state, LoyaltyLadderRules rules, DateTimeOffset after)
    {
        if (state.Aggregates.LastInteractionAt is not { } last)
        {
            yield break;
        }

        foreach (var days in new[] { rules.SemiDormantAfterDays, rules.DormantAfterDays })
        {
            var at = last.AddDays(days);
            if (at > after)
            {
                yield return at;
            }
        }
    }
}
