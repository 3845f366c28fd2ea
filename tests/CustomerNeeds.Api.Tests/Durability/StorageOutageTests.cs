using System.Diagnostics;
using CustomerNeeds.Api.Tests.Infrastructure;
using CustomerNeeds.Testing;
using Grpc.Core;
using Grpc.Health.V1;
using Npgsql;

namespace CustomerNeeds.Api.Tests.Durability;

/// <summary>PostgreSQL unreachable: health NOT_SERVING, writes UNAVAILABLE and not acknowledged; recovery afterwards.</summary>
[Collection(DurabilityCollection.Name)]
public sealed class StorageOutageTests
{
    [Fact]
    public async Task While_the_database_refuses_connections_writes_are_unavailable_and_nothing_is_acknowledged()
    {
        await using var own = await OwnServer.StartAsync();
        var api = own.Clients;
        var (id, _) = await api.CreateCustomerAsync();
        await api.RecordAsync(id, TestData.Inquiry("before", TestData.At(TimeSpan.FromHours(1))));

        await SetConnectionsAllowedAsync(own.Database.Name, allowed: false);
        try
        {
            await WaitForHealthAsync(api, HealthCheckResponse.Types.ServingStatus.NotServing);
            var failed = TestData.Purchase("during", TestData.At(TimeSpan.FromHours(2)), TestData.Eur(5));
            await RpcAssert.FailsAsync(StatusCode.Unavailable, () => api.RecordAsync(id, failed));
        }
        finally
        {
            await SetConnectionsAllowedAsync(own.Database.Name, allowed: true);
        }

        await WaitForHealthAsync(api, HealthCheckResponse.Types.ServingStatus.Serving);
        await RpcAssert.FailsAsync(StatusCode.NotFound, () => api.GetInteractionAsync(id, "during"));
        var customer = await api.GetCustomerAsync(id);
        Assert.Equal(1, customer.Lifetime.InteractionCount);
        Assert.Equal(0, customer.Lifetime.PurchaseCount);

        // The write that was not acknowledged can be sent again and is recorded once, not replayed.
        var retry = await api.RecordAsync(id, TestData.Purchase("during", TestData.At(TimeSpan.FromHours(2)), TestData.Eur(5)));
        Assert.False(retry.Replayed);
        customer = await api.GetCustomerAsync(id);
        Assert.Equal(2, customer.Lifetime.InteractionCount);
        Assert.Equal(TestData.Eur(5), customer.Lifetime.LifetimeSpend);
    }

    /// <summary>Lets the server connect to <paramref name="database"/> again, or refuses new connections and ends the open ones.</summary>
    internal static async Task SetConnectionsAllowedAsync(string database, bool allowed)
    {
        await using var connection = new NpgsqlConnection(PostgresServer.ConnectionString);
        await connection.OpenAsync();
        await using (var alter = new NpgsqlCommand($"ALTER DATABASE \"{database}\" WITH ALLOW_CONNECTIONS {(allowed ? "true" : "false")}", connection))
        {
            await alter.ExecuteNonQueryAsync();
        }

        if (!allowed)
        {
            await using var terminate = new NpgsqlCommand(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()", connection);
            terminate.Parameters.AddWithValue(database);
            await terminate.ExecuteScalarAsync();
        }
    }

    private static async Task WaitForHealthAsync(ApiClients api, HealthCheckResponse.Types.ServingStatus expected)
    {
        var watch = Stopwatch.StartNew();
        var last = "";
        while (watch.Elapsed < TimeSpan.FromSeconds(30))
        {
            try
            {
                var reply = await api.Health.CheckAsync(new HealthCheckRequest(), deadline: Calls.Deadline(10));
                if (reply.Status == expected)
                {
                    return;
                }

                last = reply.Status.ToString();
            }
            catch (RpcException ex)
            {
                last = $"{ex.StatusCode}: {ex.Status.Detail}";
            }

            await Task.Delay(200);
        }

        Assert.Fail($"Health did not become {expected} within 30 s (last: {last}).");
    }
}
