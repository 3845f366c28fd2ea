namespace CustomerNeeds.Server.Security;

/// <summary>Section <c>CustomerNeeds:Security</c>: authentication and per-caller limits (docs/security.md).</summary>
public sealed class SecurityOptions
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "CustomerNeeds:Security";

    /// <summary>JWT bearer tokens of internal tools; without an issuer no bearer token is accepted.</summary>
    public JwtOptions Jwt { get; set; } = new();

    /// <summary>Token buckets per role (a caller gets the largest of its roles').</summary>
    public Dictionary<string, RateLimitOptions> RateLimits { get; set; } = new(StringComparer.Ordinal)
    {
        [Role.Channel] = new() { PermitsPerSecond = 2000, Burst = 4000 },
        [Role.Agent] = new() { PermitsPerSecond = 500, Burst = 1000 },
        [Role.Analyst] = new() { PermitsPerSecond = 50, Burst = 100 },
        [Role.Admin] = new() { PermitsPerSecond = 20, Burst = 40 },
    };

    /// <summary>Most streaming calls (WatchCustomer, StreamInteractions, ExportCustomer) one caller may hold open on one server.</summary>
    public int MaxConcurrentStreams { get; set; } = 16;
}
