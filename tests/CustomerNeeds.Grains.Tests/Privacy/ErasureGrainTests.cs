using System.Collections.Concurrent;
using CustomerNeeds.Abstractions;
using CustomerNeeds.Abstractions.Errors;
using CustomerNeeds.Domain.Customers;
using CustomerNeeds.Domain.Events;
using CustomerNeeds.Domain.Merging;
using CustomerNeeds.Domain.ReadModel;
using CustomerNeeds.Storage;
using Npgsql;

namespace CustomerNeeds.Grains.Tests.Privacy;

/// <summary>Erasure in the customer grain on PostgreSQL (docs/privacy.md, Erasure).</summary>
[Collection(PostgresClusterCollection.Name)]
public sealed class ErasureGrainTests(PostgresClusterFixture fixture)
{
    private const int Writers = 8;

    [Fact]
    public async Task An_erasure_during_concurrent_writes_erases_every_acknowledged_write_and_admits_none_after_it()
    {
        var id = Samples.NewCustomerId();
        var customer = fixture.Grains.GetGrain<ICustomerGrain>(id);
        await customer.CreateAsync(Samples.Profile("Concurrent"));
        await using var capture = await DeletedInteractions.CaptureAsync(fixture.Database.DataSource, id);

        var acknowledged = new ConcurrentBag<string>();
        var refused = new ConcurrentBag<string>();
        var erasureAnswered = 0;
        var afterErasure = new ConcurrentBag<string>();
        using var go = new ManualResetEventSlim();
        var writers = Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < 400; i++)
            {
                var interactionId = $"w{w}-{i}";
                var startedAfterErasure = Volatile.Read(ref erasureAnswered) == 1;
                try
                {
                    await customer.RecordInteractionAsync(Samples.Purchase(interactionId, i));
                    acknowledged.Add(interactionId);
                    Assert.False(startedAfterErasure, $"{interactionId} was admitted although it started after the erasure answered.");
                }
                catch (CustomerOperationException e) when (e.Reason == CustomerErasedErrors.Reason)
                {
                    Assert.Equal(CustomerErrorCode.FailedPrecondition, e.Code);
                    refused.Add(interactionId);
                    if (startedAfterErasure)
                    {
                        afterErasure.Add(interactionId);
                    }

                    // A few more attempts after the first refusal, then this writer stops.
                    if (refused.Count > Writers * 5)
                    {
                        return;
                    }
                }
            }
        })).ToArray();

        // Let the writers get going, then erase in the middle of their traffic.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (acknowledged.Count < 50)
        {
            Assert.True(DateTime.UtcNow < deadline, "The writers did not get going.");
            await Task.Delay(5);
        }

        var erased = await customer.EraseAsync("admin:erin");
        Volatile.Write(ref erasureAnswered, 1);
        await Task.WhenAll(writers);

        Assert.Equal(1, erased.ErasedCustomerCount);
        Assert.NotEmpty(refused);
        Assert.NotEmpty(afterErasure);

        // Every acknowledged write was committed before the erasure and deleted by it; no refused one was.
        var deleted = await capture.InteractionIdsAsync();
        Assert.Empty(acknowledged.Except(deleted));
        Assert.Empty(refused.Intersect(deleted));
        Assert.Equal(acknowledged.Count, deleted.Count);
        Assert.Equal(0L, await CountAsync("SELECT count(*) FROM customer_events WHERE customer_id = $1", id));

        // Reads now say erased; a repeat answers the same tombstone.
        var read = await Assert.ThrowsAsync<CustomerOperationException>(() => customer.GetAsync());
        Assert.Equal(CustomerErrorCode.NotFound, read.Code);
        Assert.Equal(erased, await customer.EraseAsync("admin:someone-else"));
    }

    [Fact]
    public async Task An_erased_customer_found_on_activation_refuses_writes_and_reads_and_a_reminder_tick_recreates_nothing()
    {
        var id = Samples.NewCustomerId();
        var customer = fixture.Grains.GetGrain<ICustomerGrain>(id);
        await customer.CreateAsync(Samples.Profile("Tombstoned"));
        await customer.RecordInteractionAsync(Samples.Complaint("k-1", 1));
        var erased = await customer.EraseAsync("admin:erin");

        await fixture.RestartAsync();
        customer = fixture.Grains.GetGrain<ICustomerGrain>(id);
        var write = await Assert.ThrowsAsync<CustomerOperationException>(() => customer.CreateAsync(Samples.Profile("Again")));
        Assert.Equal((CustomerErrorCode.FailedPrecondition, CustomerErasedErrors.Reason), (write.Code, write.Reason));
        var review = await Assert.ThrowsAsync<CustomerOperationException>(() => customer.ReviewLoyaltyAsync());
        Assert.Equal(CustomerErasedErrors.Reason, review.Reason);
        var read = await Assert.ThrowsAsync<CustomerOperationException>(() => customer.GetLoyaltyAsync());
        Assert.Equal(CustomerErrorCode.NotFound, read.Code);
        Assert.Equal(erased, await customer.EraseAsync("admin:erin"));

        await customer.AsReference<IRemindable>().ReceiveReminder(
            CustomerGrain.SlaReminderName, new TickStatus(DateTime.UtcNow, TimeSpan.FromSeconds(1), DateTime.UtcNow));
        foreach (var table in new[] { "customer_events", "customer_summaries", "customer_complaints" })
        {
            Assert.Equal(0L, await CountAsync($"SELECT count(*) FROM {table} WHERE customer_id = $1", id));
        }

        Assert.Equal(0L, await CountAsync("SELECT count(*) FROM orleans_reminders WHERE grain_id LIKE '%' || $1", id));
        Assert.Equal(0L, await CountAsync("SELECT count(*) FROM orleans_grain_state WHERE grain_id_extension = $1", id));
    }

    [Fact]
    public async Task A_source_sealed_into_a_target_erased_before_absorbing_it_is_erased_on_its_own()
    {
        var sourceId = Samples.NewCustomerId();
        var targetId = Samples.NewCustomerId();
        var target = fixture.Grains.GetGrain<ICustomerGrain>(targetId);
        await target.CreateAsync(Samples.Profile("Target"));

        // The source's log as a merge racing the erasure leaves it: sealed into the target, never absorbed.
        var now = DateTimeOffset.UtcNow;
        var decided = new CustomerState { Id = sourceId };
        var events = new List<CustomerEvent>();
        foreach (var decide in new Func<CustomerState, IReadOnlyList<CustomerEvent>>[]
        {
            s => CustomerDecisions.Decide(s, new CreateCustomer(sourceId, Samples.Profile("Source")), now, CustomerPolicy.Default),
            s => MergeDecisions.Seal(s, targetId, "agent", now),
        })
        {
            var next = decide(decided);
            CustomerEvolution.Apply(decided, next);
            events.AddRange(next);
        }

        await new PostgresCustomerEventLog(fixture.Database.DataSource).AppendAsync(
            CustomerLogEntries.Build(sourceId, new CustomerState { Id = sourceId }, events, new ProjectionChanges()), CancellationToken.None);
        Assert.Equal(1, (await target.EraseAsync("admin:erin")).ErasedCustomerCount);

        var source = fixture.Grains.GetGrain<ICustomerGrain>(sourceId);
        var erased = await source.EraseAsync("admin:erin");

        Assert.Equal(1, erased.ErasedCustomerCount);
        Assert.Equal(Domain.Privacy.CustomerHash.Of(sourceId), erased.CustomerHash);
        Assert.Equal(0L, await CountAsync("SELECT count(*) FROM customer_events WHERE customer_id = $1", sourceId));
        var read = await Assert.ThrowsAsync<CustomerOperationException>(() => source.GetAsync());
        Assert.Equal(CustomerErrorCode.NotFound, read.Code);
    }

    private async Task<long> CountAsync(string sql, string customerId)
    {
        await using var command = fixture.Database.DataSource.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = customerId });
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
