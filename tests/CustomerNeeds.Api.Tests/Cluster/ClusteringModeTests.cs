using CustomerNeeds.Api.Tests.Infrastructure;
using CustomerNeeds.Testing;

namespace CustomerNeeds.Api.Tests.Cluster;

/// <summary>The clustering modes that cannot work where they are started refuse to start, saying why (docs/clustering.md).</summary>
public sealed class ClusteringModeTests
{
    [Fact]
    public async Task Postgres_clustering_without_postgres_storage_does_not_start()
    {
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => ServerProcess.StartAsync(null, new Dictionary<string, string>
        {
            ["CustomerNeeds__Cluster__Clustering"] = "Postgres",
        }));

        Assert.Contains("Clustering Postgres keeps the membership in PostgreSQL", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kubernetes_hosting_outside_kubernetes_does_not_start_and_names_what_is_missing()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => ServerProcess.StartAsync(database.ConnectionString, new Dictionary<string, string>
        {
            ["CustomerNeeds__Cluster__Clustering"] = "Kubernetes",
            ["POD_IP"] = "127.0.0.1",
            ["POD_NAME"] = "customerneeds-0",
            ["POD_NAMESPACE"] = "default",
        }));

        Assert.Contains("KUBERNETES_SERVICE_HOST", failure.Message, StringComparison.Ordinal);
    }
}
