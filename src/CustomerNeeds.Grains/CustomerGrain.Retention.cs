using CustomerNeeds.Abstractions.Customers;
using CustomerNeeds.Domain.Events;
using CustomerNeeds.Domain.Privacy;
using CustomerNeeds.Grains.Writes;
using CustomerNeeds.Storage.Privacy;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerNeeds.Grains;

/// <summary>
/// Retention of interactions (docs/privacy.md): the state forgets first (an event through the one
/// write path), then the log rows are stripped. A crash between the two leaves rows that are not
/// anonymised yet: the next sweep finds them again, decides no event and strips them.
/// </summary>
public sealed partial class CustomerGrain
{
    public async Task<InteractionAnonymisation> AnonymiseInteractionsAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default)
    {
        var inMemory = await WriteAsync(new CustomerWrite<int>(
            (s, now) => RetentionDecisions.Decide(RequireExists(s), cutoff, now),
            (_, events, _) => events.OfType<InteractionsAnonymised>().Sum(e => e.Count)));
        if (inMemory > 0 && snapshotWriting.IsCompleted)
        {
            // The stored snapshot holds the recent interactions as they were: replace it now.
            snapshotWriting = WriteSnapshotAsync();
        }

        var store = ServiceProvider.GetRequiredService<IInteractionRetentionStore>();
        var rows = 0;
        foreach (var id in state.AbsorbedCustomerIds.Prepend(CustomerId).Distinct(StringComparer.Ordinal))
        {
            rows += await ReadStorageAsync(() => store.AnonymiseAsync(id, cutoff, StripInteractionPayload, cancellationToken));
        }

        return new InteractionAnonymisation(inMemory, rows);
    }

    /// <summary>An interaction-recorded payload without the interaction's personal fields; any other payload as it is.</summary>
    private static string StripInteractionPayload(string payloadJson) =>
        CustomerEventJson.Deserialize(payloadJson) is InteractionRecorded recorded
            ? CustomerEventJson.Serialize(recorded with { Interaction = InteractionAnonymiser.Strip(recorded.Interaction) })
            : payloadJson;
}
