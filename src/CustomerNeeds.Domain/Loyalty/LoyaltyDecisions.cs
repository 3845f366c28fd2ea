using CustomerNeeds.Domain.Customers;
using CustomerNeeds.Domain.Events;

namespace CustomerNeeds.Domain.Loyalty;

/// <summary>Decisions about tiers: the manual floor, and the tier evaluation every other decision ends with.</summary>
public static class LoyaltyDecisions
{
    /// <summary>
    /// Sets or clears the floor: TierFloorSet, then TierChanged (actor = the command's actor)
    /// or TierGracePeriodChanged when the evaluation at <paramref name="now"/> says so.
    /// </summary>
    public static IReadOnlyList<CustomerEvent> Decide(CustomerState state, SetTierFloor command, DateTimeOffset now, CustomerPolicy policy)
    {
        DecisionGuards.RequireExists(state);
        var checks = new InputChecks();
        if (command.Tier is not null && !policy.Tiers.Contains(command.Tier))
        {
            checks.Fail("tier", $"is not a configured tier ({string.Join(", ", policy.Tiers.Tiers.Select(t => t.Name))})");
        }

        checks.Length("reason", command.Reason, command.Tier is null ? 0 : 1, DecisionGuards.MaxReasonLength);
        checks.Length("actor", command.Actor, 1, DecisionGuards.MaxActorLength);
        checks.ThrowIfAny();

        List<CustomerEvent> events = [new TierFloorSet(command.Tier, command.Reason, command.Actor) { OccurredAt = now }];
        return WithTierEvaluation(state, events, policy, now, command.Actor);
    }

    /// <summary>
    /// Re-evaluates the tier at <paramref name="now"/> without any other change (e.g. from a
    /// timer, as purchases age out of the window); empty when nothing changes.
    /// </summary>
    public static IReadOnlyList<CustomerEvent> Reevaluate(CustomerState state, DateTimeOffset now, CustomerPolicy policy)
    {
        DecisionGuards.RequireExists(state);
        return TierEvents(state, policy, now, actor: null).ToArray();
    }

    /// <summary>
    /// Applies <paramref name="events"/> to a copy of <paramref name="state"/>, evaluates the
    /// tier policy at <paramref name="now"/> and appends the tier events that result.
    /// </summary>
    internal static IReadOnlyList<CustomerEvent> WithTierEvaluation(
        CustomerState state, List<CustomerEvent> events, CustomerPolicy policy, DateTimeOffset now, string? actor)
    {
        var after = CustomerEvolution.Apply(state.CopyForEvaluation(), events);
        events.AddRange(TierEvents(after, policy, now, actor));
        return events;
    }

    private static IEnumerable<CustomerEvent> TierEvents(CustomerState state, CustomerPolicy policy, DateTimeOffset now, string? actor)
    {
        var evaluation = TierEvaluator.Evaluate(state, policy.Tiers, now);
        var loyalty = state.Loyalty;
        if (!string.Equals(evaluation.Tier, loyalty.Tier, StringComparison.Ordinal))
        {
            yield return new TierChanged(loyalty.Tier, evaluation.Tier, evaluation.Reason, actor) { OccurredAt = now };
        }
        else if (evaluation.BelowTierSince != loyalty.BelowTierSince)
        {
            yield return new TierGracePeriodChanged(evaluation.BelowTierSince, evaluation.Reason) { OccurredAt = now };
        }
    }
}
