using CustomerNeeds.Abstractions;
using CustomerNeeds.Abstractions.Customers;
using CustomerNeeds.Domain.Customers;
using CustomerNeeds.Domain.Events;
using CustomerNeeds.Domain.Interactions;
using CustomerNeeds.Domain.Merging;
using CustomerNeeds.Domain.ReadModel;
using CustomerNeeds.Storage;

namespace CustomerNeeds.Grains.Tests;

/// <summary>A merge that stopped between the seal and the absorption finishes on the next call of the source (docs/merge.md).</summary>
[Collection(PostgresClusterCollection.Name)]
public sealed class MergeRecoveryTests(PostgresClusterFixture fixture)
{
    [Fact]
    public async Task A_sealed_source_that_was_never_absorbed_completes_the_absorption_before_it_forwards()
    {
        var sourceId = Samples.NewCustomerId();
        var targetId = Samples.NewCustomerId();
        var target = fixture.Grains.GetGrain<ICustomerGrain>(targetId);
        await target.CreateAsync(Samples.Profile("Target"));
        await target.RecordInteractionAsync(Samples.Purchase("t-1", 2, 5m));

        // The source's log as a crash right after its seal leaves it: created, one purchase, sealed.
        var now = DateTimeOffset.UtcNow;
        var policy = CustomerPolicy.Default;
        var decided = new CustomerState { Id = sourceId };
        var events = new List<CustomerEvent>();
        void Decide(Func<CustomerState, IReadOnlyList<CustomerEvent>> decision)
        {
            var next = decision(decided);
            CustomerEvolution.Apply(decided, next);
            events.AddRange(next);
        }

        Decide(s => CustomerDecisions.Decide(s, new CreateCustomer(sourceId, Samples.Profile("Source")), now, policy));
        Decide(s => InteractionDecisions.Decide(s, new RecordInteraction(Samples.Purchase("s-1", 1, 25m)), now, policy));
        Decide(s => MergeDecisions.Seal(s, targetId, "agent", now));
        var append = CustomerLogEntries.Build(sourceId, new CustomerState { Id = sourceId }, events, new ProjectionChanges());
        await new PostgresCustomerEventLog(fixture.Database.DataSource).AppendAsync(append, CancellationToken.None);
        Assert.Equal(1, (await target.GetAsync()).InteractionCount);

        var throughAlias = await fixture.Grains.GetGrain<ICustomerGrain>(sourceId).GetAsync();

        Assert.Equal(targetId, throughAlias.Id);
        Assert.Equal(2, throughAlias.InteractionCount);
        Assert.Equal(30m, throughAlias.LifetimeSpend.Amount);
        var history = await target.ListInteractionsAsync(new InteractionQuery(10, [], [], null, null, null));
        Assert.Equal(["t-1", "s-1"], history.Interactions.Select(i => i.Interaction.InteractionId));
        Assert.Equal([null, sourceId], history.Interactions.Select(i => i.OriginCustomerId));
        Assert.True((await target.RecordInteractionAsync(Samples.Purchase("s-1", 1, 25m))).Replayed);
        Assert.Equal(2, (await target.GetAsync()).InteractionCount);
    }
}
