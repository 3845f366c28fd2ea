namespace CustomerNeeds.Storage.GroupCommit;

/// <summary>How the server's appender batches appends into PostgreSQL transactions (docs/group-commit.md).</summary>
public sealed class GroupCommitOptions
{
    /// <summary>Appends waiting for a batch; a full queue refuses new appends at once.</summary>
    public int QueueCapacity { get; set; } = 10_000;

    /// <summary>Most appends (customers) in one transaction.</summary>
    public int MaxBatchAppends { get; set; } = 1_000;

    /// <summary>Most events in one transaction (a batch stops growing once it has reached this).</summary>
    public int MaxBatchEvents { get; set; } = 5_000;

    /// <summary>Batch transactions in flight at once, each on its own pooled connection.</summary>
    public int Committers { get; set; } = 1;

    /// <summary>Throws when a setting is out of range.</summary>
    public void Validate()
    {
        if (QueueCapacity < 1 || MaxBatchAppends < 1 || MaxBatchEvents < 1 || Committers < 1)
        {
            throw new InvalidOperationException(
                $"Group commit settings must be at least 1 (QueueCapacity {QueueCapacity}, MaxBatchAppends {MaxBatchAppends}, MaxBatchEvents {MaxBatchEvents}, Committers {Committers}).");
        }
    }
}
