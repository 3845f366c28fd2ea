namespace CustomerNeeds.Server.Security;

/// <summary>A token bucket: refilled at <see cref="PermitsPerSecond"/>, holding at most <see cref="Burst"/>.</summary>
public sealed class RateLimitOptions
{
    public int PermitsPerSecond { get; set; }

    public int Burst { get; set; }
}
