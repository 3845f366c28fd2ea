namespace CustomerNeeds.Server.Security.ApiKeys;

/// <summary>Settings of the key cache and its listener: section <c>CustomerNeeds:Security:ApiKeys</c>.</summary>
public sealed class ApiKeyOptions
{
    public const string Section = "CustomerNeeds:Security:ApiKeys";

    /// <summary>Most verified keys a server caches; further keys are read from PostgreSQL on every call.</summary>
    public int CacheCapacity { get; set; } = 10_000;

    /// <summary>First wait before the listener reconnects; doubled after each failed attempt.</summary>
    public TimeSpan ListenerRetryMinDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Longest wait between reconnection attempts.</summary>
    public TimeSpan ListenerRetryMaxDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>After this long without a notification the listener probes its connection (<c>SELECT 1</c>).</summary>
    public TimeSpan ListenerProbeInterval { get; set; } = TimeSpan.FromSeconds(15);
}
