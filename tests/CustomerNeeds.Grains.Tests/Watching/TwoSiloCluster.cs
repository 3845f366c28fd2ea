using CustomerNeeds.Domain.Customers;
using CustomerNeeds.Grains.Watching;
using CustomerNeeds.Storage;
using CustomerNeeds.Testing;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace CustomerNeeds.Grains.Tests.Watching;

/// <summary>
/// Two in-process silos of one cluster on a fresh PostgreSQL database, with short watch timings
/// (renewal every 500 ms, lease 3 s), for watches whose watcher and grain live on different silos.
/// </summary>
public sealed class TwoSiloCluster : IAsyncDisposable
{
    public static readonly TimeSpan RenewInterval = TimeSpan.FromMilliseconds(500);

    private TwoSiloCluster(PostgresDatabase database, TestCluster cluster)
    {
        Database = database;
        Cluster = cluster;
    }

    public PostgresDatabase Database { get; }

    public TestCluster Cluster { get; }

    public IGrainFactory Grains => Cluster.GrainFactory;

    public static async Task<TwoSiloCluster> StartAsync()
    {
        var database = new PostgresDatabase();
        await database.InitializeAsync();
        var builder = new TestClusterBuilder(2);
        builder.Options.ServiceId = "watch-tests";
        builder.Properties["ConnectionString"] = database.ConnectionString;
        builder.AddSiloBuilderConfigurator<Configurator>();
        builder.AddClientBuilderConfigurator<DomainTypesClientConfigurator>();
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return new TwoSiloCluster(database, cluster);
    }

    /// <summary>The silo the customer's grain is activated on.</summary>
    public async Task<SiloHandle> SiloOfAsync(string customerId)
    {
        var address = await Grains.GetGrain<IManagementGrain>(0).GetActivationAddress(Grains.GetGrain<Abstractions.ICustomerGrain>(customerId));
        return Cluster.Silos.Single(s => s.SiloAddress.Equals(address));
    }

    /// <summary>A silo other than <paramref name="silo"/>.</summary>
    public SiloHandle Other(SiloHandle silo) => Cluster.Silos.First(s => !s.SiloAddress.Equals(silo.SiloAddress));

    /// <summary>Watches of customers opened on <paramref name="silo"/>.</summary>
    public static CustomerWatching WatchingOn(SiloHandle silo) =>
        ((InProcessSiloHandle)silo).ServiceProvider.GetRequiredService<CustomerWatching>();

    public async ValueTask DisposeAsync()
    {
        await Cluster.DisposeAsync();
        await Database.DisposeAsync();
    }

    private sealed class Configurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            var connectionString = siloBuilder.Configuration["ConnectionString"]!;
            siloBuilder.AddCustomerNeedsGrainStorage(connectionString);
            siloBuilder.Services.AddCustomerGrains(CustomerPolicy.Default, grain => grain.WatcherLease = TimeSpan.FromSeconds(3));
            siloBuilder.Services.Configure<CustomerWatchOptions>(o => o.RenewInterval = RenewInterval);
        }
    }
}
