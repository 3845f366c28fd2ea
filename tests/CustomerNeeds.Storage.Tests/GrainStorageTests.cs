using System.Globalization;
using Npgsql;
using Orleans;
using Orleans.Runtime;
using Orleans.Storage;

namespace CustomerNeeds.Storage.Tests;

/// <summary>The Orleans ADO.NET grain storage on our schema, through two independent silos.</summary>
public sealed class GrainStorageTests(TwoSilos silos) : IClassFixture<TwoSilos>
{
    private const string GrainType = "CustomerNeeds.Storage.Tests.ProbeGrain";

    [Fact]
    public async Task FirstWritesOfTheSameThousandGrainsFromTwoClientsLeaveOneRowAndOneLoserEach()
    {
        const int Grains = 1_000;
        var prefix = "race-" + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture);
        var keys = Enumerable.Range(0, Grains).Select(i => $"{prefix}-{i:D4}").ToList();

        var races = await Task.WhenAll(keys.Select(async key =>
        {
            var id = GrainId.Create("probe", key);
            var fromFirst = new GrainState<SnapshotProbe>(Sample("first"));
            var fromSecond = new GrainState<SnapshotProbe>(Sample("second"));
            var first = Task.Run(() => AttemptAsync(silos.First.Storage, id, fromFirst));
            var second = Task.Run(() => AttemptAsync(silos.Second.Storage, id, fromSecond));
            var outcomes = await Task.WhenAll(first, second);
            return (Key: key, First: outcomes[0], Second: outcomes[1], FirstState: fromFirst, SecondState: fromSecond);
        }));

        var winners = new Dictionary<string, string>();
        foreach (var race in races)
        {
            // Exactly one write succeeded; the other was told the grain's state moved on.
            Assert.True(race.First is null ^ race.Second is null, $"{race.Key}: {race.First?.GetType().Name ?? "ok"} / {race.Second?.GetType().Name ?? "ok"}");
            var loser = race.First ?? race.Second;
            Assert.IsType<InconsistentStateException>(loser);
            var winner = race.First is null ? race.FirstState : race.SecondState;
            Assert.Equal("1", winner.ETag);
            Assert.True(winner.RecordExists);
            winners[race.Key] = winner.State!.Name;
        }

        var stored = new Dictionary<string, string>();
        await using var command = silos.Database.DataSource.CreateCommand("""
            SELECT grain_id_extension, payload->>'Name', version
            FROM orleans_grain_state
            WHERE service_id = $1 AND grain_type = $2 AND grain_id_extension LIKE $3
            """);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = TwoSilos.ServiceId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = GrainType });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = prefix + "-%" });
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                // Adding a key twice would throw: never two rows for one grain.
                stored.Add(reader.GetString(0), reader.GetString(1));
                Assert.Equal(1, reader.GetInt32(2));
            }
        }

        Assert.Equal(Grains, stored.Count);
        Assert.Equal(winners.OrderBy(p => p.Key, StringComparer.Ordinal), stored.OrderBy(p => p.Key, StringComparer.Ordinal));
    }

    [Fact]
    public async Task WritesReadsUpdatesAndClearsFollowTheVersion()
    {
        var id = NewGrainId();
        var written = new GrainState<SnapshotProbe>(Sample("v1"));
        await silos.First.Storage.WriteStateAsync(GrainType, id, written);
        Assert.Equal("1", written.ETag);
        Assert.True(written.RecordExists);

        var read = new GrainState<SnapshotProbe>();
        await silos.Second.Storage.ReadStateAsync(GrainType, id, read);
        Assert.Equal("1", read.ETag);
        Assert.True(read.RecordExists);
        Assert.Equivalent(Sample("v1"), read.State, strict: true);

        read.State!.Count = 2;
        await silos.Second.Storage.WriteStateAsync(GrainType, id, read);
        Assert.Equal("2", read.ETag);

        // The first client still holds version 1: its update is refused and changes nothing.
        written.State!.Name = "stale";
        await Assert.ThrowsAsync<InconsistentStateException>(() => silos.First.Storage.WriteStateAsync(GrainType, id, written));
        var current = new GrainState<SnapshotProbe>();
        await silos.First.Storage.ReadStateAsync(GrainType, id, current);
        Assert.Equal("2", current.ETag);
        Assert.Equal("v1", current.State!.Name);
        Assert.Equal(2, current.State.Count);

        await silos.Second.Storage.ClearStateAsync(GrainType, id, read);
        Assert.Equal("3", read.ETag);
        Assert.False(read.RecordExists);

        var cleared = new GrainState<SnapshotProbe>();
        await silos.First.Storage.ReadStateAsync(GrainType, id, cleared);
        Assert.Equal("3", cleared.ETag);
        Assert.False(cleared.RecordExists);
        Assert.Equivalent(new SnapshotProbe(), cleared.State, strict: true);

        cleared.State = Sample("v4");
        await silos.First.Storage.WriteStateAsync(GrainType, id, cleared);
        Assert.Equal("4", cleared.ETag);
        Assert.True(cleared.RecordExists);

        // Clearing with a stale version is refused too.
        await Assert.ThrowsAsync<InconsistentStateException>(() => silos.Second.Storage.ClearStateAsync(GrainType, id, read));
        Assert.Equal(1, await RowCountAsync(id));
    }

    [Fact]
    public async Task AGrainNeverWrittenReadsAsNoRecord()
    {
        var state = new GrainState<SnapshotProbe>();

        await silos.First.Storage.ReadStateAsync(GrainType, NewGrainId(), state);

        Assert.Null(state.ETag);
        Assert.False(state.RecordExists);
        Assert.Equivalent(new SnapshotProbe(), state.State, strict: true);
    }

    [Fact]
    public async Task GrainsWithStringGuidAndIntegerKeysAreStoredApart()
    {
        var guid = Guid.NewGuid();
        var number = Random.Shared.NextInt64(1, long.MaxValue);
        var type = Orleans.Runtime.GrainType.Create("probe");
        var ids = new[]
        {
            // (A string key that spells a Guid in "N" format is that Guid key: the same grain.)
            GrainId.Create(type, "s-" + guid.ToString("N", CultureInfo.InvariantCulture)),
            GrainId.Create(type, GrainIdKeyExtensions.CreateGuidKey(guid)),
            GrainId.Create(type, GrainIdKeyExtensions.CreateGuidKey(guid, "ext")),
            GrainId.Create(type, GrainIdKeyExtensions.CreateIntegerKey(number)),
            GrainId.Create(type, GrainIdKeyExtensions.CreateIntegerKey(number, "ext")),
        };

        for (var i = 0; i < ids.Length; i++)
        {
            var state = new GrainState<SnapshotProbe>(Sample($"grain-{i}"));
            await silos.First.Storage.WriteStateAsync(GrainType, ids[i], state);
            Assert.Equal("1", state.ETag);
        }

        for (var i = 0; i < ids.Length; i++)
        {
            var state = new GrainState<SnapshotProbe>();
            await silos.Second.Storage.ReadStateAsync(GrainType, ids[i], state);
            Assert.Equal($"grain-{i}", state.State!.Name);
            Assert.Equal("1", state.ETag);
        }

        await using var command = silos.Database.DataSource.CreateCommand("""
            SELECT count(*) FROM orleans_grain_state
            WHERE grain_type = $1 AND (grain_id_extension = $2 OR grain_id_n1 = $3 OR grain_id_n0 = $4)
            """);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = GrainType });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = "s-" + guid.ToString("N", CultureInfo.InvariantCulture) });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = number });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = BitConverter.ToInt64(guid.ToByteArray(), 0) });
        Assert.Equal(5L, (long)(await command.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task SnapshotsAreStoredAsReadableJson()
    {
        var id = NewGrainId();
        await silos.First.Storage.WriteStateAsync(GrainType, id, new GrainState<SnapshotProbe>(Sample("readable")));

        await using var command = silos.Database.DataSource.CreateCommand("""
            SELECT payload->>'Name', (payload->>'Count')::int, payload->'Tags'->>1, payload->'Totals'->>'eur'
            FROM orleans_grain_state WHERE grain_id_extension = $1
            """);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = id.Key.ToString()! });
        await using var reader = await command.ExecuteReaderAsync();

        Assert.True(await reader.ReadAsync());
        Assert.Equal("readable", reader.GetString(0));
        Assert.Equal(3, reader.GetInt32(1));
        Assert.Equal("vip", reader.GetString(2));
        Assert.Equal("1234.56", reader.GetString(3));
    }

    [Fact]
    public async Task StateWrittenBeforeARestartReadsBackInANewSilo()
    {
        var id = NewGrainId();
        var written = new GrainState<SnapshotProbe>(Sample("durable"));
        await silos.First.Storage.WriteStateAsync(GrainType, id, written);

        await using var restarted = await StorageSilo.StartAsync(silos.Database.ConnectionString, TwoSilos.ServiceId);
        var read = new GrainState<SnapshotProbe>();
        await restarted.Storage.ReadStateAsync(GrainType, id, read);

        Assert.Equal(written.ETag, read.ETag);
        Assert.True(read.RecordExists);
        Assert.Equivalent(Sample("durable"), read.State, strict: true);
    }

    [Fact]
    public async Task ASnapshotWrittenByAnEarlierShapeStillReadsAndUpdates()
    {
        var id = NewGrainId();
        // As an earlier version wrote it: no "AddedLater" yet, and a field that no longer exists.
        await using (var command = silos.Database.DataSource.CreateCommand("""
            INSERT INTO orleans_grain_state (service_id, grain_type, grain_id_n0, grain_id_n1, grain_id_extension, payload, version, modified_at)
            VALUES ($1, $2, 0, 0, $3, '{"Name":"old","Count":7,"Tags":["a"],"Retired":true}', 5, now())
            """))
        {
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = TwoSilos.ServiceId });
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = GrainType });
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = id.Key.ToString()! });
            await command.ExecuteNonQueryAsync();
        }

        var state = new GrainState<SnapshotProbe>();
        await silos.Second.Storage.ReadStateAsync(GrainType, id, state);

        Assert.Equal("5", state.ETag);
        Assert.True(state.RecordExists);
        Assert.Equivalent(new SnapshotProbe { Name = "old", Count = 7, Tags = ["a"] }, state.State, strict: true);
        Assert.Equal("default", state.State!.AddedLater);

        state.State.AddedLater = "now";
        await silos.Second.Storage.WriteStateAsync(GrainType, id, state);
        Assert.Equal("6", state.ETag);
    }

    private static async Task<Exception?> AttemptAsync(IGrainStorage storage, GrainId id, GrainState<SnapshotProbe> state)
    {
        try
        {
            await storage.WriteStateAsync(GrainType, id, state);
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
    }

    private async Task<long> RowCountAsync(GrainId id)
    {
        await using var command = silos.Database.DataSource.CreateCommand(
            "SELECT count(*) FROM orleans_grain_state WHERE grain_type = $1 AND grain_id_extension = $2");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = GrainType });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = id.Key.ToString()! });
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static GrainId NewGrainId() => GrainId.Create("probe", "g-" + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture));

    private static SnapshotProbe Sample(string name) => new()
    {
        Name = name,
        Count = 3,
        Tags = ["gold", "vip"],
        LastSeen = new DateTimeOffset(2026, 3, 1, 9, 30, 0, TimeSpan.FromHours(1)),
        Totals = new() { ["eur"] = 1234.56m, ["usd"] = 0.1m },
        AddedLater = "set",
    };
}
