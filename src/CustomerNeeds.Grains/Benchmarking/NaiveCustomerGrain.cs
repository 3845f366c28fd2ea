using CustomerNeeds.Abstractions.Benchmarking;
using CustomerNeeds.Abstractions.Customers;
using CustomerNeeds.Abstractions.Errors;
using CustomerNeeds.Domain.Interactions;
using CustomerNeeds.Storage;
using Microsoft.Extensions.Logging;

namespace CustomerNeeds.Grains.Benchmarking;

/// <summary>
/// The naive baseline of the benchmark (docs/benchmarks.md): the whole interaction list as
/// Orleans persistent state on the same grain storage provider as <see cref="CustomerGrain"/>,
/// written in full with <c>WriteStateAsync</c> on every call, idempotent by a scan of the list.
/// Deliberately the obvious design, not a good one: its write grows with the history.
/// </summary>
public sealed class NaiveCustomerGrain(
    [PersistentState(NaiveCustomerGrain.StateName, StorageNames.GrainStorage)] IPersistentState<NaiveCustomerState> state,
    TimeProvider time,
    ILogger<NaiveCustomerGrain> logger) : Grain, INaiveCustomerGrain
{
    /// <summary>The state name of the naive baseline in grain storage.</summary>
    public const string StateName = "naive-interactions";

    public async Task<RecordedInteraction> RecordInteractionAsync(Interaction interaction, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        var known = state.State.Interactions.Find(i => i.Interaction.InteractionId == interaction.InteractionId);
        if (known is not null)
        {
            return known.Interaction.HasSameContent(interaction)
                ? known with { Replayed = true }
                : throw new CustomerOperationException(CustomerErrorCode.AlreadyExists, $"Interaction '{interaction.InteractionId}' exists with different content.");
        }

        var recorded = new RecordedInteraction(interaction, time.GetUtcNow(), OpenedComplaintId: null, Replayed: false);
        state.State.Interactions.Add(recorded);
        try
        {
            await state.WriteStateAsync(CancellationToken.None);
        }
        catch (Exception ex)
        {
            // Unknown outcome: forget the append and reload from storage on the next call.
            state.State.Interactions.RemoveAt(state.State.Interactions.Count - 1);
            logger.LogWarning(ex, "Naive customer {CustomerId}: state write failed; reloading", this.GetPrimaryKeyString());
            DeactivateOnIdle();
            throw new CustomerOperationException(CustomerErrorCode.Unavailable, "The state write failed; nothing was acknowledged. Retry.");
        }

        return recorded;
    }

    public Task<int> CountAsync(CancellationToken cancellationToken = default) => Task.FromResult(state.State.Interactions.Count);
}
