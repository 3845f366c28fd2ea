using CustomerNeeds.Grains.Loyalty;
using CustomerNeeds.Server.Hosting;

namespace CustomerNeeds.Server.Loyalty;

/// <summary>Registers the loyalty sweep's schedule with PostgreSQL storage (docs/loyalty-sweep.md).</summary>
public static class LoyaltySweepRegistration
{
    /// <summary>The sweep options, and with PostgreSQL (unless disabled) the sweep and its schedule. Call after UseOrleans.</summary>
    public static IServiceCollection AddLoyaltySweep(this IServiceCollection services, IConfiguration configuration, StorageMode storage)
    {
        var options = configuration.GetSection(LoyaltySweepOptions.Section).Get<LoyaltySweepOptions>() ?? new LoyaltySweepOptions();
        if (options.Validate() is { Count: > 0 } problems)
        {
            throw new InvalidOperationException($"{LoyaltySweepOptions.Section}: {string.Join("; ", problems)}.");
        }

        services.AddSingleton(options);
        if (storage == StorageMode.Postgres && options.LoyaltySweepEnabled)
        {
            services.AddSingleton(options.Settings);
            services.AddSingleton<LoyaltySweep>();
            services.AddHostedService<LoyaltySweepSchedule>();
        }

        return services;
    }
}
