namespace CustomerNeeds.Storage.Tests;

/// <summary>A stand-in for a grain snapshot: a few shapes System.Text.Json must round-trip.</summary>
public sealed class SnapshotProbe
{
    public string Name { get; set; } = "";

    public int Count { get; set; }

    public List<string> Tags { get; set; } = [];

    public DateTimeOffset? LastSeen { get; set; }

    public Dictionary<string, decimal> Totals { get; set; } = [];

    /// <summary>A field added after some snapshots were written: those read with the default.</summary>
    public string AddedLater { get; set; } = "default";
}
