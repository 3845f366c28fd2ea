namespace CustomerNeeds.Storage;

/// <summary>The argument rules both event log implementations enforce before writing anything.</summary>
internal static class CustomerAppendChecks
{
    public static void Validate(CustomerAppend append)
    {
        ArgumentNullException.ThrowIfNull(append);
        ArgumentException.ThrowIfNullOrEmpty(append.CustomerId, nameof(append));
        ArgumentNullException.ThrowIfNull(append.Events);
        ArgumentNullException.ThrowIfNull(append.Complaints);
        if (append.ExpectedSequence < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(append), "ExpectedSequence must not be negative.");
        }

        if (append.Events.Count == 0)
        {
            throw new ArgumentException("An append needs at least one event.", nameof(append));
        }

        foreach (var e in append.Events)
        {
            ArgumentNullException.ThrowIfNull(e, nameof(append));
            ArgumentException.ThrowIfNullOrEmpty(e.EventType, nameof(append));
            ArgumentException.ThrowIfNullOrEmpty(e.PayloadJson, nameof(append));
            if (e.Interaction is { } key)
            {
                ArgumentException.ThrowIfNullOrEmpty(key.InteractionId, nameof(append));
                ArgumentNullException.ThrowIfNull(key.Channel, nameof(append));
                ArgumentNullException.ThrowIfNull(key.Kind, nameof(append));
                ArgumentNullException.ThrowIfNull(key.ContentHash, nameof(append));
            }
        }

        var complaintIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in append.Complaints)
        {
            ArgumentNullException.ThrowIfNull(c, nameof(append));
            ArgumentException.ThrowIfNullOrEmpty(c.ComplaintId, nameof(append));
            ArgumentNullException.ThrowIfNull(c.Status, nameof(append));
            ArgumentException.ThrowIfNullOrEmpty(c.PayloadJson, nameof(append));
            if (!complaintIds.Add(c.ComplaintId))
            {
                throw new ArgumentException($"Complaint '{c.ComplaintId}' appears twice in one append.", nameof(append));
            }
        }
    }

    public static void Validate(InteractionFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentException.ThrowIfNullOrEmpty(filter.CustomerId, nameof(filter));
        ArgumentOutOfRangeException.ThrowIfLessThan(filter.PageSize, 1, nameof(filter));
    }

    public static void Validate(ComplaintFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentException.ThrowIfNullOrEmpty(filter.CustomerId, nameof(filter));
        ArgumentOutOfRangeException.ThrowIfLessThan(filter.PageSize, 1, nameof(filter));
        if (filter.After is not null)
        {
            ArgumentNullException.ThrowIfNull(filter.After.ComplaintId, nameof(filter));
        }
    }
}
