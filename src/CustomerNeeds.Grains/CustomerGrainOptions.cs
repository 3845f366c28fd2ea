namespace CustomerNeeds.Grains;

/// <summary>Settings of <see cref="CustomerGrain"/>.</summary>
public sealed class CustomerGrainOptions
{
    /// <summary>Write a snapshot every this many committed events (and on deactivation).</summary>
    public int SnapshotInterval { get; set; } = 64;
}
