using CustomerNeeds.Storage.GroupCommit;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans;
using Orleans.Runtime;
using Orleans.Storage;

namespace CustomerNeeds.Storage.Tests;

/// <summary>What the registration extensions put into a silo.</summary>
public sealed class StorageWiringTests(TwoSilos silos) : IClassFixture<TwoSilos>
{
    [Fact]
    public void ThePostgresSiloUsesOnePoolForTheLogTheProbeAndGrainStorage()
    {
        var services = silos.First.Services;

        Assert.IsType<GroupCommitEventLog>(services.GetRequiredService<ICustomerEventLog>());
        Assert.Same(services.GetRequiredService<GroupCommitAppender>(), services.GetRequiredService<GroupCommitAppender>());
        Assert.IsType<PostgresStorageProbe>(services.GetRequiredService<IStorageProbe>());
        var pool = new NpgsqlConnectionStringBuilder(services.GetRequiredService<NpgsqlDataSource>().ConnectionString);
        Assert.Equal(20, pool.MaxPoolSize);
        var storage = Assert.IsType<AdoNetGrainStorage>(silos.First.Storage);
        Assert.IsType<SystemTextJsonGrainStorageSerializer>(storage.Serializer);
    }

    [Fact]
    public async Task ThePostgresProbeOfASiloAnswers() =>
        Assert.True(await silos.First.Services.GetRequiredService<IStorageProbe>().IsReachableAsync(CancellationToken.None));

    [Fact]
    public async Task TheInMemorySiloKeepsTheSameNamesAndSerializer()
    {
        await using var silo = await StorageSilo.StartAsync("customerneeds-memory-tests", builder => builder.AddCustomerNeedsInMemoryStorage());

        Assert.IsType<InMemoryCustomerEventLog>(silo.Services.GetRequiredService<ICustomerEventLog>());
        Assert.True(await silo.Services.GetRequiredService<IStorageProbe>().IsReachableAsync(CancellationToken.None));
        Assert.Null(silo.Services.GetService<NpgsqlDataSource>());

        var id = GrainId.Create("probe", "memory-" + Guid.NewGuid().ToString("N", System.Globalization.CultureInfo.InvariantCulture));
        var written = new GrainState<SnapshotProbe>(new SnapshotProbe { Name = "in memory", Tags = ["a"] });
        await silo.Storage.WriteStateAsync("probe-grain", id, written);
        var read = new GrainState<SnapshotProbe>();
        await silo.Storage.ReadStateAsync("probe-grain", id, read);

        Assert.Equal(written.ETag, read.ETag);
        Assert.True(read.RecordExists);
        Assert.Equivalent(written.State, read.State, strict: true);
        written.State!.Name = "stale";
        read.State!.Count = 1;
        await silo.Storage.WriteStateAsync("probe-grain", id, read);
        await Assert.ThrowsAsync<InconsistentStateException>(() => silo.Storage.WriteStateAsync("probe-grain", id, written));
    }

    [Fact]
    public void ThePoolLimitIsAppliedToAConnectionStringWithoutOne()
    {
        var options = new PostgresOptions { ConnectionString = "Host=db.example;Username=u;Minimum Pool Size=60" };

        var built = new NpgsqlConnectionStringBuilder(options.BuildConnectionString());

        Assert.Equal(40, built.MaxPoolSize);
        Assert.Equal(40, built.MinPoolSize);
        Assert.Equal("db.example", built.Host);
    }

    [Theory]
    [InlineData("Host=db.example;Username=u;Maximum Pool Size=25;Minimum Pool Size=60")]
    [InlineData("Host=db.example;Username=u;maxpoolsize=25;Minimum Pool Size=60")]
    public void ThePoolSizeTheConnectionStringSetsWins(string connectionString)
    {
        var options = new PostgresOptions { ConnectionString = connectionString };

        var built = new NpgsqlConnectionStringBuilder(options.BuildConnectionString());

        Assert.Equal(25, built.MaxPoolSize);
        Assert.Equal(25, built.MinPoolSize);
    }
}
