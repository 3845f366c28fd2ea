using CustomerNeeds.Storage.GroupCommit;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace CustomerNeeds.Storage.Tests.GroupCommit;

/// <summary>The appender against a real PostgreSQL: batching, per-append outcomes, failed batches, the bound.</summary>
public sealed class GroupCommitAppenderTests(MigratedDatabase database) : IClassFixture<MigratedDatabase>
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private NpgsqlDataSource DataSource => database.DataSource;

    [Fact]
    public async Task ConcurrentAppendsOfManyCustomersShareTransactionsAndAllCommit()
    {
        await using var appender = NewAppender();
        var customers = Enumerable.Range(0, 1_000).Select(_ => NewCustomerId()).ToArray();

        await Task.WhenAll(customers.Select(c => Task.Run(() => appender.AppendAsync(new CustomerAppend(c, 0, [Note(1), Note(2)], [])))));

        Assert.Equal(2_000, await CountAsync("SELECT count(*) FROM customer_events WHERE customer_id = ANY($1)", customers));
        var transactions = await CountAsync("SELECT count(DISTINCT xmin::text) FROM customer_events WHERE customer_id = ANY($1)", customers);
        var statistics = appender.Statistics;
        Assert.Equal(1_000, statistics.Appends);
        Assert.Equal(2_000, statistics.Events);
        Assert.Equal(statistics.Batches, transactions);
        Assert.True(transactions < 500, $"1,000 concurrent appends took {transactions} transactions");
    }

    [Fact]
    public async Task ALoneAppendIsCommittedWithoutWaitingForCompany()
    {
        await using var appender = NewAppender();
        var customer = NewCustomerId();

        await appender.AppendAsync(new CustomerAppend(customer, 0, [Note(1)], [])).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(1, await CountAsync("SELECT count(*) FROM customer_events WHERE customer_id = ANY($1)", [customer]));
    }

    [Fact]
    public async Task EachAppendOfOneBatchGetsItsOwnOutcome()
    {
        await using var appender = NewAppender();
        var existing = NewCustomerId();
        await appender.AppendAsync(new CustomerAppend(existing, 0, [Note(1), Interaction("i-old")], [Complaint("k-1")]));
        var good = NewCustomerId();
        var stale = NewCustomerId();
        var withComplaint = NewCustomerId();

        Task blocker, goodAppend, staleAppend, duplicateAppend, complaintAppend;
        await using (var gate = await BatchGate.CloseAsync(DataSource))
        {
            blocker = appender.AppendAsync(new CustomerAppend(NewCustomerId(), 0, [Note(1)], []));
            await gate.WaitUntilBlockedAsync(DataSource);
            goodAppend = appender.AppendAsync(new CustomerAppend(good, 0, [Note(1), Note(2)], []));
            staleAppend = appender.AppendAsync(new CustomerAppend(stale, 3, [Note(4)], []));
            duplicateAppend = appender.AppendAsync(new CustomerAppend(existing, 2, [Interaction("i-new"), Interaction("i-old")], [Complaint("k-1", "closed")]));
            complaintAppend = appender.AppendAsync(new CustomerAppend(withComplaint, 0, [Note(1)], [Complaint("k-9")]));
        }

        await blocker;
        await goodAppend;
        await complaintAppend;
        var staleError = await Assert.ThrowsAsync<CustomerConcurrencyConflictException>(() => staleAppend);
        Assert.Equal(ConcurrencyConflictKind.StaleSequence, staleError.Kind);
        var duplicateError = await Assert.ThrowsAsync<CustomerConcurrencyConflictException>(() => duplicateAppend);
        Assert.Equal(ConcurrencyConflictKind.DuplicateInteraction, duplicateError.Kind);
        Assert.Equal(["i-old"], duplicateError.DuplicateInteractionIds);

        // The first append, the blocker, then all four together.
        Assert.Equal(3, appender.Statistics.Batches);
        Assert.Equal(2, await CountAsync("SELECT count(*) FROM customer_events WHERE customer_id = ANY($1)", [good]));
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM customer_events WHERE customer_id = ANY($1)", [stale]));
        Assert.Equal(2, await CountAsync("SELECT count(*) FROM customer_events WHERE customer_id = ANY($1)", [existing]));
        Assert.Equal(1, await CountAsync("SELECT count(*) FROM customer_complaints WHERE customer_id = ANY($1) AND status = 'open'", [existing]));
        Assert.Equal(1, await CountAsync("SELECT count(*) FROM customer_complaints WHERE customer_id = ANY($1) AND last_sequence = 1", [withComplaint]));
    }

    [Fact]
    public async Task ABatchThatFailsOnAStorageErrorFailsEveryCallerAndStoresNothing()
    {
        await using var appender = NewAppender();
        var poison = "poison-" + Guid.NewGuid().ToString("N");
        await ExecuteAsync($"""
            CREATE FUNCTION fail_{poison.Replace("-", "_")}() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              IF NEW.customer_id = '{poison}' THEN RAISE EXCEPTION 'storage failure' USING ERRCODE = 'XX000'; END IF;
              RETURN NEW;
            END $$;
            CREATE TRIGGER fail_{poison.Replace("-", "_")} BEFORE INSERT ON customer_events
              FOR EACH ROW EXECUTE FUNCTION fail_{poison.Replace("-", "_")}();
            """);
        var customers = Enumerable.Range(0, 20).Select(_ => NewCustomerId()).ToArray();
        try
        {
            Task blocker;
            Task[] batch;
            await using (var gate = await BatchGate.CloseAsync(DataSource))
            {
                blocker = appender.AppendAsync(new CustomerAppend(NewCustomerId(), 0, [Note(1)], []));
                await gate.WaitUntilBlockedAsync(DataSource);
                batch = customers.Select(c => appender.AppendAsync(new CustomerAppend(c, 0, [Note(1)], [Complaint("k-1")])))
                    .Append(appender.AppendAsync(new CustomerAppend(poison, 0, [Note(1)], [])))
                    .ToArray();
            }

            await blocker;
            foreach (var append in batch)
            {
                var error = await Assert.ThrowsAsync<PostgresException>(() => append);
                Assert.Equal("XX000", error.SqlState);
            }

            Assert.Equal(0, await CountAsync("SELECT count(*) FROM customer_events WHERE customer_id = ANY($1)", customers));
            Assert.Equal(0, await CountAsync("SELECT count(*) FROM customer_complaints WHERE customer_id = ANY($1)", customers));
            Assert.Equal(1, appender.Statistics.FailedBatches);

            // The appender goes on: the same appends succeed in the next batch.
            await Task.WhenAll(customers.Select(c => appender.AppendAsync(new CustomerAppend(c, 0, [Note(1)], []))));
            Assert.Equal(20, await CountAsync("SELECT count(*) FROM customer_events WHERE customer_id = ANY($1)", customers));
        }
        finally
        {
            await ExecuteAsync($"DROP TRIGGER fail_{poison.Replace("-", "_")} ON customer_events");
        }
    }

    [Fact]
    public async Task AFullQueueRefusesAtOnceAndKeepsWhatItHolds()
    {
        await using var appender = NewAppender(new GroupCommitOptions { QueueCapacity = 3 });
        var queued = Enumerable.Range(0, 3).Select(_ => NewCustomerId()).ToArray();
        var refused = NewCustomerId();

        Task blocker;
        Task[] waiting;
        await using (var gate = await BatchGate.CloseAsync(DataSource))
        {
            blocker = appender.AppendAsync(new CustomerAppend(NewCustomerId(), 0, [Note(1)], []));
            await gate.WaitUntilBlockedAsync(DataSource);
            waiting = queued.Select(c => appender.AppendAsync(new CustomerAppend(c, 0, [Note(1)], []))).ToArray();

            var error = await Assert.ThrowsAsync<AppendRefusedException>(() => appender.AppendAsync(new CustomerAppend(refused, 0, [Note(1)], [])));
            Assert.Equal(AppendRefusal.QueueFull, error.Refusal);
            Assert.All(waiting, t => Assert.False(t.IsCompleted));
        }

        await blocker;
        await Task.WhenAll(waiting);
        Assert.Equal(3, await CountAsync("SELECT count(*) FROM customer_events WHERE customer_id = ANY($1)", queued));
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM customer_events WHERE customer_id = ANY($1)", [refused]));
        Assert.Equal(1, appender.Statistics.Refused);
    }

    [Fact]
    public async Task TwoAppendsOfOneCustomerInOneBatchAreResolvedOneByOne()
    {
        // Only two activations of one customer can do this; the loser must be refused, the winner kept.
        await using var appender = NewAppender();
        var customer = NewCustomerId();
        Task first, second;
        await using (var gate = await BatchGate.CloseAsync(DataSource))
        {
            var blocker = appender.AppendAsync(new CustomerAppend(NewCustomerId(), 0, [Note(1)], []));
            await gate.WaitUntilBlockedAsync(DataSource);
            first = appender.AppendAsync(new CustomerAppend(customer, 0, [Note(1)], []));
            second = appender.AppendAsync(new CustomerAppend(customer, 0, [Note(2)], []));
        }

        await first;
        var error = await Assert.ThrowsAsync<CustomerConcurrencyConflictException>(() => second);
        Assert.Equal(ConcurrencyConflictKind.StaleSequence, error.Kind);
        Assert.Equal(1, await CountAsync("SELECT count(*) FROM customer_events WHERE customer_id = ANY($1)", [customer]));
        Assert.Equal(1, appender.Statistics.Fallbacks);
    }

    [Fact]
    public async Task ShutdownCommitsWhatIsQueuedAndThenRefuses()
    {
        var appender = NewAppender();
        var customers = Enumerable.Range(0, 50).Select(_ => NewCustomerId()).ToArray();
        var appends = customers.Select(c => appender.AppendAsync(new CustomerAppend(c, 0, [Note(1)], []))).ToArray();

        await appender.DisposeAsync();

        await Task.WhenAll(appends);
        Assert.Equal(50, await CountAsync("SELECT count(*) FROM customer_events WHERE customer_id = ANY($1)", customers));
        var error = await Assert.ThrowsAsync<AppendRefusedException>(() => appender.AppendAsync(new CustomerAppend(NewCustomerId(), 0, [Note(1)], [])));
        Assert.Equal(AppendRefusal.ShuttingDown, error.Refusal);
    }

    private GroupCommitAppender NewAppender(GroupCommitOptions? options = null) =>
        new(DataSource, new PostgresCustomerEventLog(DataSource), options ?? new GroupCommitOptions(), NullLogger<GroupCommitAppender>.Instance);

    private async Task<long> CountAsync(string sql, string[] customers)
    {
        await using var command = DataSource.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = customers });
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var command = DataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    private static string NewCustomerId() => "c-" + Guid.NewGuid().ToString("N");

    private static NewEvent Note(int n) => new("note-added", $$"""{"n":{{n}}}""", T0.AddSeconds(n));

    private static NewEvent Interaction(string id) =>
        new("interaction-recorded", $$"""{"id":"{{id}}"}""", T0, new InteractionKey(id, T0, "email", "inquiry", "hash-" + id));

    private static ComplaintRow Complaint(string id, string status = "open") =>
        new(id, status, T0, T0, $$"""{"id":"{{id}}","status":"{{status}}"}""");
}
