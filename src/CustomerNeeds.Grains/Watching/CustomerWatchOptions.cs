namespace CustomerNeeds.Grains.Watching;

/// <summary>Settings of a watcher's feed, section <c>CustomerNeeds:Watch</c> (docs/watch.md).</summary>
public sealed class CustomerWatchOptions
{
    public const string Section = "CustomerNeeds:Watch";

    /// <summary>Commits queued for one watcher before its stream ends with RESOURCE_EXHAUSTED.</summary>
    public int BufferedCommits { get; set; } = 256;

    /// <summary>How often a watcher renews its registration and checks for missed changes.</summary>
    public TimeSpan RenewInterval { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Events read from the log per page while catching up.</summary>
    public int CatchUpPageSize { get; set; } = 256;

    /// <summary>Throws when a setting is out of range.</summary>
    public void Validate()
    {
        if (BufferedCommits < 1)
        {
            throw new InvalidOperationException($"{Section}:BufferedCommits must be at least 1 (is {BufferedCommits}).");
        }

        if (RenewInterval <= TimeSpan.Zero)
        {
            throw new InvalidOperationException($"{Section}:RenewInterval must be positive (is {RenewInterval}).");
        }

        if (CatchUpPageSize is < 1 or > Grains.CustomerGrain.MaxChangesPerRead)
        {
            throw new InvalidOperationException($"{Section}:CatchUpPageSize must be between 1 and {Grains.CustomerGrain.MaxChangesPerRead} (is {CatchUpPageSize}).");
        }
    }
}
