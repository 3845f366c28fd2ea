using CustomerNeeds.Domain.Customers;
using CustomerNeeds.Domain.ReadModel;
using CustomerNeeds.Storage;
using CustomerNeeds.Storage.ReadModel;
using Microsoft.Extensions.Logging;

namespace CustomerNeeds.Grains.ReadModel;

/// <summary>
/// Rebuilds the read model from the event log (docs/read-model.md): for every customer in the log,
/// folds its whole log the way a grain replays it, projects the state with every need and KANO
/// answer through the same <see cref="CustomerProjection"/> as the write path, and upserts the rows,
/// one transaction per batch of customers. The upsert is guarded by last_sequence, so it can run
/// while the service serves: a row written by a newer live append is left alone. The time-driven
/// values are evaluated at the customer's last event, as the write path does, so a rebuild writes
/// the rows the write path wrote.
/// </summary>
public sealed class ReadModelRebuild(ReadModelStore store, CustomerPolicy policy, ILogger<ReadModelRebuild> logger)
{
    /// <summary>Customers per transaction unless told otherwise.</summary>
    public const int DefaultBatchSize = 200;

    /// <summary>Rebuilds the rows of every customer in the log; returns what it did.</summary>
    public async Task<ReadModelRebuildResult> RunAsync(int batchSize, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        string? after = null;
        long customers = 0;
        var written = default(ReadModelRowCounts);
        while (true)
        {
            var ids = await store.CustomerIdsAsync(after, batchSize, cancellationToken).ConfigureAwait(false);
            if (ids.Count == 0)
            {
                break;
            }

            var logs = await store.ReadLogsAsync(ids, cancellationToken).ConfigureAwait(false);
            var projections = ids.Select(id => Project(id, logs[id], policy)).ToArray();
            written += await store.UpsertAsync(projections, cancellationToken).ConfigureAwait(false);
            customers += ids.Count;
            after = ids[^1];
            logger.LogInformation("Read model rebuilt for {Customers} customers (through {CustomerId})", customers, after);
        }

        return new ReadModelRebuildResult(customers, written);
    }

    /// <summary>The rows of one customer from its whole log (in sequence order, from 1).</summary>
    /// <exception cref="InvalidOperationException">The log has a gap or does not start with the customer's creation.</exception>
    public static CustomerProjection Project(string customerId, IReadOnlyList<StoredEvent> log, CustomerPolicy policy)
    {
        var changes = new ProjectionChanges();
        var state = CustomerReplay.Apply(new CustomerState { Id = customerId }, log, changes);
        var instant = state.UpdatedAt ?? throw new InvalidOperationException($"Customer {customerId} has an empty log.");
        return CustomerProjection.Of(state, policy, instant, changes);
    }
}
