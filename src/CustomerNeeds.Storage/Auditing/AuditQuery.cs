namespace CustomerNeeds.Storage.Auditing;

/// <summary>One page of the audit log, newest first; every filter that is set must match (AND).</summary>
/// <param name="PageSize">At most this many rows (at least 1).</param>
/// <param name="Caller">Only this caller (exact); null for all.</param>
/// <param name="Method">Only this method (exact); null for all.</param>
/// <param name="CustomerHash">Only rows about the customer with this hash; null for all.</param>
/// <param name="Outcome">Only this outcome; null for all.</param>
/// <param name="From">Only rows at or after this time; null for no bound.</param>
/// <param name="Before">Only rows before this time; null for no bound.</param>
/// <param name="BeforeSequence">Continue with rows of a lower sequence than this; null for the first page.</param>
public sealed record AuditQuery(
    int PageSize,
    string? Caller = null,
    string? Method = null,
    string? CustomerHash = null,
    string? Outcome = null,
    DateTimeOffset? From = null,
    DateTimeOffset? Before = null,
    long? BeforeSequence = null);
