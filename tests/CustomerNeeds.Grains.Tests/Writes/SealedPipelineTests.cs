using CustomerNeeds.Domain.Customers;
using CustomerNeeds.Domain.Interactions;
using CustomerNeeds.Domain.Merging;
using CustomerNeeds.Grains.Writes;
using CustomerNeeds.Storage;
using CustomerNeeds.Storage.GroupCommit;
using CustomerNeeds.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace CustomerNeeds.Grains.Tests.Writes;

/// <summary>
/// The seal of a merge in the customer's write pipeline (docs/merge.md), on a real PostgreSQL with
/// a gate in front of the log: writes queued before the seal commit with it, writes queued behind
/// it are redirected without being decided or written.
/// </summary>
public sealed class SealedPipelineTests : IAsyncLifetime
{
    private readonly PostgresDatabase database = new();
    private readonly CustomerPolicy policy = CustomerPolicy.Default;
    private readonly TaskScheduler grainTurns = new ConcurrentExclusiveSchedulerPair().ExclusiveScheduler;
    private GroupCommitAppender appender = null!;
    private GatedEventLog log = null!;
    private CustomerState state = null!;
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
        pipeline = new CustomerWritePipeline(customerId, log, TimeProvider.System, policy, () => state, (next, _) => state = next, () => { }, NullLogger.Instance);
    }

    public async Task DisposeAsync()
    {
        await appender.DisposeAsync();
        await database.DisposeAsync();
    }

    [Fact]
    public async Task Writes_before_the_seal_commit_with_it_and_writes_behind_it_are_redirected_unwritten()
    {
        await OneAtATime.Switch(grainTurns);
        var create = Submit(new CustomerWrite<long>((s, now) => CustomerDecisions.Decide(s, new CreateCustomer(customerId, Samples.Profile()), now, policy), (s, _, _) => s.Version));
        log.Open();
        await create.Done;

        var inFlight = Submit(Record("i-0", 0));
        var before = Submit(Record("i-1", 1));
        var seal = Submit(new CustomerWrite<long>((s, now) => MergeDecisions.Seal(s, "c-target", "agent", now), (s, _, _) => s.Version));
        var behind = Submit(Record("i-2", 2));
        log.Open();
        log.Open();
        await Task.WhenAll(inFlight.Done, before.Done, seal.Done);

        var redirect = await Assert.ThrowsAsync<MergedCustomerRedirect>(() => behind.Done);
        Assert.Equal("c-target", redirect.TargetCustomerId);
        Assert.Equal("c-target", state.MergedInto);
        var events = await log.ReadAsync(customerId, 0, CancellationToken.None);
        Assert.Equal("customer-merged-into", events[^1].EventType);
        Assert.Equal(state.Version, events[^1].Sequence);
        Assert.Equal(2, events.Count(e => e.EventType == "interaction-recorded"));

        // Later writes are redirected before anything reaches the log.
        var appends = log.Appends.Count;
        var later = Submit(Record("i-3", 3));
        await Assert.ThrowsAsync<MergedCustomerRedirect>(() => later.Done);
        Assert.Equal(appends, log.Appends.Count);
        Assert.Equal(events.Count, (await log.ReadAsync(customerId, 0, CancellationToken.None)).Count);
    }

    private CustomerWrite<T> Submit<T>(CustomerWrite<T> write)
    {
        pipeline.Submit(write);
        return write;
    }

    private CustomerWrite<long> Record(string interactionId, int minute) => new(
        (s, now) => InteractionDecisions.Decide(s, new RecordInteraction(Samples.Purchase(interactionId, minute)), now, policy),
        (s, _, _) => s.Version)
    {
        InteractionId = interactionId,
    };
}
