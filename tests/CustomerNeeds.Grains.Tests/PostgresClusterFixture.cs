using CustomerNeeds.Domain.Customers;
using CustomerNeeds.Storage;
using CustomerNeeds.Testing;
using Orleans.TestingHost;

namespace CustomerNeeds.Grains.Tests;

/// <summary>
/// An in-process Orleans cluster on a fresh PostgreSQL database (the production storage setup),
/// which tests can restart to prove that state comes back from snapshot plus log.
/// </summary>
public sealed class PostgresClusterFixture : IAsyncLifetime
{
    public const int SnapshotInterval = 5;

    public PostgresDatabase Database { get; } = new();

    public TestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.GrainFactory;

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        Cluster = await StartAsync();
    }

    /// <summary>Stops the whole cluster and starts a new one on the same database.</summary>
    public async Task RestartAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        Cluster = await StartAsync();
    }

    public async Task DisposeAsync()
    {
        await Cluster.DisposeAsync();
        await Database.DisposeAsync();
    }

    private async Task<TestCluster> StartAsync()
    {
        var builder = new TestClusterBuilder(1);
        builder.Options.ServiceId = "grain-tests";
        builder.Properties["ConnectionString"] = Database.ConnectionString;
        builder.AddSiloBuilderConfigurator<Configurator>();
        builder.AddClientBuilderConfigurator<DomainTypesClientConfigurator>();
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    private sealed class Configurator : IHostConfigurator, ISiloConfigurator
    {
        private static string connectionString = "";

        public void Configure(Microsoft.Extensions.Hosting.IHostBuilder hostBuilder)
        {
        }

        public void Configure(ISiloBuilder siloBuilder)
        {
            var configuration = siloBuilder.Configuration;
            connectionString = configuration["ConnectionString"] ?? connectionString;
            siloBuilder.AddCustomerNeedsGrainStorage(connectionString);
            siloBuilder.Services.AddCustomerGrains(CustomerPolicy.Default, grain => grain.SnapshotInterval = SnapshotInterval);
        }
    }
}
