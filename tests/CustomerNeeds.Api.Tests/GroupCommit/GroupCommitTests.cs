using System.Collections.Concurrent;
using CustomerNeeds.Api.Tests.Durability;
using CustomerNeeds.Api.Tests.Infrastructure;
using CustomerNeeds.Api.V1;
using Grpc.Core;
using Grpc.Health.V1;
using Npgsql;

namespace CustomerNeeds.Api.Tests.GroupCommit;

/// <summary>
/// Group commit seen from a client, on a server of its own with a real PostgreSQL: what was
/// acknowledged is stored exactly once, commits are shared, a failed batch acknowledges nothing,
/// and a full queue answers RESOURCE_EXHAUSTED (docs/group-commit.md).
/// </summary>
[Collection(DurabilityCollection.Name)]
public sealed class GroupCommitTests
{
    [Fact]
    public async Task Writes_of_256_concurrent_callers_are_all_stored_exactly_once_and_share_commits()
    {
        await using var own = await OwnServer.StartAsync();
        var api = own.Clients;
        var customers = new string[1_000];
        await Calls.ForAllAsync(customers.Length, 64, async i => customers[i] = (await api.CreateCustomerAsync()).Id);
        var acknowledged = new ConcurrentBag<(string Customer, string Interaction)>();

        await Calls.ForAllAsync(256, 256, async caller =>
        {
            for (var n = 0; n < 20; n++)
            {
                var customer = customers[((caller * 20) + n) % customers.Length];
                var id = $"w-{caller}-{n}";
                var response = await api.RecordAsync(customer, TestData.Inquiry(id, TestData.AtMs((caller * 1000L) + n)));
                Assert.False(response.Replayed);
                acknowledged.Add((customer, id));
            }
        });

        var stored = await StoredInteractionsAsync(own.Database.DataSource);
        Assert.Equal(256 * 20, acknowledged.Count);
        Assert.Equal(acknowledged.Count, stored.Rows);
        Assert.Equal(acknowledged.OrderBy(a => a).ToArray(), stored.Keys.OrderBy(k => k).ToArray());
        Assert.True(stored.Transactions * 4 <= stored.Rows, $"{stored.Rows} interactions took {stored.Transactions} transactions");
    }

    [Fact]
    public async Task Writes_to_one_hot_customer_share_commits_and_each_caller_sees_its_writes_in_log_order()
    {
        await using var own = await OwnServer.StartAsync();
        var api = own.Clients;
        var (customer, _) = await api.CreateCustomerAsync();

        await Calls.ForAllAsync(64, 64, async caller =>
        {
            for (var n = 0; n < 10; n++)
            {
                await api.RecordAsync(customer, TestData.Inquiry($"h-{caller:D2}-{n}", TestData.AtMs((caller * 100L) + n)));
            }
        });

        await using var command = own.Database.DataSource.CreateCommand(
            "SELECT interaction_id, sequence, xmin::text FROM customer_events WHERE customer_id = $1 AND interaction_id IS NOT NULL ORDER BY sequence");
        command.Parameters.AddWithValue(customer);
        var rows = new List<(string Id, long Sequence, string Transaction)>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                rows.Add((reader.GetString(0), reader.GetInt64(1), reader.GetString(2)));
            }
        }

        Assert.Equal(640, rows.Count);
        // A caller sends its next write only after the previous one was acknowledged: its writes are in log order.
        foreach (var caller in rows.GroupBy(r => r.Id[..4]))
        {
            Assert.Equal(caller.OrderBy(r => r.Id, StringComparer.Ordinal).Select(r => r.Sequence), caller.Select(r => r.Sequence));
        }

        var transactions = rows.Select(r => r.Transaction).Distinct().Count();
        Assert.True(transactions * 4 <= rows.Count, $"640 writes to one customer took {transactions} transactions");
        Assert.Equal(640, (await api.GetCustomerAsync(customer)).Lifetime.InteractionCount);
    }

    [Fact]
    public async Task When_the_database_goes_away_mid_run_callers_get_a_retryable_status_and_only_acknowledged_writes_are_stored()
    {
        await using var own = await OwnServer.StartAsync();
        var api = own.Clients;
        var customers = new string[200];
        await Calls.ForAllAsync(customers.Length, 64, async i => customers[i] = (await api.CreateCustomerAsync()).Id);
        var acknowledged = new ConcurrentDictionary<(string, string), bool>();
        var failed = new ConcurrentDictionary<(string, string), StatusCode>();
        using var stop = new CancellationTokenSource();

        var writers = Enumerable.Range(0, 128).Select(caller => Task.Run(async () =>
        {
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                var key = (customers[((caller * 7) + n) % customers.Length], $"o-{caller}-{n}");
                try
                {
                    await api.RecordAsync(key.Item1, TestData.Inquiry(key.Item2, TestData.AtMs((caller * 100_000L) + n)));
                    acknowledged[key] = true;
                }
                catch (RpcException ex)
                {
                    failed[key] = ex.StatusCode;
                }
            }
        })).ToArray();

        await Task.Delay(1500);
        await DatabaseOutage.SetConnectionsAllowedAsync(own.Database.Name, allowed: false);
        try
        {
            await Task.Delay(2500);
        }
        finally
        {
            await DatabaseOutage.SetConnectionsAllowedAsync(own.Database.Name, allowed: true);
        }

        stop.Cancel();
        await Task.WhenAll(writers);
        await DatabaseOutage.WaitForHealthAsync(api, HealthCheckResponse.Types.ServingStatus.Serving);

        Assert.NotEmpty(acknowledged);
        Assert.NotEmpty(failed);
        Assert.All(failed.Values, code => Assert.Equal(StatusCode.Unavailable, code));
        var stored = await StoredInteractionsAsync(own.Database.DataSource);
        Assert.Equal(stored.Rows, stored.Keys.Distinct().Count());
        var storedKeys = stored.Keys.ToHashSet();
        Assert.All(acknowledged.Keys, key => Assert.Contains(key, storedKeys));
        Assert.All(failed.Keys, key => Assert.DoesNotContain(key, storedKeys));

        // Every failed write can be sent again and is then recorded once.
        await Calls.ForAllAsync(failed.Count, 64, async i =>
        {
            var (customer, id) = failed.Keys.ElementAt(i);
            var caller = id.Split('-');
            var retry = await api.RecordAsync(customer, TestData.Inquiry(id, TestData.AtMs((long.Parse(caller[1]) * 100_000L) + long.Parse(caller[2]))));
            Assert.False(retry.Replayed);
        });
        Assert.Equal(acknowledged.Count + failed.Count, (await StoredInteractionsAsync(own.Database.DataSource)).Rows);
    }

    [Fact]
    public async Task A_full_write_queue_answers_resource_exhausted_and_stores_nothing_of_what_it_refused()
    {
        await using var own = await OwnServer.StartAsync(new Dictionary<string, string> { ["CustomerNeeds__GroupCommit__QueueCapacity"] = "2" });
        var api = own.Clients;
        var ids = Enumerable.Range(0, 30).Select(_ => TestData.NewCustomerId()).ToArray();
        var outcomes = new ConcurrentDictionary<string, StatusCode>();
        Task[] creates;

        // Hold the appender inside its first batch: the next two appends fill the queue.
        await using (var connection = await own.Database.DataSource.OpenConnectionAsync())
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await using (var lockEvents = new NpgsqlCommand("LOCK TABLE customer_events IN SHARE ROW EXCLUSIVE MODE", connection, transaction))
            {
                await lockEvents.ExecuteNonQueryAsync();
            }

            creates = ids.Select(id => Task.Run(async () =>
            {
                try
                {
                    await api.CreateCustomerAsync(customerId: id);
                    outcomes[id] = StatusCode.OK;
                }
                catch (RpcException ex)
                {
                    outcomes[id] = ex.StatusCode;
                    Assert.Equal(StatusCode.ResourceExhausted, ex.StatusCode);
                    Assert.Contains("queue is full", ex.Status.Detail, StringComparison.Ordinal);
                }
            })).ToArray();

            // Refusals come at once; wait until they stop coming.
            var seen = -1;
            while (seen != outcomes.Count)
            {
                seen = outcomes.Count;
                await Task.Delay(1000);
            }

            Assert.All(outcomes.Values, code => Assert.Equal(StatusCode.ResourceExhausted, code));
        }

        await Task.WhenAll(creates);
        var refused = outcomes.Where(o => o.Value == StatusCode.ResourceExhausted).Select(o => o.Key).ToArray();
        var created = outcomes.Where(o => o.Value == StatusCode.OK).Select(o => o.Key).ToArray();
        // Held while the table was locked: the batch in flight (at least one append) and the two queued.
        Assert.InRange(created.Length, 3, 6);
        Assert.Equal(ids.Length, refused.Length + created.Length);
        foreach (var id in refused)
        {
            await RpcAssert.FailsAsync(StatusCode.NotFound, () => api.GetCustomerAsync(id));
            Assert.Equal(0, await Calls.CountEventsAsync(own.Database.DataSource, id));
        }

        foreach (var id in created)
        {
            Assert.Equal(id, (await api.GetCustomerAsync(id)).Name.Split('/')[1]);
        }
    }

    private static async Task<(long Rows, long Transactions, List<(string Customer, string Interaction)> Keys)> StoredInteractionsAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT customer_id, interaction_id, xmin::text FROM customer_events WHERE interaction_id IS NOT NULL");
        var keys = new List<(string, string)>();
        var transactions = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            keys.Add((reader.GetString(0), reader.GetString(1)));
            transactions.Add(reader.GetString(2));
        }

        return (keys.Count, transactions.Count, keys);
    }
}
