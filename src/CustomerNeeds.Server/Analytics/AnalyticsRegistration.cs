using CustomerNeeds.Server.Hosting;
using CustomerNeeds.Server.Services;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CustomerNeeds.Server.Analytics;

/// <summary>Registers the analytics services (AnalyticsService, KanoService) and, with PostgreSQL storage, the RFM schedule.</summary>
public static class AnalyticsRegistration
{
    /// <summary>
    /// The read-model storage accessor, the RFM schedule settings, and the schedule itself unless
    /// the server runs in memory. Call after UseOrleans, so that the schedule starts after the silo
    /// (and with it the schema migration).
    /// </summary>
    public static IServiceCollection AddAnalytics(this IServiceCollection services, IConfiguration configuration, StorageMode storage)
    {
        var schedule = configuration.GetSection(RfmScheduleOptions.Section).Get<RfmScheduleOptions>() ?? new RfmScheduleOptions();
        if (schedule.RfmInterval <= TimeSpan.Zero || schedule.RfmFirstRunDelay < TimeSpan.Zero)
        {
            throw new InvalidOperationException(
                $"{RfmScheduleOptions.Section}:RfmInterval must be positive and RfmFirstRunDelay must not be negative.");
        }

        services.AddSingleton(schedule);
        services.TryAddSingleton<ReadModelStorage>();
        if (storage == StorageMode.Postgres)
        {
            services.AddHostedService<RfmSchedule>();
        }

        return services;
    }

    /// <summary>Maps AnalyticsService and KanoService.</summary>
    public static WebApplication MapAnalytics(this WebApplication app)
    {
        app.MapGrpcService<AnalyticsApi>();
        app.MapGrpcService<KanoApi>();
        return app;
    }
}
