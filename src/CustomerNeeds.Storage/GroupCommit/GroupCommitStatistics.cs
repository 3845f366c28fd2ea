namespace CustomerNeeds.Storage.GroupCommit;

/// <summary>Counters of one appender since it started.</summary>
/// <param name="Batches">Transactions committed (fast path) or attempted and failed.</param>
/// <param name="Appends">Appends committed.</param>
/// <param name="Events">Events committed.</param>
/// <param name="Fallbacks">Batches retried append by append after a constraint or data error.</param>
/// <param name="FailedBatches">Batches failed on a storage error (every caller failed).</param>
/// <param name="Refused">Appends refused because the queue was full.</param>
public sealed record GroupCommitStatistics(long Batches, long Appends, long Events, long Fallbacks, long FailedBatches, long Refused);
