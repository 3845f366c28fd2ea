using CustomerNeeds.Api.Tests.Infrastructure;
using CustomerNeeds.Api.V1;
using Npgsql;

namespace CustomerNeeds.Api.Tests.Durability;

/// <summary>SIGKILL of the server: every acknowledged interaction survives, exactly once.</summary>
[Collection(DurabilityCollection.Name)]
public sealed class KillRecoveryTests
{
    [Fact]
    public async Task A_thousand_acknowledged_interactions_survive_a_sigkill_exactly_once()
    {
        const int count = 1000;
        await using var own = await OwnServer.StartAsync();
        var api = own.Clients;
        var (id, _) = await api.CreateCustomerAsync();
        await Calls.ForAllAsync(count, 64, i => api.RecordAsync(id, TestData.Purchase($"i-{i:D4}", TestData.AtMs(i * 1000L), TestData.Eur(2))));
        var before = await api.GetCustomerAsync(id);

        await own.KillAndRestartAsync();

        var listed = await api.ListAllInteractionsAsync(id, pageSize: 1000);
        Assert.Equal(count, listed.Count);
        Assert.Equal(Enumerable.Range(0, count).Reverse().Select(i => $"i-{i:D4}"), listed.Select(i => i.InteractionId));
        var after = await api.GetCustomerAsync(id);
        Assert.Equal(count, after.Lifetime.InteractionCount);
        Assert.Equal(count, after.Lifetime.PurchaseCount);
        Assert.Equal(TestData.Eur(2 * count), after.Lifetime.LifetimeSpend);
        TestData.AssertUnchanged(before, after);

        // Replays after the restart are still recognised.
        var replay = await api.RecordAsync(id, TestData.Purchase("i-0007", TestData.AtMs(7000), TestData.Eur(2)));
        Assert.True(replay.Replayed);
        Assert.Equal(count, (await api.GetCustomerAsync(id)).Lifetime.InteractionCount);
    }

    [Fact]
    public async Task A_kill_between_log_commit_and_snapshot_is_recovered_by_replay()
    {
        const int count = 1010;
        await using var own = await OwnServer.StartAsync(new Dictionary<string, string> { ["CustomerNeeds__SnapshotInterval"] = "50" });
        var api = own.Clients;
        var (id, _) = await api.CreateCustomerAsync();
        // Sequential, so that the snapshot falls at a known place: events 1..1011 (creation + 1,010).
        for (var i = 0; i < count; i++)
        {
            await api.RecordAsync(id, TestData.Purchase($"i-{i:D4}", TestData.AtMs(i * 1000L), TestData.Eur(1)));
        }

        var before = await api.GetCustomerAsync(id);
        await own.Server.KillAsync();

        // While the server is dead: the log holds everything, the snapshot stops short of it.
        var (logMax, snapshotSequence) = await ReadSequencesAsync(own.Database.DataSource, id);
        Assert.True(logMax >= count + 1, $"log ends at {logMax}, but {count + 1} events were acknowledged");
        Assert.Equal(count, await Calls.CountInteractionRowsAsync(own.Database.DataSource, id));
        Assert.True(snapshotSequence is > 0, $"no snapshot row with a Sequence for {id}");
        Assert.True(snapshotSequence < logMax, $"snapshot covers sequence {snapshotSequence}, log ends at {logMax}: nothing left to replay");
        Assert.True(logMax - snapshotSequence < 50, $"snapshot at {snapshotSequence} lags the log ({logMax}) by 50 or more: snapshots are not written every 50 events");

        await own.Server.RestartAsync();

        var after = await api.GetCustomerAsync(id);
        Assert.Equal(count, after.Lifetime.InteractionCount);
        Assert.Equal(count, after.Lifetime.PurchaseCount);
        Assert.Equal(TestData.Eur(count), after.Lifetime.LifetimeSpend);
        Assert.Equal(Enumerable.Range(count - 20, 20).Reverse().Select(i => $"i-{i:D4}"), after.RecentInteractions.Select(i => i.InteractionId));
        TestData.AssertUnchanged(before, after);
        for (var i = count - 10; i < count; i++)
        {
            var stored = await api.GetInteractionAsync(id, $"i-{i:D4}");
            Assert.Equal(TestData.AtMs(i * 1000L), stored.OccurTime);
        }

        var listed = await api.ListAllInteractionsAsync(id, pageSize: 1000);
        Assert.Equal(count, listed.Count);
        Assert.Equal(count, listed.Select(i => i.InteractionId).Distinct().Count());

        // The next write continues the log without a gap.
        await api.RecordAsync(id, TestData.Inquiry("after-restart", TestData.AtMs(count * 1000L)));
        Assert.Equal(count + 1, (await api.GetCustomerAsync(id)).Lifetime.InteractionCount);
        Assert.True((await ReadSequencesAsync(own.Database.DataSource, id)).LogMax > logMax);
        Assert.Equal(count + 1, await Calls.CountInteractionRowsAsync(own.Database.DataSource, id));
    }

    /// <summary>max(sequence) in customer_events, and the Sequence the grain's snapshot row claims.</summary>
    private static async Task<(long LogMax, long? SnapshotSequence)> ReadSequencesAsync(NpgsqlDataSource dataSource, string customerId)
    {
        await using var log = dataSource.CreateCommand("SELECT coalesce(max(sequence), 0) FROM customer_events WHERE customer_id = $1");
        log.Parameters.AddWithValue(customerId);
        var logMax = (long)(await log.ExecuteScalarAsync())!;

        await using var snapshot = dataSource.CreateCommand(
            """
            SELECT coalesce(payload->>'Sequence', payload->>'sequence')::bigint
            FROM orleans_grain_state
            WHERE grain_id_extension = $1 AND payload IS NOT NULL
            """);
        snapshot.Parameters.AddWithValue(customerId);
        long? snapshotSequence = null;
        await using var reader = await snapshot.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            Assert.Null(snapshotSequence); // one snapshot row per grain
            snapshotSequence = reader.IsDBNull(0) ? null : reader.GetInt64(0);
        }

        return (logMax, snapshotSequence);
    }
}
