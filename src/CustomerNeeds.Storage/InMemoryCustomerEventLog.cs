using System.Collections.Concurrent;
using System.Text.Json;

namespace CustomerNeeds.Storage;

/// <summary>
/// The event log in process memory, for the explicit in-memory mode and for grain tests. Same
/// semantics as <see cref="PostgresCustomerEventLog"/>: all-or-nothing appends, the same conflicts,
/// instants kept in UTC to the microsecond, the same orders. Thread-safe; nothing survives the process.
/// </summary>
public sealed class InMemoryCustomerEventLog : ICustomerEventLog
{
    private readonly ConcurrentDictionary<string, CustomerLog> customers = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public Task AppendAsync(CustomerAppend append, CancellationToken cancellationToken)
    {
        CustomerAppendChecks.Validate(append);
        foreach (var json in append.Events.Select(e => e.PayloadJson).Concat(append.Complaints.Select(c => c.PayloadJson)))
        {
            EnsureJson(json, append.CustomerId);
        }

        cancellationToken.ThrowIfCancellationRequested();
        var log = customers.GetOrAdd(append.CustomerId, _ => new CustomerLog());
        lock (log)
        {
            if (log.Events.Count != append.ExpectedSequence)
            {
                throw new CustomerConcurrencyConflictException(
                    append.CustomerId,
                    ConcurrencyConflictKind.StaleSequence,
                    $"Customer '{append.CustomerId}' is not at sequence {append.ExpectedSequence}.");
            }

            var newInteractions = new HashSet<string>(StringComparer.Ordinal);
            var duplicates = new List<string>();
            foreach (var e in append.Events)
            {
                if (e.Interaction is { } key && (log.Interactions.ContainsKey(key.InteractionId) || !newInteractions.Add(key.InteractionId)))
                {
                    duplicates.Add(key.InteractionId);
                }
            }

            if (duplicates.Count > 0)
            {
                throw new CustomerConcurrencyConflictException(
                    append.CustomerId,
                    ConcurrencyConflictKind.DuplicateInteraction,
                    duplicates,
                    $"An interaction of this append is already recorded for customer '{append.CustomerId}'.");
            }

            foreach (var e in append.Events)
            {
                var sequence = log.Events.Count + 1L;
                var interaction = e.Interaction is { } key
                    ? key with { OccurredAt = StoredTime.Normalize(key.OccurredAt) }
                    : null;
                var stored = new StoredEvent(sequence, e.EventType, e.PayloadJson, StoredTime.Normalize(e.RecordedAt), interaction?.ContentHash);
                log.Events.Add(new Entry(stored, interaction));
                if (interaction is not null)
                {
                    log.Interactions.Add(interaction.InteractionId, log.Events.Count - 1);
                }
            }

            foreach (var c in append.Complaints)
            {
                log.Complaints[c.ComplaintId] = c with
                {
                    OpenedAt = StoredTime.Normalize(c.OpenedAt),
                    UpdatedAt = StoredTime.Normalize(c.UpdatedAt),
                };
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>Forgets the logs of these customers (an erasure, docs/privacy.md).</summary>
    internal void Forget(IEnumerable<string> customerIds)
    {
        foreach (var id in customerIds)
        {
            customers.TryRemove(id, out _);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredEvent>> ReadAsync(string customerId, long afterSequence, CancellationToken cancellationToken) =>
        ReadAsync(customerId, afterSequence, int.MaxValue, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredEvent>> ReadAsync(string customerId, long afterSequence, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentException.ThrowIfNullOrEmpty(customerId);
        cancellationToken.ThrowIfCancellationRequested();
        if (!customers.TryGetValue(customerId, out var log))
        {
            return Task.FromResult<IReadOnlyList<StoredEvent>>([]);
        }

        lock (log)
        {
            var skip = (int)Math.Clamp(afterSequence, 0, log.Events.Count);
            IReadOnlyList<StoredEvent> events = log.Events.Skip(skip).Take(limit).Select(e => e.Event).ToList();
            return Task.FromResult(events);
        }
    }

    /// <inheritdoc />
    public Task<StoredEvent?> FindInteractionAsync(string customerId, string interactionId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(customerId);
        ArgumentException.ThrowIfNullOrEmpty(interactionId);
        cancellationToken.ThrowIfCancellationRequested();
        if (!customers.TryGetValue(customerId, out var log))
        {
            return Task.FromResult<StoredEvent?>(null);
        }

        lock (log)
        {
            return Task.FromResult(log.Interactions.TryGetValue(interactionId, out var index) ? log.Events[index].Event : null);
        }
    }

    /// <inheritdoc />
    public Task<InteractionPage> ListInteractionsAsync(InteractionFilter filter, CancellationToken cancellationToken)
    {
        CustomerAppendChecks.Validate(filter);
        cancellationToken.ThrowIfCancellationRequested();
        var spans = filter.AlsoCustomerIds is { Count: > 0 };
        var channels = filter.Channels is { Count: > 0 } c ? new HashSet<string>(c, StringComparer.Ordinal) : null;
        var kinds = filter.Kinds is { Count: > 0 } k ? new HashSet<string>(k, StringComparer.Ordinal) : null;
        var from = filter.OccurredFrom is { } f ? StoredTime.Normalize(f) : (DateTimeOffset?)null;
        var before = filter.OccurredBefore is { } b ? StoredTime.Normalize(b) : (DateTimeOffset?)null;
        var after = filter.After is { } a ? a with { OccurredAt = StoredTime.Normalize(a.OccurredAt) } : null;

        var matches = new List<(string Customer, Entry Entry)>();
        foreach (var customerId in (filter.AlsoCustomerIds ?? []).Prepend(filter.CustomerId))
        {
            if (!customers.TryGetValue(customerId, out var log))
            {
                continue;
            }

            lock (log)
            {
                matches.AddRange(log.Events
                    .Where(e => e.Interaction is { } key
                        && (channels is null || channels.Contains(key.Channel))
                        && (kinds is null || kinds.Contains(key.Kind))
                        && (from is null || key.OccurredAt >= from)
                        && (before is null || key.OccurredAt < before)
                        && (after is null || IsOlder(key.OccurredAt, e.Event.Sequence, customerId, after)))
                    .Select(e => (customerId, e)));
            }
        }

        var page = matches
            .OrderByDescending(e => e.Entry.Interaction!.OccurredAt)
            .ThenByDescending(e => e.Entry.Event.Sequence)
            .ThenByDescending(e => e.Customer, StringComparer.Ordinal)
            .Take(filter.PageSize + 1)
            .ToList();
        var more = page.Count > filter.PageSize;
        if (more)
        {
            page.RemoveAt(page.Count - 1);
        }

        var next = more ? new InteractionCursor(page[^1].Entry.Interaction!.OccurredAt, page[^1].Entry.Event.Sequence, spans ? page[^1].Customer : null) : null;
        return Task.FromResult(new InteractionPage(page.Select(e => spans ? e.Entry.Event with { CustomerId = e.Customer } : e.Entry.Event).ToList(), next));
    }

    /// <inheritdoc />
    public Task<ComplaintRow?> FindComplaintAsync(string customerId, string complaintId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(customerId);
        ArgumentException.ThrowIfNullOrEmpty(complaintId);
        cancellationToken.ThrowIfCancellationRequested();
        if (!customers.TryGetValue(customerId, out var log))
        {
            return Task.FromResult<ComplaintRow?>(null);
        }

        lock (log)
        {
            return Task.FromResult(log.Complaints.GetValueOrDefault(complaintId));
        }
    }

    /// <inheritdoc />
    public Task<ComplaintPage> ListComplaintsAsync(ComplaintFilter filter, CancellationToken cancellationToken)
    {
        CustomerAppendChecks.Validate(filter);
        cancellationToken.ThrowIfCancellationRequested();
        var spans = filter.AlsoCustomerIds is { Count: > 0 };
        var statuses = filter.Statuses is { Count: > 0 } s ? new HashSet<string>(s, StringComparer.Ordinal) : null;
        var after = filter.After is { } a ? a with { OpenedAt = StoredTime.Normalize(a.OpenedAt) } : null;
        var matches = new List<ComplaintRow>();
        foreach (var customerId in (filter.AlsoCustomerIds ?? []).Prepend(filter.CustomerId))
        {
            if (!customers.TryGetValue(customerId, out var log))
            {
                continue;
            }

            var own = customerId == filter.CustomerId;
            lock (log)
            {
                matches.AddRange(log.Complaints.Values
                    .Where(c => (own || c.Status == "Closed")
                        && (statuses is null || statuses.Contains(c.Status))
                        && (after is null || c.OpenedAt < after.OpenedAt
                            || (c.OpenedAt == after.OpenedAt && ComesAfter(c.ComplaintId, customerId, after))))
                    .Select(c => spans ? c with { CustomerId = customerId } : c));
            }
        }

        var page = matches
            .OrderByDescending(c => c.OpenedAt)
            .ThenBy(c => c.ComplaintId, StringComparer.Ordinal)
            .ThenBy(c => c.CustomerId, StringComparer.Ordinal)
            .Take(filter.PageSize + 1)
            .ToList();
        var more = page.Count > filter.PageSize;
        if (more)
        {
            page.RemoveAt(page.Count - 1);
        }

        var next = more ? new ComplaintCursor(page[^1].OpenedAt, page[^1].ComplaintId, page[^1].CustomerId) : null;
        return Task.FromResult(new ComplaintPage(page, next));
    }

    private static bool ComesAfter(string complaintId, string customerId, ComplaintCursor cursor)
    {
        var byId = string.CompareOrdinal(complaintId, cursor.ComplaintId);
        return byId > 0 || (byId == 0 && cursor.CustomerId is { } c && string.CompareOrdinal(customerId, c) > 0);
    }

    /// <inheritdoc />
    public Task<long> LastSequenceAsync(string customerId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(customerId);
        cancellationToken.ThrowIfCancellationRequested();
        if (!customers.TryGetValue(customerId, out var log))
        {
            return Task.FromResult(0L);
        }

        lock (log)
        {
            return Task.FromResult((long)log.Events.Count);
        }
    }

    private static void EnsureJson(string json, string customerId)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"A payload of the append to customer '{customerId}' is not valid JSON.", "append", e);
        }
    }

    private static bool IsOlder(DateTimeOffset occurredAt, long sequence, string customerId, InteractionCursor cursor) =>
        occurredAt < cursor.OccurredAt
        || (occurredAt == cursor.OccurredAt && (sequence < cursor.Sequence
            || (sequence == cursor.Sequence && cursor.CustomerId is { } c && string.CompareOrdinal(customerId, c) < 0)));

    private sealed record Entry(StoredEvent Event, InteractionKey? Interaction);

    private sealed class CustomerLog
    {
        public List<Entry> Events { get; } = [];

        public Dictionary<string, int> Interactions { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, ComplaintRow> Complaints { get; } = new(StringComparer.Ordinal);
    }
}
