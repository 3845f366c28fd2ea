using System.Globalization;
using CustomerNeeds.Api.Tests.Infrastructure;
using CustomerNeeds.Api.V1;
using CustomerNeeds.Client;
using CustomerNeeds.Testing;
using Npgsql;

namespace CustomerNeeds.Cluster.Tests.Infrastructure;

/// <summary>
/// Three real servers (<see cref="ServerProcess"/>) forming one cluster (Clustering=Postgres) on a
/// new database of the fault tests' PostgreSQL, as deploy/run-cluster.sh runs them, on free ports.
/// </summary>
public sealed class LoopbackCluster : IAsyncDisposable
{
    /// <summary>The service id of every fault-test server: stored state is shared by everything on one database.</summary>
    public const string ServiceId = "fault-tests";

    private readonly List<ServerProcess> servers;

    private LoopbackCluster(string connectionString, List<ServerProcess> servers)
    {
        ConnectionString = connectionString;
        DataSource = NpgsqlDataSource.Create(connectionString);
        this.servers = servers;
    }

    /// <summary>The servers, in start order.</summary>
    public IReadOnlyList<ServerProcess> Servers => servers;

    /// <summary>The database's connection string.</summary>
    public string ConnectionString { get; }

    /// <summary>The database, for checks in SQL.</summary>
    public NpgsqlDataSource DataSource { get; }

    /// <summary>
    /// Starts three servers on <paramref name="connectionString"/>: the first alone (it applies the
    /// migrations), then the other two together; each is SERVING when this returns.
    /// </summary>
    public static async Task<LoopbackCluster> StartAsync(string connectionString, IReadOnlyDictionary<string, string>? extra = null, int count = 3)
    {
        var clusterId = "fault-" + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture)[..8];
        var servers = new List<ServerProcess>();
        try
        {
            servers.Add(await ServerProcess.StartAsync(connectionString, MemberSettings(clusterId, extra)));
            var others = Enumerable.Range(1, count - 1).Select(_ => ServerProcess.StartAsync(connectionString, MemberSettings(clusterId, extra))).ToList();
            foreach (var other in others)
            {
                servers.Add(await other);
            }
        }
        catch
        {
            foreach (var server in servers)
            {
                await server.DisposeAsync();
            }

            throw;
        }

        return new LoopbackCluster(connectionString, servers);
    }

    /// <summary>Settings of one member: Clustering=Postgres on loopback, free silo and gateway ports.</summary>
    public static Dictionary<string, string> MemberSettings(string clusterId, IReadOnlyDictionary<string, string>? extra = null)
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["CustomerNeeds__Cluster__Clustering"] = "Postgres",
            ["CustomerNeeds__Cluster__ClusterId"] = clusterId,
            ["CustomerNeeds__Cluster__ServiceId"] = ServiceId,
            ["CustomerNeeds__Cluster__AdvertisedAddress"] = "127.0.0.1",
            ["CustomerNeeds__Cluster__SiloPort"] = LoopbackPort.Unused().ToString(CultureInfo.InvariantCulture),
            ["CustomerNeeds__Cluster__GatewayPort"] = LoopbackPort.Unused().ToString(CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>
    /// A channel of the client helper (src/CustomerNeeds.Client) over every server: round_robin, the
    /// documented retry policy, wait-for-ready, the test token.
    /// </summary>
    public CustomerNeedsChannel NewClientChannel(TimeSpan? deadline = null) => CustomerNeedsChannel.Create(new CustomerNeedsClientOptions
    {
        Addresses = servers.Select(s => s.Address).ToList(),
        BearerToken = TestTokens.Default,
        DefaultDeadline = deadline ?? TimeSpan.FromSeconds(10),
        MaxReconnectBackoff = TimeSpan.FromSeconds(2),
    });

    /// <summary>Creates <paramref name="count"/> customers through <paramref name="channel"/> (retried as the policy says) and returns their ids.</summary>
    public static async Task<List<string>> CreateCustomersAsync(CustomerNeedsChannel channel, int count)
    {
        var customers = new CustomerService.CustomerServiceClient(channel.CallInvoker);
        var ids = Enumerable.Range(0, count).Select(_ => TestData.NewCustomerId()).ToList();
        await Calls.ForAllAsync(count, 32, async i =>
            await CreateOrGet.RunAsync(
                () => customers.CreateCustomerAsync(new CreateCustomerRequest { CustomerId = ids[i], Customer = TestData.MinimalProfile() }).ResponseAsync,
                () => customers.GetCustomerAsync(new GetCustomerRequest { Name = TestData.CustomerName(ids[i]) }).ResponseAsync));
        return ids;
    }

    /// <summary>The last lines of every server, for failure messages.</summary>
    public string Output => string.Join("\n", servers.Select((s, i) => $"==== server {(i + 1).ToString(CultureInfo.InvariantCulture)} ====\n{s.Output}"));

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var server in servers)
        {
            await server.DisposeAsync();
        }

        await DataSource.DisposeAsync();
    }
}
