using System.Collections.Concurrent;
using CustomerNeeds.Api.V1;
using Grpc.Core;

namespace CustomerNeeds.Server.Security;

/// <summary>
/// StreamInteractions under the caller's limits (docs/security.md): every item takes a permit of the
/// caller's rate limit (when none is left, the server stops reading the stream until one is: flow control,
/// not an error), and every answered item is one audit event with the item's customer and outcome.
/// </summary>
internal sealed class StreamItemAccess(Caller caller, string method, CallerLimits limits, CallAudit audit)
{
    private readonly ConcurrentQueue<string> parents = new();

    /// <summary>Whether <typeparamref name="TRequest"/> is the item of StreamInteractions.</summary>
    public static bool Applies<TRequest>() => typeof(TRequest) == typeof(StreamInteractionsRequest);

    public IAsyncStreamReader<TRequest> Reader<TRequest>(IAsyncStreamReader<TRequest> inner) => new ItemReader<TRequest>(this, inner);

    public IServerStreamWriter<TResponse> Writer<TResponse>(IServerStreamWriter<TResponse> inner) => new ItemWriter<TResponse>(this, inner);

    private async Task TakePermitAsync(CancellationToken cancellationToken)
    {
        while (limits.TryTake(caller) is { } wait)
        {
            await Task.Delay(wait, cancellationToken);
        }
    }

    private void Answered(StreamInteractionsResponse answer)
    {
        // Answers come in item order, so the oldest parent read is this answer's.
        parents.TryDequeue(out var parent);
        var code = answer.Result == StreamInteractionsResponse.Types.Result.Error ? (StatusCode)answer.Error.Code : StatusCode.OK;
        var detail = answer.Result switch
        {
            StreamInteractionsResponse.Types.Result.Duplicate => "duplicate",
            StreamInteractionsResponse.Types.Result.Error when AccessMiddleware.IsRefusal(code) => answer.Error.Message,
            _ => "",
        };
        audit.Record(caller, method, parent ?? "", code, detail);
    }

    private sealed class ItemReader<T>(StreamItemAccess access, IAsyncStreamReader<T> inner) : IAsyncStreamReader<T>
    {
        private bool first = true;

        public T Current => inner.Current;

        public async Task<bool> MoveNext(CancellationToken cancellationToken)
        {
            // The call itself took the first permit.
            if (!first)
            {
                await access.TakePermitAsync(cancellationToken);
            }

            first = false;
            if (!await inner.MoveNext(cancellationToken))
            {
                return false;
            }

            access.parents.Enqueue(inner.Current is StreamInteractionsRequest item ? item.Parent : "");
            return true;
        }
    }

    private sealed class ItemWriter<T>(StreamItemAccess access, IServerStreamWriter<T> inner) : IServerStreamWriter<T>
    {
        public WriteOptions? WriteOptions
        {
            get => inner.WriteOptions;
            set => inner.WriteOptions = value;
        }

        public async Task WriteAsync(T message)
        {
            await inner.WriteAsync(message);
            if (message is StreamInteractionsResponse answer)
            {
                access.Answered(answer);
            }
        }
    }
}
