using CustomerNeeds.Api.Tests.Cluster;
using CustomerNeeds.Api.Tests.Infrastructure;
using CustomerNeeds.Api.V1;
using CustomerNeeds.Client;
using CustomerNeeds.Testing;
using Npgsql;

namespace CustomerNeeds.Cluster.Tests.Loopback;

/// <summary>
/// Servers clustered on loopback (Clustering=Postgres) on a PostgreSQL of their own, and one client channel
/// of src/CustomerNeeds.Client over all of them (round-robin, the documented retry policy). The first server
/// applies the migrations; the others then join in parallel.
/// </summary>
public sealed class LoopbackCluster : IAsyncDisposable
{
    /// <summary>The database every server of the test uses.</summary>
    public const string DatabaseName = "customerneeds";

    private LoopbackCluster(LoopbackPostgres postgres, string clusterId)
    {
        Postgres = postgres;
        ClusterId = clusterId;
        ConnectionString = postgres.ConnectionString(DatabaseName, "Maximum Pool Size=40");
        DataSource = NpgsqlDataSource.Create(postgres.ConnectionString(DatabaseName, "Pooling=false"));
    }

    /// <summary>The cluster's own PostgreSQL.</summary>
    public LoopbackPostgres Postgres { get; }

    /// <summary>The servers' ClusterId.</summary>
    public string ClusterId { get; }

    /// <summary>The servers' connection string (a pool of at most 40 per server).</summary>
    public string ConnectionString { get; }

    /// <summary>Unpooled connections to the database, for the tests' own reads (survives a PostgreSQL restart).</summary>
    public NpgsqlDataSource DataSource { get; }

    /// <summary>The servers, in start order.</summary>
    public IReadOnlyList<ServerProcess> Servers { get; private set; } = [];

    /// <summary>The client channel over every server's address.</summary>
    public CustomerNeedsChannel Channel { get; private set; } = null!;

    /// <summary>CustomerService over <see cref="Channel"/>.</summary>
    public CustomerService.CustomerServiceClient Customers => new(Channel.CallInvoker);

    /// <summary>InteractionService over <see cref="Channel"/>.</summary>
    public InteractionService.InteractionServiceClient Interactions => new(Channel.CallInvoker);

    /// <summary>
    /// Starts PostgreSQL, creates the database and starts <paramref name="servers"/> members of one new cluster with
    /// <paramref name="settings"/> (environment form) on top of the defaults of <see cref="ServerProcess"/>.
    /// </summary>
    public static async Task<LoopbackCluster> StartAsync(int servers = 3, IReadOnlyDictionary<string, string>? settings = null)
    {
        var postgres = await LoopbackPostgres.StartAsync();
        var cluster = new LoopbackCluster(postgres, ClusterSettings.NewClusterId());
        try
        {
            await postgres.CreateDatabaseAsync(DatabaseName);
            var started = new List<ServerProcess> { await cluster.StartMemberAsync(cluster.ClusterId, settings) };
            cluster.Servers = started;
            started.AddRange(await Task.WhenAll(Enumerable.Range(1, servers - 1).Select(_ => cluster.StartMemberAsync(cluster.ClusterId, settings))));
            cluster.Channel = CustomerNeedsChannel.Create(new CustomerNeedsClientOptions
            {
                Addresses = [.. started.Select(s => s.Address)],
                BearerToken = TestTokens.Default,
                DefaultDeadline = TimeSpan.FromSeconds(30),
            });
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }

        return cluster;
    }

    /// <summary>Starts one more server on the same database as a member of <paramref name="clusterId"/> (not part of <see cref="Channel"/>).</summary>
    public Task<ServerProcess> StartMemberAsync(string clusterId, IReadOnlyDictionary<string, string>? settings = null) =>
        ServerProcess.StartAsync(ConnectionString, ClusterSettings.Member(clusterId, LoopbackPort.Unused(), settings));

    /// <summary>Whether every server answers SERVING on the readiness service.</summary>
    public async Task<bool> AllServingAsync()
    {
        foreach (var server in Servers)
        {
            try
            {
                var reply = await server.Clients.Health.CheckAsync(new Grpc.Health.V1.HealthCheckRequest { Service = "" }, deadline: DateTime.UtcNow.AddSeconds(5));
                if (reply.Status != Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus.Serving)
                {
                    return false;
                }
            }
            catch (Grpc.Core.RpcException)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The last output of every server, for failure messages.</summary>
    public string Output => string.Join("\n", Servers.Select((s, i) => $"==== server {i + 1} ====\n{s.Output}"));

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Channel?.Dispose();
        foreach (var server in Servers)
        {
            await server.DisposeAsync();
        }

        await DataSource.DisposeAsync();
        await Postgres.DisposeAsync();
    }
}
