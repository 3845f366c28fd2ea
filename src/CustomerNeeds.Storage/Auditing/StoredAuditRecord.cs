namespace CustomerNeeds.Storage.Auditing;

/// <summary>An audit row as read back: its position in the log and its content.</summary>
/// <param name="Sequence">The row's sequence (increases with every row written).</param>
/// <param name="Record">The row's content.</param>
public sealed record StoredAuditRecord(long Sequence, AuditRecord Record);
