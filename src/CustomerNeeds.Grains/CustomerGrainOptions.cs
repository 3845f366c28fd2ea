namespace CustomerNeeds.Grains;

/// <summary>Settings of <see cref="CustomerGrain"/>.</summary>
public sealed class CustomerGrainOptions
{
    /// <summary>Write a snapshot every this many committed events (and on deactivation).</summary>
    public int SnapshotInterval { get; set; } = 64;

    /// <summary>How long a watcher stays registered without renewing (docs/watch.md).</summary>
    public TimeSpan WatcherLease { get; set; } = TimeSpan.FromMinutes(1);
}
