using CustomerNeeds.Abstractions;
using CustomerNeeds.Abstractions.Errors;
using CustomerNeeds.Domain.Customers;
using CustomerNeeds.Domain.Interactions;
using CustomerNeeds.Domain.Kano;
using CustomerNeeds.Domain.Needs;
using CustomerNeeds.Grains.Writes;
using CustomerNeeds.Storage;
using CustomerNeeds.Storage.GroupCommit;
using CustomerNeeds.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace CustomerNeeds.Grains.Tests.Writes;

/// <summary>
/// The customer's write pipeline over the group-commit appender and a real PostgreSQL, with a
/// gate in front of the log so the test decides when each commit may happen.
/// </summary>
public sealed class WritePipelineTests : IAsyncLifetime
{
    private readonly PostgresDatabase database = new();
    private readonly CustomerPolicy policy = CustomerPolicy.Default;
    private readonly TaskScheduler grainTurns = new ConcurrentExclusiveSchedulerPair().ExclusiveScheduler;
    private GroupCommitAppender appender = null!;
    private GatedEventLog log = null!;
    private CustomerState state = null!;
    private bool lost;
    private CustomerWritePipeline pipeline = null!;
    private string customerId = "";

    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        await SchemaMigrator.MigrateAsync(database.DataSource, CancellationToken.None);
        var postgres = new PostgresCustomerEventLog(database.DataSource);
        appender = new GroupCommitAppender(database.DataSource, postgres, new GroupCommitOptions(), NullLogger<GroupCommitAppender>.Instance);
        log = new GatedEventLog(new GroupCommitEventLog(postgres, appender));
        customerId = Samples.NewCustomerId();
        state = new CustomerState { Id = customerId };
        pipeline = new CustomerWritePipeline(customerId, log, TimeProvider.System, CustomerPolicy.Default, () => state, (next, _) => state = next, () => lost = true, NullLogger.Instance);
    }

    public async Task DisposeAsync()
    {
        await appender.DisposeAsync();
        await database.DisposeAsync();
    }

    [Fact]
    public async Task WritesQueuedBehindACommitShareTheNextOneAndAreAnsweredOnlyAfterItInLogOrder()
    {
        await OneAtATime.Switch(grainTurns);
        var create = Submit(Create());
        var records = Enumerable.Range(1, 5).Select(i => Submit(Record($"i-{i}", i))).ToArray();
        Assert.False(create.Done.IsCompleted);

        log.Open();
        await create.ResultAsync();
        var created = state.Version;
        Assert.Equal(log.Appends[0].Events.Count, created);
        Assert.All(records, r => Assert.False(r.Done.IsCompleted));

        log.Open();
        await Task.WhenAll(records.Select(r => r.Done));

        Assert.Equal([created, 5], log.Appends.Select(a => (long)a.Events.Count));
        await using var transactions = database.DataSource.CreateCommand("SELECT count(DISTINCT xmin::text) FROM customer_events WHERE customer_id = $1");
        transactions.Parameters.Add(new NpgsqlParameter<string> { TypedValue = customerId });
        Assert.Equal(2L, await transactions.ExecuteScalarAsync());
        var events = await log.ReadAsync(customerId, 0, CancellationToken.None);
        Assert.Equal(Enumerable.Range(1, (int)created + 5).Select(i => (long)i), events.Select(e => e.Sequence));
        Assert.Equal(["i-1", "i-2", "i-3", "i-4", "i-5"], state.RecentInteractions.OrderBy(i => i.OccurTime).Select(i => i.InteractionId));
        Assert.Equal(created + 5, state.Version);
        Assert.False(lost);
    }

    [Fact]
    public async Task AWriteTheDomainRefusesFailsAloneAndTheRestOfItsGroupCommits()
    {
        await OneAtATime.Switch(grainTurns);
        var created = await CreatedAsync();
        var blocker = Submit(Record("i-0", 0));
        var first = Submit(Record("i-1", 1));
        var refused = Submit(Create());
        var last = Submit(Record("i-2", 2));

        log.Open();
        log.Open();
        await Task.WhenAll(blocker.Done, first.Done, last.Done);

        var error = await Assert.ThrowsAsync<CustomerOperationException>(() => refused.Done);
        Assert.Equal(CustomerErrorCode.AlreadyExists, error.Code);
        Assert.Equal([created + 1, created + 2, created + 3], (await log.ReadAsync(customerId, created, CancellationToken.None)).Select(e => e.Sequence));
    }

    [Fact]
    public async Task AnOldInteractionIdRefusedByTheLogIsAnsweredAloneAndTheOthersAreDecidedAgain()
    {
        await OneAtATime.Switch(grainTurns);
        var created = await CreatedAsync();
        // The first starts a group alone; the other 20 queue behind it and form the next.
        var many = Enumerable.Range(0, CustomerState.MaxRecentInteractions + 1).Select(i => Submit(Record($"old-{i}", i))).ToArray();
        log.Open();
        log.Open();
        await Task.WhenAll(many.Select(w => w.Done));
        Assert.DoesNotContain(state.RecentInteractions, i => i.InteractionId == "old-0");

        var blocker = Submit(Record("new-0", 100));
        var before = Submit(Record("new-1", 101));
        var retry = Submit(Record("old-0", 0));
        var after = Submit(Record("new-2", 102));
        log.Open();
        log.Open();
        log.Open();

        await Task.WhenAll(blocker.Done, before.Done, after.Done);
        var refusal = await Assert.ThrowsAsync<InteractionAlreadyRecordedException>(() => retry.Done);
        Assert.Equal("old-0", refusal.InteractionId);
        var tail = await log.ReadAsync(customerId, created + CustomerState.MaxRecentInteractions + 1, CancellationToken.None);
        Assert.Equal(3, tail.Count);
        Assert.Equal(state.Version, tail[^1].Sequence);
        Assert.False(lost);
    }

    [Fact]
    public async Task ARetryQueuedWithItsOriginalWaitsForTheNextGroupAndIsRefusedByTheLog()
    {
        await OneAtATime.Switch(grainTurns);
        var created = await CreatedAsync();
        // 25 newer interactions first, so the memory of the latest 20 by occurrence never holds "late".
        var newer = Enumerable.Range(100, 25).Select(i => Submit(Record($"n-{i}", i))).ToArray();
        log.Open();
        log.Open();
        await Task.WhenAll(newer.Select(w => w.Done));

        var blocker = Submit(Record("b", 200));
        var original = Submit(Record("late", 1));
        var retry = Submit(Record("late", 1));
        log.Open();
        log.Open();
        log.Open();

        await Task.WhenAll(blocker.Done, original.Done);
        await Assert.ThrowsAsync<InteractionAlreadyRecordedException>(() => retry.Done);
        Assert.Equal([created, 1, 24, 1, 1, 1], log.Appends.Select(a => (long)a.Events.Count));
        Assert.False(lost);
    }

    [Fact]
    public async Task AFailedCommitFailsItsGroupAndEverythingQueuedWithARetryableStatus()
    {
        await OneAtATime.Switch(grainTurns);
        var created = await CreatedAsync();
        log.Failure = new NpgsqlException("connection lost");
        var group = Submit(Record("i-1", 1));
        var queued = Submit(Record("i-2", 2));

        log.Open();

        foreach (var write in new[] { group, queued })
        {
            var error = await Assert.ThrowsAsync<CustomerOperationException>(() => write.Done);
            Assert.Equal(CustomerErrorCode.Unavailable, error.Code);
        }

        Assert.True(lost);
        Assert.Equal(created, state.Version);
        var late = await Assert.ThrowsAsync<CustomerOperationException>(() => Submit(Record("i-3", 3)).Done);
        Assert.Equal(CustomerErrorCode.Unavailable, late.Code);
        Assert.Equal(created, (await log.ReadAsync(customerId, 0, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task AGroupCarriesOneProjectionOfItsNextStateWithOnlyTheRowsItChanged()
    {
        await OneAtATime.Switch(grainTurns);
        await CreatedAsync();
        var before = Submit(CreateNeed("n-before"));
        log.Open();
        await before.Done;

        var blocker = Submit(Record("i-0", 0));
        var need = Submit(CreateNeed("n-group"));
        var survey = Submit(Survey("i-survey", 5, new KanoFeatureAnswer("f-speed", KanoAnswer.Like, KanoAnswer.Dislike)));
        var older = Submit(Survey("i-older", 1, new KanoFeatureAnswer("f-speed", KanoAnswer.Neutral, KanoAnswer.Neutral), new KanoFeatureAnswer("f-color", KanoAnswer.MustBe, KanoAnswer.Dislike)));
        log.Open();
        log.Open();
        await Task.WhenAll(blocker.Done, need.Done, survey.Done, older.Done);

        var projection = log.Appends[^1].Projection!;
        Assert.Equal(3, log.Appends[^1].Events.Count);
        Assert.Equal(state.Version, projection.Summary.LastSequence);
        Assert.Equal(state.UpdatedAt, projection.Summary.EvaluatedAt);
        Assert.Equal(3, projection.Summary.InteractionCount);
        Assert.Equal(["n-group"], projection.Needs.Select(n => n.NeedId));
        Assert.Equal(state.Version - 2, projection.Needs[0].LastSequence);
        // i-older's f-speed answer is older than i-survey's: only its f-color answer changed a row.
        Assert.Equal([("f-color", "i-older", state.Version), ("f-speed", "i-survey", state.Version - 1)],
            projection.KanoAnswers.OrderBy(k => k.FeatureId, StringComparer.Ordinal).Select(k => (k.FeatureId, k.InteractionId, k.LastSequence)));

        await using var rows = database.DataSource.CreateCommand(
            "SELECT (SELECT last_sequence FROM customer_summaries WHERE customer_id = $1), "
            + "(SELECT count(*) FROM customer_summary_needs WHERE customer_id = $1), "
            + "(SELECT count(*) FROM kano_answers WHERE customer_id = $1)");
        rows.Parameters.Add(new NpgsqlParameter<string> { TypedValue = customerId });
        await using var reader = await rows.ExecuteReaderAsync();
        await reader.ReadAsync();
        Assert.Equal((state.Version, 2L, 2L), (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2)));
    }

    /// <summary>Creates the customer; returns its sequence after creation.</summary>
    private async Task<long> CreatedAsync()
    {
        var create = Submit(Create());
        log.Open();
        await create.Done;
        return state.Version;
    }

    [Fact]
    public async Task AWriteWhoseDeadlinePassedWhileItWaitedIsNotStartedAndTheRestOfItsGroupCommits()
    {
        await OneAtATime.Switch(grainTurns);
        var created = await CreatedAsync();
        var blocker = Submit(Record("i-0", 0));

        // Made inside a call whose deadline is 200 ms away, as a grain call of a gRPC request would be.
        CallDeadline.Set(DateTimeOffset.UtcNow.AddMilliseconds(200));
        var late = Submit(Record("i-late", 1));
        Orleans.Runtime.RequestContext.Clear();
        var timely = Submit(Record("i-timely", 2));
        Assert.NotNull(late.Deadline);
        Assert.Null(timely.Deadline);

        await Task.Delay(400);
        log.Open();
        log.Open();
        await Task.WhenAll(blocker.Done, timely.Done);

        var error = await Assert.ThrowsAsync<CustomerOperationException>(() => late.Done);
        Assert.Equal(CustomerErrorCode.DeadlineExceeded, error.Code);
        var written = await log.ReadAsync(customerId, created, CancellationToken.None);
        Assert.Equal(2, written.Count);
        Assert.DoesNotContain(state.RecentInteractions, i => i.InteractionId == "i-late");
    }

    private CustomerWrite<T> Submit<T>(CustomerWrite<T> write)
    {
        pipeline.Submit(write);
        return write;
    }

    private CustomerWrite<CustomerSummary> Create() => new(
        (s, now) => CustomerDecisions.Decide(s, new CreateCustomer(customerId, Samples.Profile()), now, policy),
        (s, _, _) => CustomerSummary.From(s, policy, DateTimeOffset.UtcNow));

    private CustomerWrite<long> CreateNeed(string needId) => new(
        (s, now) => NeedDecisions.Decide(s, new CreateNeed(needId, new NeedFields { Title = "Need " + needId, Type = NeedType.Explicit, Area = NeedArea.Service, Importance = 3, Urgency = 3 }, "analyst"), now, policy),
        (s, _, _) => s.Version);

    private CustomerWrite<long> Survey(string interactionId, int minute, params KanoFeatureAnswer[] answers) => new(
        (s, now) => InteractionDecisions.Decide(
            s,
            new RecordInteraction(Samples.Purchase(interactionId, minute) with { Kind = InteractionKind.SurveyResponse, Amount = null, KanoAnswers = answers }),
            now,
            policy),
        (s, _, _) => s.Version)
    {
        InteractionId = interactionId,
    };

    private CustomerWrite<long> Record(string interactionId, int minute) => new(
        (s, now) => InteractionDecisions.Decide(s, new RecordInteraction(Samples.Purchase(interactionId, minute)), now, policy),
        (s, _, _) => s.Version)
    {
        InteractionId = interactionId,
    };
}
