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
    public async Task PostgresThatRefusesConnectionsIsUnreachable()
    {
        var nobody = new NpgsqlConnectionStringBuilder(PostgresServer.ConnectionString) { Host = "127.0.0.1", Port = LoopbackPort.Unused() };
        await using var dataSource = NpgsqlDataSource.Create(nobody.ConnectionString);

        Assert.False(await new PostgresStorageProbe(dataSource, TimeSpan.FromSeconds(1)).IsReachableAsync(CancellationToken.None));
    }

    [Fact]
    public async Task PostgresThatNeverAnswersIsUnreachableAfterTheTimeout()
    {
        // Accepts connections and never says a word, like a hung server.
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var accepted = new List<Socket>();
        var accepting = Task.Run(async () =>
        {
            while (true)
            {
                accepted.Add(await silent.AcceptSocketAsync());
            }
        });
        var hung = new NpgsqlConnectionStringBuilder(PostgresServer.ConnectionString)
        {
            Host = "127.0.0.1",
            Port = ((IPEndPoint)silent.LocalEndpoint).Port,
            Timeout = 30,
        };
        await using var dataSource = NpgsqlDataSource.Create(hung.ConnectionString);
        var clock = Stopwatch.StartNew();

        var reachable = await new PostgresStorageProbe(dataSource, TimeSpan.FromSeconds(1)).IsReachableAsync(CancellationToken.None);

        Assert.False(reachable);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(5));
        silent.Stop();
        foreach (var socket in accepted.ToArray())
        {
            socket.Dispose();
        }
    }

    [Fact]
    public async Task MemoryIsAlwaysReachable() =>
        Assert.True(await new InMemoryStorageProbe().IsReachableAsync(CancellationToken.None));
}
