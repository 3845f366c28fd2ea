namespace CustomerNeeds.Server.Auditing;

/// <summary>
/// The audit trail of a server started in memory: keeps the newest <see cref="Capacity"/> entries,
/// lost at exit like every in-memory state. ListAuditEvents is not served in memory (FAILED_PRECONDITION).
/// </summary>
public sealed class InMemoryAuditTrail : IAuditTrail
{
    /// <summary>Entries kept at most; the oldest goes when a new one comes.</summary>
    public const int Capacity = 10_000;

    private readonly Queue<AuditEntry> entries = new();
    private readonly Lock gate = new();

    /// <inheritdoc />
    public bool IsAccepting => true;

    /// <summary>The entries kept, oldest first.</summary>
    public IReadOnlyList<AuditEntry> Entries
    {
        get
        {
            lock (gate)
            {
                return entries.ToArray();
            }
        }
    }

    /// <inheritdoc />
    public bool TryRecord(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        lock (gate)
        {
            if (entries.Count == Capacity)
            {
                entries.Dequeue();
            }

            entries.Enqueue(entry);
        }

        return true;
    }
}
