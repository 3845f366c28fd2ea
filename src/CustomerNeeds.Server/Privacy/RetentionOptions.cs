namespace CustomerNeeds.Server.Privacy;

/// <summary>Retention of interactions: section <c>CustomerNeeds:Privacy</c> (docs/privacy.md, Retention).</summary>
public sealed class RetentionOptions
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "CustomerNeeds:Privacy";

    /// <summary>
    /// How long the personal fields of an interaction are kept after its occur time
    /// (<c>InteractionRetention</c>, a TimeSpan such as "730.00:00:00"). Unset (the default): kept for ever,
    /// and no sweep runs.
    /// </summary>
    public TimeSpan? InteractionRetention { get; set; }

    /// <summary>Whether this server runs the retention sweep when a retention is set (<c>RetentionSweepEnabled</c>, default true; PostgreSQL only).</summary>
    public bool RetentionSweepEnabled { get; set; } = true;

    /// <summary>Time between the start of one run and the next (<c>RetentionSweepInterval</c>, default 1 hour).</summary>
    public TimeSpan RetentionSweepInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Time from start-up to the first run (<c>RetentionSweepFirstRunDelay</c>, default 1 minute).</summary>
    public TimeSpan RetentionSweepFirstRunDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Customers read per query (<c>RetentionSweepBatchSize</c>, default 500).</summary>
    public int RetentionSweepBatchSize { get; set; } = 500;

    /// <summary>Grains anonymising at once (<c>RetentionSweepConcurrency</c>, default 8).</summary>
    public int RetentionSweepConcurrency { get; set; } = 8;

    /// <summary>Customers one run handles at most (<c>RetentionSweepMaxCustomersPerRun</c>, default 10,000).</summary>
    public int RetentionSweepMaxCustomersPerRun { get; set; } = 10_000;

    /// <summary>What is wrong with these options; empty when usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (InteractionRetention is { } retention && retention <= TimeSpan.Zero)
        {
            problems.Add("InteractionRetention must be positive (leave it unset to keep interactions for ever)");
        }

        if (RetentionSweepInterval <= TimeSpan.Zero || RetentionSweepFirstRunDelay < TimeSpan.Zero)
        {
            problems.Add("RetentionSweepInterval must be positive and RetentionSweepFirstRunDelay must not be negative");
        }

        if (RetentionSweepBatchSize < 1 || RetentionSweepConcurrency < 1 || RetentionSweepMaxCustomersPerRun < 1)
        {
            problems.Add("RetentionSweepBatchSize, RetentionSweepConcurrency and RetentionSweepMaxCustomersPerRun must be at least 1");
        }

        return problems;
    }
}
