namespace CustomerNeeds.Server.Auditing;

/// <summary>Where audited calls go: an append-only log written in the background (docs/security.md, "Audit log").</summary>
public interface IAuditTrail
{
    /// <summary>False while the trail cannot take more entries (its queue is full): audited calls are then refused before they run.</summary>
    bool IsAccepting { get; }

    /// <summary>Queues one entry; never blocks. False when the queue is full.</summary>
    bool TryRecord(AuditEntry entry);
}
