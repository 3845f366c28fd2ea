using CustomerNeeds.Abstractions;
using CustomerNeeds.Abstractions.Errors;
using CustomerNeeds.Domain.Customers;
using CustomerNeeds.Domain.Events;
using CustomerNeeds.Storage;
using Npgsql;

namespace CustomerNeeds.Grains.Tests;

[Collection(PostgresClusterCollection.Name)]
public sealed class DurableCustomerGrainTests(PostgresClusterFixture fixture)
{
    [Fact]
    public async Task State_written_before_a_restart_reads_back_after_it_from_snapshot_plus_log_tail()
    {
        var id = Samples.NewCustomerId();
        var customer = fixture.Grains.GetGrain<ICustomerGrain>(id);
        await customer.CreateAsync(Samples.Profile("Durable"));
        for (var i = 0; i < 12; i++)
        {
            await customer.RecordInteractionAsync(Samples.Purchase($"p-{i}", i, 5m));
        }

        await customer.RecordInteractionAsync(Samples.Complaint("k-1", 30));
        var before = await customer.GetAsync();

        await fixture.RestartAsync();
        var after = await fixture.Grains.GetGrain<ICustomerGrain>(id).GetAsync();

        Assert.Equal(Comparable(before), Comparable(after));
        Assert.Equal(13, after.InteractionCount);
        Assert.Equal(60m, after.LifetimeSpend.Amount);
        Assert.Equal(1, after.OpenComplaintCount);

        // The snapshot row is System.Text.Json and may lag the log: what it misses was replayed.
        await using var connection = await fixture.Database.DataSource.OpenConnectionAsync();
        var logEnd = await Scalar<long>(connection, "select max(sequence) from customer_events where customer_id = @id", id);
        Assert.Equal(long.Parse(after.Etag, System.Globalization.CultureInfo.InvariantCulture), logEnd);
    }

    [Fact]
    public async Task A_write_by_another_activation_makes_the_stale_one_answer_aborted_and_reload()
    {
        var id = Samples.NewCustomerId();
        var customer = fixture.Grains.GetGrain<ICustomerGrain>(id);
        await customer.CreateAsync(Samples.Profile());
        var summary = await customer.GetAsync();
        var version = long.Parse(summary.Etag, System.Globalization.CultureInfo.InvariantCulture);

        // Another writer (as a second activation during a membership change would) takes the next sequence.
        var log = new PostgresCustomerEventLog(fixture.Database.DataSource);
        var rival = new ProfileUpdated(Samples.Profile("Rival"), ["display_name"]) { OccurredAt = DateTimeOffset.UtcNow };
        await log.AppendAsync(
            new CustomerAppend(id, version, [new NewEvent(CustomerEventJson.TypeName(rival), CustomerEventJson.Serialize(rival), rival.OccurredAt)], []),
            CancellationToken.None);

        var conflict = await Assert.ThrowsAsync<CustomerOperationException>(() => customer.RecordInteractionAsync(Samples.Purchase("p-1", 1)));
        Assert.Equal(CustomerErrorCode.Aborted, conflict.Code);

        // The loser reloaded from the log: it sees the rival's write, and the retry succeeds.
        var retried = await RetryUntilAsync(() => customer.RecordInteractionAsync(Samples.Purchase("p-1", 1)));
        Assert.False(retried.Replayed);
        var reloaded = await customer.GetAsync();
        Assert.Equal("Rival", reloaded.Profile.DisplayName);
        Assert.Equal(1, reloaded.InteractionCount);
        Assert.Equal(version + 2, long.Parse(reloaded.Etag, System.Globalization.CultureInfo.InvariantCulture));
    }

    private static async Task<T> RetryUntilAsync<T>(Func<Task<T>> action)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await action();
            }
            catch (CustomerOperationException ex) when (ex.Code == CustomerErrorCode.Aborted && attempt < 20)
            {
                await Task.Delay(100);
            }
        }
    }

    private static string Comparable(CustomerSummary summary) =>
        System.Text.Json.JsonSerializer.Serialize(summary with { Loyalty = summary.Loyalty with { ChurnRisk = null!, Rfm = null!, EvaluatedAt = null } });

    private static async Task<T> Scalar<T>(NpgsqlConnection connection, string sql, string id)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("id", id);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
