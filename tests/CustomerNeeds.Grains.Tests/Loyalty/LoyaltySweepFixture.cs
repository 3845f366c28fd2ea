using CustomerNeeds.Domain.Customers;
using CustomerNeeds.Storage;
using CustomerNeeds.Testing;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace CustomerNeeds.Grains.Tests.Loyalty;

/// <summary>
/// A one-silo cluster on its own PostgreSQL database whose grains read <see cref="ShiftedClock"/>:
/// the sweep tests see only their own customers.
/// </summary>
public sealed class LoyaltySweepFixture : IAsyncLifetime
{
    public PostgresDatabase Database { get; } = new();

    public TestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.GrainFactory;

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        var builder = new TestClusterBuilder(1);
        builder.Options.ServiceId = "loyalty-sweep-tests";
        builder.Properties["ConnectionString"] = Database.ConnectionString;
        builder.AddSiloBuilderConfigurator<Configurator>();
        builder.AddClientBuilderConfigurator<DomainTypesClientConfigurator>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await Cluster.DisposeAsync();
        await Database.DisposeAsync();
    }

    private sealed class Configurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            siloBuilder.AddCustomerNeedsGrainStorage(siloBuilder.Configuration["ConnectionString"]!);

            // Only the customer grain takes the clock; AddCustomerGrains keeps this registration.
            siloBuilder.Services.AddSingleton<TimeProvider>(ShiftedClock.Instance);
            siloBuilder.Services.AddCustomerGrains(CustomerPolicy.Default);
        }
    }
}
