using CustomerNeeds.Grains.Watching;
using CustomerNeeds.Server.Mapping;
using CustomerNeeds.Server.Validation;
using Grpc.Core;
using Contract = CustomerNeeds.Api.V1;

namespace CustomerNeeds.Server.Services;

/// <summary>One WatchCustomer call: a customer feed written to the response stream (docs/watch.md).</summary>
internal static class CustomerWatchCall
{
    /// <summary>How long a watcher that fell behind has to read what was sent before its stream is reset.</summary>
    public static readonly TimeSpan GraceAfterFellBehind = TimeSpan.FromSeconds(30);

    /// <summary>Most changes written before a flush.</summary>
    private const int MaxUnflushed = 64;

    private static readonly WriteOptions Buffered = new(WriteFlags.BufferHint);

    public static async Task RunAsync(
        CustomerWatching watching, string customerId, long? afterSequence, FieldViolations v,
        IServerStreamWriter<Contract.WatchCustomerResponse> responses, CancellationToken serverClosing, CancellationToken cancellationToken)
    {
        await using var feed = watching.Open(customerId);
        using var watch = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, serverClosing);
        using var writes = CancellationTokenSource.CreateLinkedTokenSource(watch.Token);

        // A watcher that stops reading blocks a write once its HTTP/2 window is full, and then its queue
        // overflows. RESOURCE_EXHAUSTED follows the data it has not read yet; a watcher that does not read
        // that either within the grace period has its stream reset.
        using var grace = feed.FellBehind.Register(() => writes.CancelAfter(GraceAfterFellBehind));
        try
        {
            var unflushed = 0;
            await foreach (var item in feed.ReadAsync(afterSequence, watch.Token))
            {
                // The changes of one commit (or of one page read back from the log) go out in one flush:
                // only the item that carries the customer, or every MaxUnflushed-th, flushes.
                var flush = item is not FeedChange { Customer: null } || ++unflushed >= MaxUnflushed;
                unflushed = flush ? 0 : unflushed;
                responses.WriteOptions = flush ? null : Buffered;
                await responses.WriteAsync(WatchMapper.ToProto(item), writes.Token);
            }
        }
        catch (WatcherFellBehindException)
        {
            throw FellBehind();
        }
        catch (OperationCanceledException) when (serverClosing.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw ServerClosing();
        }
        catch (WatchResumeOutOfRangeException e)
        {
            v.Add("after_sequence", $"must not be above the customer's last sequence {e.LastSequence} (is {e.AfterSequence}).");
            v.ThrowIfAny("WatchCustomer");
            throw;
        }
    }

    private static RpcException ServerClosing() => new(new Status(
        StatusCode.Unavailable,
        "The server is stopping; watch again (on another server) with after_sequence set to the last sequence received."));

    private static RpcException FellBehind() => new(new Status(
        StatusCode.ResourceExhausted,
        "The watcher fell behind the customer's changes and its stream was ended; resume with after_sequence set to the last sequence received."));
}
