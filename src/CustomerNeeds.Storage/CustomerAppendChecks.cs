using CustomerNeeds.Domain.ReadModel;

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

        if (append.Projection is { } projection)
        {
            Validate(projection);
            if (!string.Equals(projection.Summary.CustomerId, append.CustomerId, StringComparison.Ordinal)
                || projection.Summary.LastSequence != append.ExpectedSequence + append.Events.Count)
            {
                throw new ArgumentException("The projection must be the appended customer's state after the append's last event.", nameof(append));
            }
        }
    }

    /// <summary>A projection's rows: a summary, distinct need ids, distinct feature ids.</summary>
    public static void Validate(CustomerProjection projection)
    {
        ArgumentNullException.ThrowIfNull(projection);
        ArgumentNullException.ThrowIfNull(projection.Summary, nameof(projection));
        ArgumentException.ThrowIfNullOrEmpty(projection.Summary.CustomerId, nameof(projection));
        if (projection.Needs.Select(n => n.NeedId).Distinct(StringComparer.Ordinal).Count() != projection.Needs.Count
            || projection.KanoAnswers.Select(k => k.FeatureId).Distinct(StringComparer.Ordinal).Count() != projection.KanoAnswers.Count)
        {
            throw new ArgumentException("A projection holds each need and each KANO feature at most once.", nameof(projection));
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
