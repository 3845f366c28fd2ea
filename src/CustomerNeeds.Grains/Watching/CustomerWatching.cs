using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CustomerNeeds.Grains.Watching;

/// <summary>Opens watches of customers from this server (docs/watch.md).</summary>
public sealed class CustomerWatching(IGrainFactory grains, IOptions<CustomerWatchOptions> options, TimeProvider time, ILoggerFactory loggers)
{
    private readonly ILogger logger = loggers.CreateLogger<CustomerFeed>();

    /// <summary>A new feed of one customer; read it once, then dispose it.</summary>
    public CustomerFeed Open(string customerId) => new(grains, customerId, options.Value, time, logger);
}
