using CustomerNeeds.Domain.Customers;
using CustomerNeeds.Domain.Events;
using CustomerNeeds.Domain.ReadModel;
using CustomerNeeds.Storage;

namespace CustomerNeeds.Grains;

/// <summary>
/// Folds stored events into a customer's state, in sequence order and without gaps: the grain's
/// activation (snapshot + log tail) and the read-model rebuild (the whole log) both replay this way.
/// </summary>
public static class CustomerReplay
{
    /// <summary>
    /// Applies <paramref name="events"/> (the events after <paramref name="state"/>'s version, in
    /// order) to <paramref name="state"/>; notes the read-model rows they change in
    /// <paramref name="changes"/> when given.
    /// </summary>
    /// <exception cref="InvalidOperationException">The log has a gap or an event does not fit the state.</exception>
    public static CustomerState Apply(CustomerState state, IReadOnlyList<StoredEvent> events, ProjectionChanges? changes = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(events);
        foreach (var stored in events)
        {
            if (stored.Sequence != state.Version + 1)
            {
                throw new InvalidOperationException($"Log of {state.Id} has a gap: expected {state.Version + 1}, read {stored.Sequence}.");
            }

            var e = CustomerEventJson.Deserialize(stored.PayloadJson);
            CustomerEvolution.Apply(state, e);
            changes?.Record(state, e);
        }

        return state;
    }
}
