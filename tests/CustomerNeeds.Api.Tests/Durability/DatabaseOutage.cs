using System.Diagnostics;
using CustomerNeeds.Api.Tests.Infrastructure;
using CustomerNeeds.Testing;
using Grpc.Core;
using Grpc.Health.V1;
using Npgsql;

namespace CustomerNeeds.Api.Tests.Durability;

/// <summary>
/// PostgreSQL going away for one server's database: new connections refused and the open ones
/// terminated (what a stopped PostgreSQL looks like to the server), then allowed again.
/// </summary>
public static class DatabaseOutage
{
    public static async Task SetConnectionsAllowedAsync(string database, bool allowed)
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

    public static async Task WaitForHealthAsync(ApiClients api, HealthCheckResponse.Types.ServingStatus expected)
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
