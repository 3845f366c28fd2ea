using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace CustomerNeeds.Server.Security;

/// <summary>
/// Per-caller limits on one server (docs/security.md, "Limits"): a token bucket per caller, sized by the
/// largest of its roles' limits, and a count of its open streams.
/// </summary>
public sealed class CallerLimits : IDisposable
{
    private static readonly TimeSpan Replenishment = TimeSpan.FromMilliseconds(100);
    private readonly SecurityOptions options;
    private readonly PartitionedRateLimiter<Caller> limiter;
    private readonly ConcurrentDictionary<string, int> openStreams = new(StringComparer.Ordinal);

    public CallerLimits(IOptions<SecurityOptions> security)
    {
        options = security.Value;
        limiter = PartitionedRateLimiter.Create<Caller, string>(caller =>
        {
            var limit = LimitOf(caller);
            var perSecond = Math.Max(1, limit.PermitsPerSecond);

            // Refilled every 100 ms; below 10 calls/s one token per 1/rate seconds.
            var period = perSecond >= 10 ? Replenishment : TimeSpan.FromSeconds(1.0 / perSecond);
            var tokens = perSecond >= 10 ? (int)Math.Ceiling(perSecond * Replenishment.TotalSeconds) : 1;
            return RateLimitPartition.GetTokenBucketLimiter(caller.Id + "|" + limit.PermitsPerSecond + "|" + limit.Burst, _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = Math.Max(1, limit.Burst),
                TokensPerPeriod = tokens,
                ReplenishmentPeriod = period,
                QueueLimit = 0,
                AutoReplenishment = true,
            });
        });
    }

    /// <summary>The caller's rate: the largest of its roles' limits.</summary>
    public RateLimitOptions LimitOf(Caller caller)
    {
        var best = new RateLimitOptions { PermitsPerSecond = 0, Burst = 0 };
        foreach (var role in caller.Roles)
        {
            if (options.RateLimits.TryGetValue(role, out var limit) && limit.PermitsPerSecond > best.PermitsPerSecond)
            {
                best = limit;
            }
        }

        return best;
    }

    /// <summary>Takes one permit; when none is left, how long until one is (null when taken).</summary>
    public TimeSpan? TryTake(Caller caller)
    {
        using var lease = limiter.AttemptAcquire(caller);
        if (lease.IsAcquired)
        {
            return null;
        }

        return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : Replenishment;
    }

    /// <summary>Most streams one caller may hold open on this server.</summary>
    public int MaxConcurrentStreams => options.MaxConcurrentStreams;

    /// <summary>Opens a stream slot for the caller; false when it holds <see cref="MaxConcurrentStreams"/> already.</summary>
    public bool TryOpenStream(Caller caller)
    {
        while (true)
        {
            var current = openStreams.GetOrAdd(caller.Id, 0);
            if (current >= options.MaxConcurrentStreams)
            {
                return false;
            }

            if (openStreams.TryUpdate(caller.Id, current + 1, current))
            {
                return true;
            }
        }
    }

    /// <summary>Closes a slot opened by <see cref="TryOpenStream"/>.</summary>
    public void CloseStream(Caller caller) => openStreams.AddOrUpdate(caller.Id, 0, (_, n) => Math.Max(0, n - 1));

    public void Dispose() => limiter.Dispose();
}
