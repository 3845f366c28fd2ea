using CustomerNeeds.Domain.Customers;
using CustomerNeeds.Storage;
using Orleans.TestingHost;

namespace CustomerNeeds.Grains.Tests;

/// <summary>An in-process Orleans cluster with in-memory storage (the --in-memory setup).</summary>
public sealed class InMemoryClusterFixture : IAsyncLifetime
{
    public TestCluster Cluster { get; } = new TestClusterBuilder(1).AddSiloBuilderConfigurator<Configurator>().AddClientBuilderConfigurator<DomainTypesClientConfigurator>().Build();

    public IGrainFactory Grains => Cluster.GrainFactory;

    public Task InitializeAsync() => Cluster.DeployAsync();

    public async Task DisposeAsync() => await Cluster.DisposeAsync();

    private sealed class Configurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            siloBuilder.AddCustomerNeedsInMemoryStorage();
            siloBuilder.Services.AddCustomerGrains(CustomerPolicy.Default, grain => grain.SnapshotInterval = 4);
        }
    }
}
