namespace CustomerNeeds.Storage.Auditing;

/// <summary>One page of the audit log, newest first.</summary>
/// <param name="Records">The rows of the page.</param>
/// <param name="NextBeforeSequence">The sequence to continue below when there are more rows; null on the last page.</param>
public sealed record AuditPage(IReadOnlyList<StoredAuditRecord> Records, long? NextBeforeSequence);
