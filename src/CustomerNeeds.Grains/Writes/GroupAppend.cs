using CustomerNeeds.Domain.Customers;
using CustomerNeeds.Domain.ReadModel;
using CustomerNeeds.Storage;

namespace CustomerNeeds.Grains.Writes;

/// <summary>
/// The rows of a group of writes as one append: events in order, each complaint's last row, and the
/// read-model rows of the group's resulting state (made once, when the group is built).
/// </summary>
internal sealed class GroupAppend(string customerId, long expectedSequence)
{
    private readonly List<NewEvent> events = [];
    private readonly Dictionary<string, ComplaintRow> complaints = new(StringComparer.Ordinal);

    public long ExpectedSequence { get; } = expectedSequence;

    public int EventCount => events.Count;

    public bool IsEmpty => events.Count == 0;

    /// <summary>The need and KANO answer rows the group's events changed, noted while they are applied.</summary>
    public ProjectionChanges Changes { get; } = new();

    /// <summary>Adds the rows of the next write (its sequences follow the ones added before).</summary>
    public void Add(CustomerAppend append)
    {
        if (append.ExpectedSequence != ExpectedSequence + events.Count)
        {
            throw new InvalidOperationException(
                $"Write of customer {customerId} expects sequence {append.ExpectedSequence}, the group is at {ExpectedSequence + events.Count}.");
        }

        events.AddRange(append.Events);
        foreach (var complaint in append.Complaints)
        {
            // A case opened in the group keeps the channel of its opening write.
            complaints[complaint.ComplaintId] = complaints.TryGetValue(complaint.ComplaintId, out var earlier)
                && earlier.Facts?.Channel is { } channel && complaint.Facts is { Channel: null } facts
                    ? complaint with { Facts = facts with { Channel = channel } }
                    : complaint;
        }
    }

    /// <summary>
    /// The group's append, with the read-model rows of <paramref name="next"/> (the state after the
    /// group): the summary, evaluated at the time of the group's last decision, and the changed rows.
    /// </summary>
    public CustomerAppend Build(CustomerState next, CustomerPolicy policy) => new(
        customerId,
        ExpectedSequence,
        events.ToArray(),
        complaints.Values.ToArray(),
        CustomerProjection.Of(next, policy, next.UpdatedAt ?? throw new InvalidOperationException($"Customer {customerId} has no update time."), Changes));
}
