using CustomerNeeds.Server.Hosting;

namespace CustomerNeeds.Server.Privacy;

/// <summary>Registers the retention sweep (docs/privacy.md, Retention).</summary>
public static class RetentionRegistration
{
    /// <summary>The options, and with PostgreSQL, a retention set and the sweep enabled, the sweep and its schedule.</summary>
    public static IServiceCollection AddRetentionSweep(this IServiceCollection services, IConfiguration configuration, StorageMode storage)
    {
        var options = configuration.GetSection(RetentionOptions.Section).Get<RetentionOptions>() ?? new RetentionOptions();
        if (options.Validate() is { Count: > 0 } problems)
        {
            throw new InvalidOperationException($"{RetentionOptions.Section}: {string.Join("; ", problems)}.");
        }

        services.AddSingleton(options);
        if (storage == StorageMode.Postgres && options.InteractionRetention is not null && options.RetentionSweepEnabled)
        {
            services.AddSingleton<RetentionSweep>();
            services.AddHostedService<RetentionSweepSchedule>();
        }

        return services;
    }
}
