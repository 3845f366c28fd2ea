using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Npgsql;
using Orleans;
using Orleans.Runtime;
using CustomerNeeds.Storage.GroupCommit;
using CustomerNeeds.Storage.Privacy;

namespace CustomerNeeds.Storage;

/// <summary>Registers the PostgreSQL write path.</summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers one <see cref="NpgsqlDataSource"/> (the server's only connection pool, limited to
    /// <see cref="PostgresOptions.MaxPoolSize"/>), the server's <see cref="GroupCommitAppender"/>,
    /// <see cref="GroupCommitEventLog"/> as <see cref="ICustomerEventLog"/>, <see cref="PostgresStorageProbe"/> as <see cref="IStorageProbe"/>,
    /// <see cref="PostgresKanoFeatureCatalog"/> as <see cref="IKanoFeatureCatalog"/>, <see cref="PostgresCustomerErasureStore"/>, <see cref="PostgresInteractionRetentionStore"/>,
    /// and the schema migration, which runs when the Orleans silo in this container starts: at silo
    /// lifecycle stage <see cref="ServiceLifecycleStage.RuntimeInitialize"/> - 100, before any
    /// storage provider initialises, whatever the order of registration. Calling it again is harmless.
    /// </summary>
    public static IServiceCollection AddCustomerNeedsPostgres(this IServiceCollection services, string connectionString, Action<PostgresOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var options = new PostgresOptions { ConnectionString = connectionString };
        configure?.Invoke(options);
        var poolConnectionString = options.BuildConnectionString();

        services.TryAddSingleton(options);
        services.TryAddSingleton(sp =>
        {
            var builder = new NpgsqlDataSourceBuilder(poolConnectionString);
            if (sp.GetService<ILoggerFactory>() is { } loggerFactory)
            {
                builder.UseLoggerFactory(loggerFactory);
            }

            return builder.Build();
        });
        services.TryAddSingleton(sp => new PostgresCustomerEventLog(sp.GetRequiredService<NpgsqlDataSource>()));
        services.TryAddSingleton(sp => new GroupCommitAppender(
            sp.GetRequiredService<NpgsqlDataSource>(),
            sp.GetRequiredService<PostgresCustomerEventLog>(),
            sp.GetRequiredService<PostgresOptions>().GroupCommit,
            sp.GetRequiredService<ILogger<GroupCommitAppender>>()));
        services.TryAddSingleton<ICustomerEventLog>(sp => new GroupCommitEventLog(
            sp.GetRequiredService<PostgresCustomerEventLog>(), sp.GetRequiredService<GroupCommitAppender>()));
        services.TryAddSingleton<IStorageProbe>(sp => new PostgresStorageProbe(
            sp.GetRequiredService<NpgsqlDataSource>(), sp.GetRequiredService<PostgresOptions>().ProbeTimeout));
        services.TryAddSingleton<IKanoFeatureCatalog>(sp => new PostgresKanoFeatureCatalog(sp.GetRequiredService<NpgsqlDataSource>()));
        services.TryAddSingleton<ICustomerErasureStore>(sp => new PostgresCustomerErasureStore(sp.GetRequiredService<NpgsqlDataSource>()));
        services.TryAddSingleton<IInteractionRetentionStore>(sp => new PostgresInteractionRetentionStore(sp.GetRequiredService<NpgsqlDataSource>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ILifecycleParticipant<ISiloLifecycle>, SchemaMigrationParticipant>());
        return services;
    }
}
