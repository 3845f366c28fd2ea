using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Hosting;
using Orleans.Serialization;
using Orleans.Storage;
using CustomerNeeds.Storage.Privacy;

namespace CustomerNeeds.Storage;

/// <summary>Configures the silo's grain storage, the same provider name in production and tests.</summary>
public static class StorageSiloBuilderExtensions
{
    /// <summary>
    /// The PostgreSQL write path for a silo: everything <see cref="StorageServiceCollectionExtensions.AddCustomerNeedsPostgres"/>
    /// registers, plus the Orleans ADO.NET grain storage <see cref="StorageNames.GrainStorage"/> on
    /// the same connection pool, with our schema and queries (migration 0001) and System.Text.Json
    /// as its serializer: snapshots are stored as readable JSON, unknown fields are ignored and
    /// missing ones take their defaults when a snapshot written by an earlier version is read.
    /// Orleans reminders are stored by the ADO.NET reminder table on the same pool (migration 0009).
    /// </summary>
    public static ISiloBuilder AddCustomerNeedsGrainStorage(this ISiloBuilder builder, string connectionString, Action<PostgresOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddCustomerNeedsPostgres(connectionString, configure);

        // A storage failure in a grain travels back to the calling silo, which may be another server of the
        // cluster. Orleans serializes only exceptions of the namespaces it is told of; without Npgsql's, the
        // caller got a CodecNotFoundException instead of the storage failure and answered INTERNAL instead of
        // UNAVAILABLE (found by the PostgreSQL outage fault test, docs/operations.md).
        builder.Services.Configure<ExceptionSerializationOptions>(options => options.SupportedNamespacePrefixes.Add("Npgsql"));
        builder.Services.AddAdoNetGrainStorage(StorageNames.GrainStorage, optionsBuilder => optionsBuilder
            .Configure<NpgsqlDataSource, IOptions<SystemTextJsonGrainStorageSerializerOptions>>((options, dataSource, json) =>
            {
                options.Invariant = StorageNames.NpgsqlInvariant;
                options.DataSource = dataSource;
                options.GrainStorageSerializer = new SystemTextJsonGrainStorageSerializer(json);
            }));
        builder.UseAdoNetReminderService(optionsBuilder => optionsBuilder
            .Configure<NpgsqlDataSource>((options, dataSource) =>
            {
                // Our schema and statements: migration 0009 (docs/complaint-slas.md).
                options.Invariant = StorageNames.NpgsqlInvariant;
                options.DataSource = dataSource;
            }));
        return builder;
    }

    /// <summary>
    /// Cluster membership in PostgreSQL (docs/clustering.md): the Orleans ADO.NET clustering
    /// provider on the pool of <see cref="AddCustomerNeedsGrainStorage"/>, with our tables and
    /// statements (migration 0015). Call after <see cref="AddCustomerNeedsGrainStorage"/>.
    /// </summary>
    public static ISiloBuilder UseCustomerNeedsClustering(this ISiloBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseAdoNetClustering(optionsBuilder => optionsBuilder
            .Configure<NpgsqlDataSource>((options, dataSource) =>
            {
                options.Invariant = StorageNames.NpgsqlInvariant;
                options.DataSource = dataSource;
            }));
        return builder;
    }

    /// <summary>
    /// The in-memory write path (explicit in-memory mode and grain tests): memory grain storage
    /// under the same name and with the same serializer, <see cref="InMemoryCustomerEventLog"/>, an
    /// always-reachable probe and <see cref="UncheckedKanoFeatureCatalog"/> (no KANO feature check).
    /// Reminders live in memory too. Nothing survives the process.
    /// </summary>
    public static ISiloBuilder AddCustomerNeedsInMemoryStorage(this ISiloBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddMemoryGrainStorage(StorageNames.GrainStorage, optionsBuilder => optionsBuilder
            .Configure<IOptions<SystemTextJsonGrainStorageSerializerOptions>>((options, json) =>
                options.GrainStorageSerializer = new SystemTextJsonGrainStorageSerializer(json)));
        builder.Services.TryAddSingleton<ICustomerEventLog, InMemoryCustomerEventLog>();
        builder.Services.TryAddSingleton<IStorageProbe, InMemoryStorageProbe>();
        builder.Services.TryAddSingleton<IKanoFeatureCatalog, UncheckedKanoFeatureCatalog>();
        builder.Services.TryAddSingleton<ICustomerErasureStore>(sp => new InMemoryCustomerErasureStore(sp.GetRequiredService<ICustomerEventLog>()));
        builder.Services.TryAddSingleton<IInteractionRetentionStore, InMemoryInteractionRetentionStore>();
        builder.UseInMemoryReminderService();
        return builder;
    }
}
