using System.Text.Json;
using CustomerNeeds.Domain.Complaints;
using CustomerNeeds.Domain.Customers;
using CustomerNeeds.Domain.Events;
using CustomerNeeds.Domain.Interactions;
using CustomerNeeds.Domain.ReadModel;
using CustomerNeeds.Storage;

namespace CustomerNeeds.Grains;

/// <summary>
/// Turns a decision's events into the rows of one log append: the events themselves (with the
/// interaction index and fact columns) and the complaint projection rows they change.
/// </summary>
internal static class CustomerLogEntries
{
    /// <summary>
    /// Applies <paramref name="events"/> to <paramref name="next"/> (a private copy of the
    /// current state), notes in <paramref name="changes"/> which read-model rows they changed, and
    /// returns the append that commits them (without its read-model projection, which is made once
    /// per group).
    /// </summary>
    public static CustomerAppend Build(string customerId, CustomerState next, IReadOnlyList<CustomerEvent> events, ProjectionChanges changes)
    {
        var expectedSequence = next.Version;
        var rows = new List<NewEvent>(events.Count);
        Dictionary<string, ComplaintCase>? touched = null;
        Dictionary<string, string>? openedThrough = null;
        Dictionary<string, ComplaintCase>? movedAway = null;
        foreach (var e in events)
        {
            // Apply updates a case in place and drops it from the state when it closes:
            // hold the object from before the event so a closing transition still has it.
            var complaintId = e switch
            {
                ComplaintOpened o => o.ComplaintId,
                ComplaintTransitioned t => t.ComplaintId,
                ComplaintSlaBreached b => b.ComplaintId,
                ComplaintFollowUpDue f => f.ComplaintId,
                _ => null,
            };
            ComplaintCase? before = null;
            if (complaintId is not null)
            {
                next.OpenComplaints.TryGetValue(complaintId, out before);
            }

            CustomerEvolution.Apply(next, e);
            changes.Record(next, e);
            if (complaintId is not null)
            {
                (touched ??= new(StringComparer.Ordinal))[complaintId] = next.OpenComplaints.TryGetValue(complaintId, out var after)
                    ? after
                    : before ?? throw new InvalidOperationException($"Complaint {complaintId} vanished while applying {e.GetType().Name}.");
            }

            switch (e)
            {
                case CustomerMergedInto seal:
                    // The moved cases leave this customer's open cases in the projection (docs/merge.md).
                    foreach (var id in seal.MovedComplaintIds)
                    {
                        (movedAway ??= new(StringComparer.Ordinal))[id] = next.OpenComplaints[id];
                    }

                    break;
                case CustomerAbsorbed absorbed:
                    foreach (var moved in absorbed.OpenComplaints)
                    {
                        (touched ??= new(StringComparer.Ordinal))[moved.Id] = next.OpenComplaints[moved.Id];
                    }

                    break;
            }

            if (e is InteractionRecorded { OpenedComplaintId: { } opened } recorded)
            {
                (openedThrough ??= new(StringComparer.Ordinal))[opened] = recorded.Interaction.Channel.ToString();
            }

            rows.Add(ToRow(e));
        }

        var complaints = touched is null && movedAway is null
            ? []
            : (touched?.Values ?? Enumerable.Empty<ComplaintCase>()).Select(k => (Case: k, Status: k.Status.ToString()))
                .Concat((movedAway?.Values ?? Enumerable.Empty<ComplaintCase>()).Select(k => (Case: k, Status: MovedAwayStatus)))
                .Select(x => new ComplaintRow(
                    x.Case.Id,
                    x.Status,
                    x.Case.OpenedAt,
                    next.UpdatedAt ?? x.Case.OpenedAt,
                    JsonSerializer.Serialize(x.Case),
                    new ComplaintFacts((short)x.Case.Severity, openedThrough?.GetValueOrDefault(x.Case.Id), x.Case.FirstResponseAt, x.Case.ResolvedAt, x.Case.ClosedAt, x.Case.ReopenCount)
                    {
                        ResponseBreachedAt = x.Case.ResponseBreachedAt,
                        ResolutionBreachedAt = x.Case.ResolutionBreachedAt,
                        FollowUpDueAt = x.Case.FollowUpDueAt,
                        FollowUpFellDueAt = x.Case.FollowUpFellDueAt,
                    }))
                .ToArray();
        return new CustomerAppend(customerId, expectedSequence, rows, complaints);
    }

    /// <summary>The status text of a complaint row whose case a merge moved to another customer.</summary>
    public const string MovedAwayStatus = "Merged";

    private static NewEvent ToRow(CustomerEvent e)
    {
        var interaction = e is InteractionRecorded recorded ? Key(recorded.Interaction) : null;
        return new NewEvent(CustomerEventJson.TypeName(e), CustomerEventJson.Serialize(e), e.OccurredAt, interaction);
    }

    private static InteractionKey Key(Interaction i) => new(
        i.InteractionId,
        i.OccurTime,
        i.Channel.ToString(),
        i.Kind.ToString(),
        InteractionFingerprint.Of(i),
        new InteractionFacts(
            (short)i.Direction,
            (short?)i.Csat,
            (short?)i.Nps,
            i.Amount?.Amount,
            i.Amount?.CurrencyCode,
            i.RelatedComplaintId,
            i.ReferredCustomerId));
}
