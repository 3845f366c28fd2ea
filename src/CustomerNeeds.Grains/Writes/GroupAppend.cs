using CustomerNeeds.Storage;

namespace CustomerNeeds.Grains.Writes;

/// <summary>The rows of a group of writes as one append: events in order, each complaint's last row.</summary>
internal sealed class GroupAppend(string customerId, long expectedSequence)
{
    private readonly List<NewEvent> events = [];
    private readonly Dictionary<string, ComplaintRow> complaints = new(StringComparer.Ordinal);

    public long ExpectedSequence { get; } = expectedSequence;

    public int EventCount => events.Count;

    public bool IsEmpty => events.Count == 0;

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
            complaints[complaint.ComplaintId] = complaint;
        }
    }

    public CustomerAppend Build() => new(customerId, ExpectedSequence, events.ToArray(), complaints.Values.ToArray());
}
