using System.Collections.Concurrent;

namespace CustomerNeeds.Server.Services.Streaming;

/// <summary>
/// Runs the items of one customer one after the other, in the order they were started, and the
/// items of different customers concurrently: each item waits for the customer's previous item
/// (whatever its outcome). A customer is forgotten as soon as its last item has finished, so the
/// chains held are at most the items in flight. <see cref="Start{T}"/> is called by one reader at a time.
/// </summary>
public sealed class CustomerChains
{
    private readonly ConcurrentDictionary<string, Task> tails = new(StringComparer.Ordinal);

    /// <summary>Starts <paramref name="work"/> once the previous item of <paramref name="customerId"/> has finished.</summary>
    public Task<T> Start<T>(string customerId, Func<Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        tails.TryGetValue(customerId, out var previous);
        var item = RunAfterAsync(previous, work);
        tails[customerId] = item;
        // Registered after the item became the tail, so that it is removed even when already done.
        item.ContinueWith(
            (done, state) => tails.TryRemove(new KeyValuePair<string, Task>((string)state!, done)),
            customerId,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        return item;
    }

    private static async Task<T> RunAfterAsync<T>(Task? previous, Func<Task<T>> work)
    {
        if (previous is not null)
        {
            await previous.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        return await work();
    }
}
