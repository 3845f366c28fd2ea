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

            if (e is InteractionRecorded { OpenedComplaintId: { } opened } recorded)
            {
                (openedThrough ??= new(StringComparer.Ordinal))[opened] = recorded.Interaction.Channel.ToString();
            }

            rows.Add(ToRow(e));
        }

        var complaints = touched is null
            ? []
            : touched.Values
                .Select(k => new ComplaintRow(
                    k.Id,
                    k.Status.ToString(),
                    k.OpenedAt,
                    next.UpdatedAt ?? k.OpenedAt,
                    JsonSerializer.Serialize(k),
                    new ComplaintFacts((short)k.Severity, openedThrough?.GetValueOrDefault(k.Id), k.FirstResponseAt, k.ResolvedAt, k.ClosedAt, k.ReopenCount)
                    {
                        ResponseBreachedAt = k.ResponseBreachedAt,
                        ResolutionBreachedAt = k.ResolutionBreachedAt,
                        FollowUpDueAt = k.FollowUpDueAt,
                        FollowUpFellDueAt = k.FollowUpFellDueAt,
                    }))
                .ToArray();
        return new CustomerAppend(customerId, expectedSequence, rows, complaints);
    }

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
