using CustomerNeeds.Storage.Auditing;

namespace CustomerNeeds.Storage.Tests.Auditing;

/// <summary>
/// The background audit writer on real PostgreSQL: batches, flush on stop, retry while the
/// database refuses connections or the table cannot be written, and a full queue. Each test has
/// its own database, since some make it unreachable.
/// </summary>
public sealed class AuditWriterTests
{
    [Fact]
    public async Task Queued_records_are_written_in_batches_of_at_most_MaxBatchSize()
    {
        await using var database = await NewDatabaseAsync();
        var caller = AuditRows.NewCaller();
        await using var writer = AuditRows.Writer(database.DataSource, new AuditWriterOptions { MaxBatchSize = 500 });
        for (var i = 0; i < 1_200; i++)
        {
            Assert.True(writer.TryEnqueue(AuditRows.Record(caller, i)));
        }

        writer.Start();
        await writer.StopAsync(CancellationToken.None);

        Assert.Equal(1_200, writer.Written);
        Assert.Equal(3, writer.Batches);
        Assert.Equal(1_200, await AuditRows.CountAsync(database.DataSource, caller));
    }

    [Fact]
    public async Task A_single_record_is_written_without_waiting_for_a_full_batch()
    {
        await using var database = await NewDatabaseAsync();
        var caller = AuditRows.NewCaller();
        await using var writer = AuditRows.Writer(database.DataSource, new AuditWriterOptions());
        writer.Start();

        Assert.True(writer.TryEnqueue(AuditRows.Record(caller, 1)));

        await AuditRows.EventuallyAsync(async () => await AuditRows.CountAsync(database.DataSource, caller) == 1, "the record is written");
        Assert.Equal(1, writer.Batches);
    }

    [Fact]
    public async Task Stopping_writes_everything_queued_and_then_accepts_nothing()
    {
        await using var database = await NewDatabaseAsync();
        var caller = AuditRows.NewCaller();

        // A batch window of ten minutes: nothing is written before the stop.
        await using var writer = AuditRows.Writer(database.DataSource, new AuditWriterOptions { MaxBatchSize = 1_000, MaxBatchDelay = TimeSpan.FromMinutes(10) });
        writer.Start();
        for (var i = 0; i < 300; i++)
        {
            Assert.True(writer.TryEnqueue(AuditRows.Record(caller, i)));
        }

        await Task.Delay(200);
        Assert.Equal(0, await AuditRows.CountAsync(database.DataSource, caller));

        await writer.StopAsync(CancellationToken.None);

        Assert.Equal(300, await AuditRows.CountAsync(database.DataSource, caller));
        Assert.False(writer.IsAccepting);
        Assert.False(writer.TryEnqueue(AuditRows.Record(caller, 301)));
    }

    [Fact]
    public async Task Records_queued_while_the_database_refuses_connections_are_written_when_it_comes_back()
    {
        await using var database = await NewDatabaseAsync();
        var name = database.Database.Name;
        var caller = AuditRows.NewCaller();
        await using var writer = AuditRows.Writer(database.DataSource, new AuditWriterOptions { RetryDelay = TimeSpan.FromMilliseconds(20), MaxRetryDelay = TimeSpan.FromMilliseconds(200) });
        writer.Start();
        Assert.True(writer.TryEnqueue(AuditRows.Record(caller, 0)));
        await AuditRows.EventuallyAsync(async () => await AuditRows.CountAsync(database.DataSource, caller) == 1, "the first record is written");

        // The database goes away: no new connection, and the pooled ones are ended.
        await AuditRows.AdminAsync($"ALTER DATABASE \"{name}\" ALLOW_CONNECTIONS false");
        await AuditRows.AdminAsync($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}' AND pid <> pg_backend_pid()");
        for (var i = 1; i <= 100; i++)
        {
            Assert.True(writer.TryEnqueue(AuditRows.Record(caller, i)));
        }

        await AuditRows.EventuallyAsync(() => Task.FromResult(writer.Failures >= 3), "three writes failed");
        Assert.Equal(1, writer.Written);

        await AuditRows.AdminAsync($"ALTER DATABASE \"{name}\" ALLOW_CONNECTIONS true");
        await writer.StopAsync(CancellationToken.None);

        Assert.Equal(101, writer.Written);
        Assert.Equal(101, await AuditRows.CountAsync(database.DataSource, caller));
    }

    [Fact]
    public async Task A_full_queue_refuses_records_until_the_writer_catches_up_and_loses_none_it_took()
    {
        await using var database = await NewDatabaseAsync();
        var caller = AuditRows.NewCaller();
        await using var writer = AuditRows.Writer(database.DataSource, new AuditWriterOptions
        {
            QueueCapacity = 10,
            MaxBatchSize = 5,
            RetryDelay = TimeSpan.FromMilliseconds(20),
            MaxRetryDelay = TimeSpan.FromMilliseconds(100),
        });
        await TableAsync(database, "ALTER TABLE audit_events RENAME TO audit_events_away");

        var taken = FillQueue(writer, caller, 0);
        Assert.Equal(10, taken);
        Assert.False(writer.IsAccepting);

        // The writer takes one batch of 5 and retries it while the table cannot be written.
        writer.Start();
        await AuditRows.EventuallyAsync(() => Task.FromResult(writer.Failures >= 2), "two writes failed");
        taken += FillQueue(writer, caller, taken);
        Assert.Equal(15, taken);
        Assert.False(writer.IsAccepting);

        await TableAsync(database, "ALTER TABLE audit_events_away RENAME TO audit_events");
        await AuditRows.EventuallyAsync(() => Task.FromResult(writer.Written == 15), "every record taken is written");

        Assert.True(writer.IsAccepting);
        Assert.Equal(15, await AuditRows.CountAsync(database.DataSource, caller));
    }

    [Fact]
    public async Task A_stop_that_times_out_while_the_table_cannot_be_written_returns()
    {
        await using var database = await NewDatabaseAsync();
        var caller = AuditRows.NewCaller();
        await using var writer = AuditRows.Writer(database.DataSource, new AuditWriterOptions { RetryDelay = TimeSpan.FromMilliseconds(20) });
        await TableAsync(database, "ALTER TABLE audit_events RENAME TO audit_events_away");
        writer.Start();
        Assert.True(writer.TryEnqueue(AuditRows.Record(caller, 1)));

        using var timeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        await writer.StopAsync(timeout.Token);

        Assert.Equal(0, writer.Written);
        Assert.True(writer.Failures >= 1);
    }

    private static int FillQueue(AuditWriter writer, string caller, int from)
    {
        var i = from;
        while (writer.TryEnqueue(AuditRows.Record(caller, i)))
        {
            i++;
        }

        return i - from;
    }

    private static async Task TableAsync(OwnDatabase database, string sql)
    {
        await using var command = database.DataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<OwnDatabase> NewDatabaseAsync()
    {
        var database = new OwnDatabase();
        await database.InitializeAsync();
        return database;
    }

    /// <summary>A <see cref="MigratedDatabase"/> owned by one test.</summary>
    private sealed class OwnDatabase : IAsyncDisposable
    {
        private readonly MigratedDatabase migrated = new();

        public Testing.PostgresDatabase Database => migrated.Database;

        public Npgsql.NpgsqlDataSource DataSource => migrated.DataSource;

        public Task InitializeAsync() => migrated.InitializeAsync();

        public async ValueTask DisposeAsync() => await migrated.DisposeAsync();
    }
}
