using CustomerNeeds.Domain.Customers;
using CustomerNeeds.Domain.Events;
using CustomerNeeds.Domain.Kano;
using CustomerNeeds.Domain.Privacy;

namespace CustomerNeeds.Domain.Merging;

/// <summary>How the merge events change a state (called by <see cref="CustomerEvolution.Apply(CustomerState, CustomerEvent)"/>).</summary>
internal static class MergeEvolution
{
    public static void ApplySealed(CustomerState state, CustomerMergedInto e) => state.MergedInto = e.TargetCustomerId;

    public static void ApplyAbsorbed(CustomerState state, CustomerAbsorbed e)
    {
        foreach (var need in e.Needs)
        {
            state.Needs[need.Id] = need.Clone();
            if (CustomerEvolution.MintedNumber(need.Id, 'n') is { } number && number >= state.NextNeedNumber)
            {
                state.NextNeedNumber = number + 1;
            }
        }

        foreach (var complaint in e.OpenComplaints)
        {
            state.OpenComplaints[complaint.Id] = complaint.Clone();
            if (CustomerEvolution.MintedNumber(complaint.Id, 'k') is { } number && number >= state.NextComplaintNumber)
            {
                state.NextComplaintNumber = number + 1;
            }
        }

        AddFigures(state.Aggregates, e.Aggregates);
        state.Loyalty.ReferralCount += e.ReferralCount;

        // The latest interactions of both, newest first; an id both recorded keeps the target's.
        var recent = state.RecentInteractions;
        foreach (var i in e.RecentInteractions)
        {
            if (recent.Exists(x => string.Equals(x.InteractionId, i.InteractionId, StringComparison.Ordinal)))
            {
                continue;
            }

            var at = recent.FindIndex(x => x.OccurTime < i.OccurTime);
            recent.Insert(at < 0 ? recent.Count : at, i);
            state.RecentRecordTimes[i.InteractionId] = e.RecentRecordTimes.TryGetValue(i.InteractionId, out var recorded) ? recorded : e.OccurredAt;
        }

        if (recent.Count > CustomerState.MaxRecentInteractions)
        {
            foreach (var dropped in recent.Skip(CustomerState.MaxRecentInteractions))
            {
                state.RecentRecordTimes.Remove(dropped.InteractionId);
            }

            recent.RemoveRange(CustomerState.MaxRecentInteractions, recent.Count - CustomerState.MaxRecentInteractions);
        }

        foreach (var answer in e.KanoAnswers)
        {
            if (!state.KanoAnswers.TryGetValue(answer.FeatureId, out LatestKanoAnswer? held) || answer.AnsweredAt > held.AnsweredAt)
            {
                state.KanoAnswers[answer.FeatureId] = answer;
            }
        }

        foreach (var id in e.HistoryCustomerIds)
        {
            if (!state.AbsorbedCustomerIds.Contains(id))
            {
                state.AbsorbedCustomerIds.Add(id);
            }
        }

        foreach (var consent in e.Consents ?? [])
        {
            state.Consents[consent.Purpose] = state.Consents.TryGetValue(consent.Purpose, out var held)
                ? ConsentMerge.Of(held, consent)
                : consent;
        }
    }

    private static void AddFigures(CustomerAggregates a, CustomerAggregates s)
    {
        a.InteractionCount += s.InteractionCount;
        a.PurchaseCount += s.PurchaseCount;
        a.LifetimeSpend += s.LifetimeSpend;
        a.ComplaintCount += s.ComplaintCount;
        a.CsatSum += s.CsatSum;
        a.CsatCount += s.CsatCount;
        a.RecentCsat = [.. a.RecentCsat.Concat(s.RecentCsat).OrderBy(x => x.At).TakeLast(CustomerAggregates.MaxRecentCsat)];
        a.NpsPromoters += s.NpsPromoters;
        a.NpsPassives += s.NpsPassives;
        a.NpsDetractors += s.NpsDetractors;
        if (s.LastNpsAt is { } sourceNpsAt && (a.LastNpsAt is null || sourceNpsAt > a.LastNpsAt))
        {
            a.LastNps = s.LastNps;
            a.LastNpsAt = sourceNpsAt;
        }

        a.LastInteractionAt = Later(a.LastInteractionAt, s.LastInteractionAt);
        a.FirstPurchaseAt = a.FirstPurchaseAt is { } f && s.FirstPurchaseAt is { } g ? (f < g ? f : g) : a.FirstPurchaseAt ?? s.FirstPurchaseAt;
        a.LastPurchaseAt = Later(a.LastPurchaseAt, s.LastPurchaseAt);
        foreach (var (day, bucket) in s.PurchaseBuckets)
        {
            var held = a.PurchaseBuckets.GetValueOrDefault(day);
            a.PurchaseBuckets[day] = held is null ? bucket : new PurchaseBucket(held.Count + bucket.Count, held.Amount + bucket.Amount);
        }

        a.RecentComplaintTimes = [.. a.RecentComplaintTimes.Concat(s.RecentComplaintTimes).Order().TakeLast(CustomerAggregates.MaxRecentComplaints)];
    }

    private static DateTimeOffset? Later(DateTimeOffset? a, DateTimeOffset? b) => a is { } x && b is { } y ? (x > y ? x : y) : a ?? b;
}
