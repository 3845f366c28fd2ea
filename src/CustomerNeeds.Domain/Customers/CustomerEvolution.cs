using System.Globalization;
using CustomerNeeds.Domain.Complaints;
using CustomerNeeds.Domain.Events;
using CustomerNeeds.Domain.Interactions;
using CustomerNeeds.Domain.Kano;
using CustomerNeeds.Domain.Loyalty;
using CustomerNeeds.Domain.Merging;
using CustomerNeeds.Domain.Needs;
using CustomerNeeds.Domain.Privacy;
using CustomerNeeds.Domain.Satisfaction;

namespace CustomerNeeds.Domain.Customers;

/// <summary>
/// The only way <see cref="CustomerState"/> changes: folding events into it. Deterministic:
/// it reads nothing but the state and the event (no clock, no configuration), so replaying
/// the log reproduces the state of live operation. Every event adds 1 to
/// <see cref="CustomerState.Version"/> and sets <see cref="CustomerState.UpdatedAt"/>.
/// </summary>
public static class CustomerEvolution
{
    /// <summary>Applies one event to <paramref name="state"/> (mutating it) and returns it.</summary>
    /// <exception cref="InvalidOperationException">The event does not fit the state (a corrupt log).</exception>
    public static CustomerState Apply(CustomerState state, CustomerEvent e)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(e);
        if (e is CustomerCreated created)
        {
            if (state.Exists)
            {
                throw new InvalidOperationException($"Customer '{state.Id}' exists already.");
            }

            state.Exists = true;
            state.Id = created.CustomerId;
            state.Profile = created.Profile;
            state.CreatedAt = e.OccurredAt;
        }
        else
        {
            if (!state.Exists)
            {
                throw new InvalidOperationException($"Event {e.GetType().Name} for a customer that does not exist.");
            }

            switch (e)
            {
                case ProfileUpdated p:
                    state.Profile = p.Profile;
                    break;
                case NeedCreated n:
                    ApplyNeedCreated(state, n);
                    break;
                case NeedUpdated n:
                    ApplyNeedUpdated(state, n);
                    break;
                case InteractionRecorded i:
                    ApplyInteraction(state, i);
                    break;
                case ComplaintOpened c:
                    ApplyComplaintOpened(state, c);
                    break;
                case ComplaintTransitioned c:
                    ApplyComplaintTransitioned(state, c);
                    break;
                case ComplaintSlaBreached b:
                    OpenComplaint(state, b.ComplaintId).Apply(b);
                    break;
                case ComplaintFollowUpDue f:
                    OpenComplaint(state, f.ComplaintId).Apply(f);
                    break;
                case TierChanged t:
                    state.Loyalty.Tier = t.ToTier;
                    state.Loyalty.TierSince = t.OccurredAt;
                    state.Loyalty.BelowTierSince = null;
                    state.Loyalty.History.Add(new TierChange(t.FromTier, t.ToTier, t.Reason, t.Actor, t.OccurredAt));
                    TrimFront(state.Loyalty.History, LoyaltyState.MaxHistory);
                    break;
                case TierFloorSet f:
                    state.Loyalty.Floor = f.Floor;
                    state.Loyalty.FloorReason = f.Reason;
                    state.Loyalty.FloorActor = f.Actor;
                    state.Loyalty.FloorSetAt = f.OccurredAt;
                    break;
                case TierGracePeriodChanged g:
                    state.Loyalty.BelowTierSince = g.BelowTierSince;
                    break;
                case DormancyChanged d:
                    state.Loyalty.Dormancy = d.To;
                    break;
                case ChurnRiskChanged c:
                    state.Loyalty.ChurnRiskLevel = c.To;
                    break;
                case CustomerMergedInto m:
                    MergeEvolution.ApplySealed(state, m);
                    break;
                case CustomerAbsorbed a:
                    MergeEvolution.ApplyAbsorbed(state, a);
                    break;
                case ConsentChanged c:
                    ConsentEvolution.Apply(state, c);
                    break;
                case InteractionsAnonymised a:
                    RetentionDecisions.Apply(state, a);
                    break;
                default:
                    throw new InvalidOperationException($"Unknown event {e.GetType().Name}.");
            }
        }

        state.Version++;
        state.UpdatedAt = e.OccurredAt;
        return state;
    }

    /// <summary>Applies events in order.</summary>
    public static CustomerState Apply(CustomerState state, IEnumerable<CustomerEvent> events)
    {
        foreach (var e in events)
        {
            Apply(state, e);
        }

        return state;
    }

    /// <summary>A fresh state with the events applied.</summary>
    public static CustomerState Replay(IEnumerable<CustomerEvent> events) => Apply(new CustomerState(), events);

    private static void ApplyNeedCreated(CustomerState state, NeedCreated e)
    {
        var f = e.Fields;
        state.Needs[e.NeedId] = new Need
        {
            Id = e.NeedId,
            Title = f.Title,
            Description = f.Description,
            Type = f.Type,
            Area = f.Area,
            KanoClass = f.KanoClass,
            Importance = f.Importance,
            Urgency = f.Urgency,
            Priority = NeedPriority.Compute(f.Importance, f.Urgency),
            Source = f.Source,
            Status = NeedStatus.Identified,
            MaslowLevel = f.MaslowLevel,
            History = [new NeedChange(NeedStatus.Unspecified, NeedStatus.Identified, e.SetFields, e.Actor, "", e.OccurredAt)],
            CreatedAt = e.OccurredAt,
            UpdatedAt = e.OccurredAt,
            Version = 1,
        };
        if (MintedNumber(e.NeedId, 'n') is { } number && number >= state.NextNeedNumber)
        {
            state.NextNeedNumber = number + 1;
        }
    }

    private static void ApplyNeedUpdated(CustomerState state, NeedUpdated e)
    {
        if (!state.Needs.TryGetValue(e.NeedId, out var need))
        {
            throw new InvalidOperationException($"Need '{e.NeedId}' does not exist.");
        }

        var v = e.Values;
        foreach (var path in e.ChangedFields)
        {
            switch (path)
            {
                case NeedFieldPaths.Title: need.Title = v.Title; break;
                case NeedFieldPaths.Description: need.Description = v.Description; break;
                case NeedFieldPaths.Type: need.Type = v.Type; break;
                case NeedFieldPaths.Area: need.Area = v.Area; break;
                case NeedFieldPaths.KanoClass: need.KanoClass = v.KanoClass; break;
                case NeedFieldPaths.Importance: need.Importance = v.Importance; break;
                case NeedFieldPaths.Urgency: need.Urgency = v.Urgency; break;
                case NeedFieldPaths.Source: need.Source = v.Source; break;
                case NeedFieldPaths.MaslowLevel: need.MaslowLevel = v.MaslowLevel; break;
                case NeedFieldPaths.Status: break;
                default: throw new InvalidOperationException($"Unknown need field '{path}'.");
            }
        }

        need.Status = e.ToStatus;
        need.Priority = NeedPriority.Compute(need.Importance, need.Urgency);
        need.History.Add(new NeedChange(e.FromStatus, e.ToStatus, e.ChangedFields, e.Actor, e.Reason, e.OccurredAt));
        need.UpdatedAt = e.OccurredAt;
        need.Version++;
    }

    private static void ApplyInteraction(CustomerState state, InteractionRecorded e)
    {
        var i = e.Interaction;
        var a = state.Aggregates;
        a.InteractionCount++;
        a.LastInteractionAt = Max(a.LastInteractionAt, i.OccurTime);

        if (i.IsPurchase())
        {
            var amount = i.Amount?.Amount ?? 0m;
            a.PurchaseCount++;
            a.LifetimeSpend += amount;
            a.FirstPurchaseAt = Min(a.FirstPurchaseAt, i.OccurTime);
            a.LastPurchaseAt = Max(a.LastPurchaseAt, i.OccurTime);
            var recordDay = DateOnly.FromDateTime(e.OccurredAt.UtcDateTime).DayNumber;
            if (recordDay - DateOnly.FromDateTime(i.OccurTime.UtcDateTime).DayNumber < CustomerAggregates.BucketRetentionDays)
            {
                var key = CustomerAggregates.DayKey(i.OccurTime);
                var bucket = a.PurchaseBuckets.GetValueOrDefault(key) ?? new PurchaseBucket(0, 0m);
                a.PurchaseBuckets[key] = new PurchaseBucket(bucket.Count + 1, bucket.Amount + amount);
            }

            // Keys sort in date order: drop from the oldest end.
            var keepFrom = CustomerAggregates.DayKey(e.OccurredAt.AddDays(-(CustomerAggregates.BucketRetentionDays - 1)));
            while (a.PurchaseBuckets.Count > 0 && string.CompareOrdinal(a.PurchaseBuckets.Keys.First(), keepFrom) < 0)
            {
                a.PurchaseBuckets.Remove(a.PurchaseBuckets.Keys.First());
            }
        }

        if (i.Csat is { } csat)
        {
            a.CsatSum += csat;
            a.CsatCount++;
            InsertByTime(a.RecentCsat, new CsatAnswer(csat, i.OccurTime), x => x.At);
            TrimFront(a.RecentCsat, CustomerAggregates.MaxRecentCsat);
        }

        if (i.Nps is { } nps)
        {
            switch (NpsScore.Categorize(nps))
            {
                case NpsCategory.Promoter: a.NpsPromoters++; break;
                case NpsCategory.Passive: a.NpsPassives++; break;
                default: a.NpsDetractors++; break;
            }

            if (a.LastNpsAt is null || i.OccurTime >= a.LastNpsAt)
            {
                a.LastNps = nps;
                a.LastNpsAt = i.OccurTime;
            }
        }

        if (i.Kind == InteractionKind.Referral || i.ReferredCustomerId is not null)
        {
            state.Loyalty.ReferralCount++;
        }

        // The latest answer per feature by occur time; of equal times the later recorded wins.
        foreach (var answer in i.KanoAnswers ?? [])
        {
            if (!state.KanoAnswers.TryGetValue(answer.FeatureId, out var held) || i.OccurTime >= held.AnsweredAt)
            {
                state.KanoAnswers[answer.FeatureId] = new LatestKanoAnswer(
                    answer.FeatureId, answer.Functional, answer.Dysfunctional, i.InteractionId, i.OccurTime);
            }
        }

        // Newest first by occur time; an equal time goes before the older arrival.
        var recent = state.RecentInteractions;
        var at = recent.FindIndex(x => x.OccurTime <= i.OccurTime);
        recent.Insert(at < 0 ? recent.Count : at, i);
        state.RecentRecordTimes[i.InteractionId] = e.OccurredAt;
        if (recent.Count > CustomerState.MaxRecentInteractions)
        {
            foreach (var dropped in recent.Skip(CustomerState.MaxRecentInteractions))
            {
                state.RecentRecordTimes.Remove(dropped.InteractionId);
            }

            recent.RemoveRange(CustomerState.MaxRecentInteractions, recent.Count - CustomerState.MaxRecentInteractions);
        }
    }

    private static void ApplyComplaintOpened(CustomerState state, ComplaintOpened e)
    {
        state.OpenComplaints[e.ComplaintId] = new ComplaintCase
        {
            Id = e.ComplaintId,
            Status = ComplaintStatus.Recorded,
            Severity = e.Severity,
            Summary = e.Summary,
            SourceInteractionId = e.InteractionId,
            OpenedAt = e.OpenedAt,
            RecordedAt = e.OccurredAt,
            ResponseDeadline = e.ResponseDeadline,
            ResolutionDeadline = e.ResolutionDeadline,
            History = [new ComplaintTransition(ComplaintStatus.Unspecified, ComplaintStatus.Recorded, e.Actor, "", e.OpenedAt, false, null)],
        };
        var a = state.Aggregates;
        a.ComplaintCount++;
        InsertByTime(a.RecentComplaintTimes, e.OpenedAt, x => x);
        TrimFront(a.RecentComplaintTimes, CustomerAggregates.MaxRecentComplaints);
        if (MintedNumber(e.ComplaintId, 'k') is { } number && number >= state.NextComplaintNumber)
        {
            state.NextComplaintNumber = number + 1;
        }
    }

    private static void ApplyComplaintTransitioned(CustomerState state, ComplaintTransitioned e)
    {
        if (!state.OpenComplaints.TryGetValue(e.ComplaintId, out var complaint))
        {
            complaint = e.RestoredCase?.Clone()
                ?? throw new InvalidOperationException($"Complaint '{e.ComplaintId}' is not open.");
            state.OpenComplaints[e.ComplaintId] = complaint;
        }

        complaint.Apply(e);
        if (complaint.Status == ComplaintStatus.Closed)
        {
            state.OpenComplaints.Remove(e.ComplaintId);
        }
    }

    private static ComplaintCase OpenComplaint(CustomerState state, string complaintId) =>
        state.OpenComplaints.TryGetValue(complaintId, out var complaint)
            ? complaint
            : throw new InvalidOperationException($"Complaint '{complaintId}' is not open.");

    /// <summary>The number of a minted id ("n12" → 12 for prefix 'n'); null when the id is not of that form.</summary>
    internal static long? MintedNumber(string id, char prefix) =>
        id.Length > 1 && id[0] == prefix && id[1] != '0'
        && long.TryParse(id.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? n
            : null;

    private static void InsertByTime<T>(List<T> list, T item, Func<T, DateTimeOffset> time)
    {
        // Oldest first; an equal time goes after the earlier arrival.
        var at = list.FindLastIndex(x => time(x) <= time(item));
        list.Insert(at + 1, item);
    }

    private static void TrimFront<T>(List<T> list, int max)
    {
        if (list.Count > max)
        {
            list.RemoveRange(0, list.Count - max);
        }
    }

    private static DateTimeOffset Max(DateTimeOffset? a, DateTimeOffset b) => a is { } x && x > b ? x : b;

    private static DateTimeOffset Min(DateTimeOffset? a, DateTimeOffset b) => a is { } x && x < b ? x : b;
}
