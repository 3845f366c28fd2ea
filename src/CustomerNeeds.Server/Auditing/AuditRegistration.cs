using CustomerNeeds.Server.Hosting;
using CustomerNeeds.Storage.Auditing;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;

namespace CustomerNeeds.Server.Auditing;

/// <summary>Registers the audit trail (docs/audit-log.md).</summary>
public static class AuditRegistration
{
    /// <summary>
    /// <see cref="IAuditTrail"/>: with PostgreSQL the background writer (section
    /// <see cref="AuditWriterOptions.Section"/>) as a hosted service; in memory a bounded in-memory trail.
    /// Call after UseOrleans, so that the writer starts after the schema migration.
    /// </summary>
    public static IServiceCollection AddAuditTrail(this IServiceCollection services, IConfiguration configuration, StorageMode storage)
    {
        var options = configuration.GetSection(AuditWriterOptions.Section).Get<AuditWriterOptions>() ?? new AuditWriterOptions();
        if (options.Validate() is { Count: > 0 } problems)
        {
            throw new InvalidOperationException($"{AuditWriterOptions.Section}: {string.Join("; ", problems)}.");
        }

        services.TryAddSingleton<ReadModelStorage>();
        if (storage == StorageMode.InMemory)
        {
            services.AddSingleton<InMemoryAuditTrail>();
            services.AddSingleton<IAuditTrail>(sp => sp.GetRequiredService<InMemoryAuditTrail>());
            return services;
        }

        services.AddSingleton(options);
        services.AddSingleton(sp => new PostgresAuditLog(sp.GetRequiredService<NpgsqlDataSource>()));
        services.AddSingleton<AuditWriter>();
        services.AddSingleton<PostgresAuditTrail>();
        services.AddSingleton<IAuditTrail>(sp => sp.GetRequiredService<PostgresAuditTrail>());
        services.AddHostedService(sp => sp.GetRequiredService<PostgresAuditTrail>());
        return services;
    }
}
