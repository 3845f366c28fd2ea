using CustomerNeeds.Api.V1;
using Grpc.Core;
using Grpc.Net.Client;

namespace CustomerNeeds.Benchmarks;

/// <summary>
/// WatchCustomer calls on one customer while a scenario writes to it, on a connection of their own:
/// reading watchers take every item and resume after RESOURCE_EXHAUSTED; stalled watchers read the
/// first item and then nothing at all (docs/watch.md).
/// </summary>
public sealed class WatcherLoad : IAsyncDisposable
{
    private readonly GrpcChannel channel;
    private readonly CancellationTokenSource stop = new();
    private readonly List<Task> watchers = [];
    private long changes;
    private long cutOff;

    private WatcherLoad(Uri address) =>
        channel = BenchmarkChannel.Create(address, new SocketsHttpHandler { EnableMultipleHttp2Connections = true });

    /// <summary>Changes received by all reading watchers.</summary>
    public long Changes => Interlocked.Read(ref changes);

    /// <summary>Times a reading watcher was ended with RESOURCE_EXHAUSTED and resumed.</summary>
    public long CutOff => Interlocked.Read(ref cutOff);

    /// <summary>Starts <paramref name="count"/> watchers and returns once each has received the customer.</summary>
    public static async Task<WatcherLoad> StartAsync(Uri address, string customerId, int count, bool reading)
    {
        var load = new WatcherLoad(address);
        var client = new CustomerService.CustomerServiceClient(load.channel);
        var ready = new List<Task>();
        for (var i = 0; i < count; i++)
        {
            var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            ready.Add(started.Task);
            load.watchers.Add(Task.Run(() => reading
                ? load.ReadAsync(client, customerId, started)
                : load.StallAsync(client, customerId, started)));
        }

        await Task.WhenAll(ready);
        return load;
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await Task.WhenAll(watchers);
        channel.Dispose();
        stop.Dispose();
    }

    private async Task ReadAsync(CustomerService.CustomerServiceClient client, string customerId, TaskCompletionSource started)
    {
        long? after = null;
        while (!stop.IsCancellationRequested)
        {
            var request = new WatchCustomerRequest { Name = Requests.CustomerName(customerId) };
            if (after is { } a)
            {
                request.AfterSequence = a;
            }

            try
            {
                using var call = client.WatchCustomer(request, cancellationToken: stop.Token);
                await foreach (var item in call.ResponseStream.ReadAllAsync(stop.Token))
                {
                    after = item.ItemCase == WatchCustomerResponse.ItemOneofCase.Change ? item.Change.Sequence : item.Current.Sequence;
                    if (item.ItemCase == WatchCustomerResponse.ItemOneofCase.Change)
                    {
                        Interlocked.Increment(ref changes);
                    }

                    started.TrySetResult();
                }
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.ResourceExhausted)
            {
                Interlocked.Increment(ref cutOff);
            }
            catch (Exception) when (stop.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private async Task StallAsync(CustomerService.CustomerServiceClient client, string customerId, TaskCompletionSource started)
    {
        try
        {
            using var call = client.WatchCustomer(new WatchCustomerRequest { Name = Requests.CustomerName(customerId) }, cancellationToken: stop.Token);
            await call.ResponseStream.MoveNext(stop.Token);
            started.TrySetResult();
            await Task.Delay(Timeout.Infinite, stop.Token);
        }
        catch (Exception) when (stop.IsCancellationRequested)
        {
        }
    }
}
