using CustomerNeeds.Domain.Complaints;
using CustomerNeeds.Domain.Customers;
using CustomerNeeds.Domain.Errors;
using CustomerNeeds.Domain.Events;
using CustomerNeeds.Domain.Loyalty;
using CustomerNeeds.Domain.Needs;

namespace CustomerNeeds.Domain.Merging;

/// <summary>The two decisions of a merge (docs/merge.md): the source's seal and the target's absorption.</summary>
public static class MergeDecisions
{
    /// <summary>
    /// The source seals into <paramref name="targetId"/>: CustomerMergedInto, naming the complaints
    /// that move. No events when it is sealed into that target already.
    /// </summary>
    /// <exception cref="CustomerNotFoundException">The source does not exist.</exception>
    /// <exception cref="DomainValidationException">The target is the source itself.</exception>
    /// <exception cref="MergeRefusedException">The source was merged into another customer, or the target was merged into the source.</exception>
    public static IReadOnlyList<CustomerEvent> Seal(CustomerState source, string targetId, string actor, DateTimeOffset now)
    {
        DecisionGuards.RequireExists(source);
        if (string.Equals(source.Id, targetId, StringComparison.Ordinal))
        {
            throw new DomainValidationException("target", "a customer cannot be merged into itself");
        }

        if (source.MergedInto is { } merged)
        {
            return string.Equals(merged, targetId, StringComparison.Ordinal)
                ? []
                : throw new MergeRefusedException($"Customer '{source.Id}' was merged into '{merged}' already.");
        }

        if (source.AbsorbedCustomerIds.Contains(targetId))
        {
            throw new MergeRefusedException($"Customer '{targetId}' was merged into '{source.Id}'.");
        }

        return [new CustomerMergedInto(targetId, source.OpenComplaints.Keys.ToArray(), actor) { OccurredAt = now }];
    }

    /// <summary>
    /// The target absorbs the sealed <paramref name="source"/>: CustomerAbsorbed (needs keep their ids
    /// unless taken, complaints get fresh ids, both with their provenance), then the tier events of the
    /// merged figures. No events when the target spans the source already (idempotent by source id).
    /// </summary>
    /// <exception cref="CustomerNotFoundException">The target does not exist.</exception>
    /// <exception cref="MergeRefusedException">The source is sealed neither into the target nor into a customer the target absorbed.</exception>
    public static IReadOnlyList<CustomerEvent> Absorb(CustomerState target, CustomerState source, string actor, DateTimeOffset now, CustomerPolicy policy)
    {
        DecisionGuards.RequireExists(target);
        if (target.AbsorbedCustomerIds.Contains(source.Id))
        {
            return [];
        }

        // Into this customer, or into one it absorbed since (a merge finished late, after a crash).
        if (source.MergedInto is not { } into
            || (!string.Equals(into, target.Id, StringComparison.Ordinal) && !target.AbsorbedCustomerIds.Contains(into)))
        {
            throw new MergeRefusedException($"Customer '{source.Id}' is not merged into '{target.Id}'.");
        }

        var needIds = new HashSet<string>(target.Needs.Keys, StringComparer.Ordinal);
        var nextNeed = target.NextNeedNumber;
        var needs = new List<Need>(source.Needs.Count);
        foreach (var need in source.Needs.Values)
        {
            var moved = need.Clone();
            moved.MergedFrom ??= new MergedFrom(source.Id, need.Id);
            while (!needIds.Add(moved.Id))
            {
                moved.Id = "n" + nextNeed++;
            }

            needs.Add(moved);
        }

        // Complaint ids are all minted and closed ones are not in the state: a fresh number never collides.
        var nextComplaint = target.NextComplaintNumber;
        var complaints = source.OpenComplaints.Values.Select(c =>
        {
            var moved = c.Clone();
            moved.MergedFrom ??= new MergedFrom(source.Id, c.Id);
            moved.Id = "k" + nextComplaint++;
            return moved;
        }).ToArray();

        var history = new List<string> { source.Id };
        history.AddRange(source.AbsorbedCustomerIds.Where(id => !history.Contains(id)));
        List<CustomerEvent> events =
        [
            new CustomerAbsorbed(
                source.Id,
                source.Version,
                needs,
                complaints,
                source.Aggregates.Clone(),
                source.Loyalty.ReferralCount,
                [.. source.RecentInteractions],
                new Dictionary<string, DateTimeOffset>(source.RecentRecordTimes, StringComparer.Ordinal),
                source.KanoAnswers.Values.ToArray(),
                history,
                actor) { OccurredAt = now, Consents = source.Consents.Values.ToArray() },
        ];
        var after = CustomerEvolution.Apply(target.Clone(), events);
        events.AddRange(LoyaltyDecisions.Reevaluate(after, now, policy));
        return events;
    }
}
