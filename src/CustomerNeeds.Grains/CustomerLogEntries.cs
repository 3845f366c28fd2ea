using System.Text.Json;
using CustomerNeeds.Domain.Complaints;
using CustomerNeeds.Domain.Customers;
using CustomerNeeds.Domain.Events;
using CustomerNeeds.Storage;

namespace CustomerNeeds.Grains;

/// <summary>
/// Turns a decision's events into the rows of one log append: the events themselves (with the
/// interaction index columns) and the complaint projection rows they change.
/// </summary>
internal static class CustomerLogEntries
{
    /// <summary>
    /// Applies <paramref name="events"/> to <paramref name="next"/> (a private copy of the
    /// current state) and returns the append that commits them.
    /// </summary>
    public static CustomerAppend Build(string customerId, CustomerState next, IReadOnlyList<CustomerEvent> events)
    {
        var expectedSequence = next.Version;
        var rows = new List<NewEvent>(events.Count);
        var touched = new Dictionary<string, ComplaintCase>(StringComparer.Ordinal);
        foreach (var e in events)
        {
            // Apply updates a case in place and drops it from the state when it closes:
            // hold the object from before the event so a closing transition still has it.
            var complaintId = e switch
            {
                ComplaintOpened o => o.ComplaintId,
                ComplaintTransitioned t => t.ComplaintId,
                _ => null,
            };
            ComplaintCase? before = null;
            if (complaintId is not null)
            {
                next.OpenComplaints.TryGetValue(complaintId, out before);
            }

            CustomerEvolution.Apply(next, e);
            if (complaintId is not null)
            {
                touched[complaintId] = next.OpenComplaints.TryGetValue(complaintId, out var after)
                    ? after
                    : before ?? throw new InvalidOperationException($"Complaint {complaintId} vanished while applying {e.GetType().Name}.");
            }

            rows.Add(ToRow(e));
        }

        var complaints = touched.Values
            .Select(k => new ComplaintRow(k.Id, k.Status.ToString(), k.OpenedAt, next.UpdatedAt ?? k.OpenedAt, JsonSerializer.Serialize(k)))
            .ToArray();
        return new CustomerAppend(customerId, expectedSequence, rows, complaints);
    }

    private static NewEvent ToRow(CustomerEvent e)
    {
        var interaction = e is InteractionRecorded recorded
            ? new InteractionKey(
                recorded.Interaction.InteractionId,
                recorded.Interaction.OccurTime,
                recorded.Interaction.Channel.ToString(),
                recorded.Interaction.Kind.ToString(),
                InteractionFingerprint.Of(recorded.Interaction))
            : null;
        return new NewEvent(CustomerEventJson.TypeName(e), CustomerEventJson.Serialize(e), e.OccurredAt, interaction);
    }
}
