using CustomerNeeds.Grains.Watching;

namespace CustomerNeeds.Grains.Tests.Watching;

/// <summary>Reads a feed item by item, each within a timeout.</summary>
public sealed class FeedReader(CustomerFeed feed, long? afterSequence = null) : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private IAsyncEnumerator<CustomerFeedItem>? items;

    public async Task<CustomerFeedItem> NextAsync(int seconds = 30)
    {
        items ??= feed.ReadAsync(afterSequence, stop.Token).GetAsyncEnumerator(stop.Token);
        var next = items.MoveNextAsync().AsTask();
        var finished = await Task.WhenAny(next, Task.Delay(TimeSpan.FromSeconds(seconds)));
        Assert.True(finished == next, $"No feed item within {seconds} s (last delivered {feed.LastDelivered}).");
        Assert.True(await next, "The feed ended.");
        return items.Current;
    }

    public async Task<FeedChange> NextChangeAsync() =>
        Assert.IsType<FeedChange>(await NextAsync());

    public async Task<FeedCurrent> NextCurrentAsync() =>
        Assert.IsType<FeedCurrent>(await NextAsync());

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        if (items is not null)
        {
            try
            {
                await items.DisposeAsync();
            }
            catch (OperationCanceledException)
            {
            }
        }

        await feed.DisposeAsync();
        stop.Dispose();
    }
}
