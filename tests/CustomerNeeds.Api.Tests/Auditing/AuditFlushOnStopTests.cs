using CustomerNeeds.Api.Tests.Durability;
using CustomerNeeds.Api.Tests.Infrastructure;
using static CustomerNeeds.Api.Tests.Auditing.AuditEventRows;

namespace CustomerNeeds.Api.Tests.Auditing;

/// <summary>A graceful stop (SIGTERM) writes the audit events still queued.</summary>
public sealed class AuditFlushOnStopTests
{
    [Fact]
    public async Task Events_queued_at_a_graceful_stop_are_written_before_the_server_exits()
    {
        // A batch window of ten minutes: nothing is written until the stop.
        await using var own = await OwnServer.StartAsync(new Dictionary<string, string>
        {
            ["CustomerNeeds__Audit__MaxBatchDelay"] = "00:10:00",
            ["CustomerNeeds__Audit__MaxBatchSize"] = "10000",
        });
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await own.Clients.CreateCustomerAsync()).Id);
        }

        var hashes = ids.Select(Hash).ToArray();
        await Task.Delay(300);
        Assert.Equal(0, await CountAsync(own, hashes));

        await own.Server.StopAsync();

        Assert.Equal(5, await CountAsync(own, hashes));
    }

    private static async Task<long> CountAsync(OwnServer own, string[] hashes)
    {
        await using var command = own.Database.DataSource.CreateCommand(
            "SELECT count(*) FROM audit_events WHERE customer_hash = ANY($1) AND method = '/customerneeds.v1.CustomerService/CreateCustomer' AND outcome = 'OK'");
        command.Parameters.AddWithValue(hashes);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
