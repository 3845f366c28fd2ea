namespace CustomerNeeds.Storage.Privacy;

/// <summary>What is kept of an erased customer (docs/privacy.md): the hash of its id, when, and who asked.</summary>
/// <param name="CustomerHash">SHA-256 of the customer id, lower-case hex.</param>
/// <param name="ErasedAt">When it was erased (UTC, microsecond precision).</param>
/// <param name="ErasedBy">The caller who asked, as the audit log names it.</param>
/// <param name="ErasedCount">How many customers the erasure took: 1 plus the customers merged into the one asked for.</param>
public sealed record CustomerTombstone(string CustomerHash, DateTimeOffset ErasedAt, string ErasedBy, int ErasedCount);
