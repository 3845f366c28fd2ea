using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using CustomerNeeds.Testing;
using Npgsql;

namespace CustomerNeeds.Storage.Tests;

public sealed class StorageProbeTests
{
    [Fact]
    public async Task PostgresThatAnswersIsReachable()
    {
        await using var dataSource = NpgsqlDataSource.Create(PostgresServer.ConnectionString);

        Assert.True(await new PostgresStorageProbe(dataSource, TimeSpan.FromSeconds(2)).IsReachableAsync(CancellationToken.None));
    }

    [Fact]
    public async Task PostgresThatDoesNotAnswerIsUnreachableWithinTheTimeout()
    {
        var nobody = new NpgsqlConnectionStringBuilder(PostgresServer.ConnectionString) { Host = "127.0.0.1", Port = ClosedPort() };
        await using var dataSource = NpgsqlDataSource.Create(nobody.ConnectionString);
        var clock = Stopwatch.StartNew();

        Assert.False(await new PostgresStorageProbe(dataSource, TimeSpan.FromSeconds(1)).IsReachableAsync(CancellationToken.None));
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task MemoryIsAlwaysReachable() =>
        Assert.True(await new InMemoryStorageProbe().IsReachableAsync(CancellationToken.None));

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
