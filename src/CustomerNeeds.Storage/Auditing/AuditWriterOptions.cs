namespace CustomerNeeds.Storage.Auditing;

/// <summary>The audit writer's queue, batches and retries: section <c>CustomerNeeds:Audit</c> (docs/audit-log.md).</summary>
public sealed class AuditWriterOptions
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "CustomerNeeds:Audit";

    /// <summary>Entries queued at most; while full the trail accepts nothing (<c>QueueCapacity</c>, default 100,000).</summary>
    public int QueueCapacity { get; set; } = 100_000;

    /// <summary>Entries written by one COPY at most (<c>MaxBatchSize</c>, default 500).</summary>
    public int MaxBatchSize { get; set; } = 500;

    /// <summary>How long a batch gathers entries after its first (<c>MaxBatchDelay</c>, default 100 ms).</summary>
    public TimeSpan MaxBatchDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The first wait after a failed write; doubles with every further failure (<c>RetryDelay</c>, default 100 ms).</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The longest wait between retries (<c>MaxRetryDelay</c>, default 5 s).</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>What is wrong with these options; empty when usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (QueueCapacity < 1 || MaxBatchSize < 1)
        {
            problems.Add("QueueCapacity and MaxBatchSize must be at least 1");
        }

        if (MaxBatchDelay < TimeSpan.Zero || RetryDelay <= TimeSpan.Zero || MaxRetryDelay < RetryDelay)
        {
            problems.Add("MaxBatchDelay must not be negative, RetryDelay must be positive and MaxRetryDelay at least RetryDelay");
        }

        return problems;
    }
}
