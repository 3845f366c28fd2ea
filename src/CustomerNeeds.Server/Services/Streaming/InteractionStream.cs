using System.Runtime.ExceptionServices;
using System.Threading.Channels;
using CustomerNeeds.Server.Grpc;
using Grpc.Core;
using Contract = CustomerNeeds.Api.V1;

namespace CustomerNeeds.Server.Services.Streaming;

/// <summary>
/// One StreamInteractions call. A reader takes items off the request stream and starts each as
/// RecordInteraction would record it (<see cref="InteractionRecorder"/>): items of one customer one
/// after the other in stream order, items of different customers concurrently
/// (<see cref="CustomerChains"/>). A writer answers the items one by one in stream order. At most
/// <see cref="Window"/> items are read and not yet answered: then the reader stops reading, and
/// HTTP/2 flow control holds the client back. A failed item is answered with its status
/// (<see cref="StatusMapping"/>) and the stream goes on. When the server closes (a graceful stop,
/// docs/clustering.md) the reader stops reading, the items read are answered, and the stream ends
/// UNAVAILABLE: the client sends the unanswered items again, to another server.
/// </summary>
public sealed class InteractionStream
{
    /// <summary>Most items of one stream in flight (read, not yet answered).</summary>
    public const int Window = 512;

    /// <summary>Most answers written before a flush while later answers are already waiting.</summary>
    private const int MaxUnflushed = 64;

    private const string Operation = "StreamInteractions";

    private static readonly WriteOptions Buffered = new(WriteFlags.BufferHint);

    private readonly InteractionRecorder recorder;
    private readonly ServerCallContext context;
    private readonly ILogger logger;
    private readonly CancellationToken serverClosing;
    private readonly SemaphoreSlim window = new(Window, Window);
    private readonly CustomerChains chains = new();
    private readonly Channel<Task<Contract.StreamInteractionsResponse>> answers =
        Channel.CreateBounded<Task<Contract.StreamInteractionsResponse>>(new BoundedChannelOptions(Window) { SingleReader = true, SingleWriter = true });

    public InteractionStream(InteractionRecorder recorder, ServerCallContext context, ILogger logger, CancellationToken serverClosing = default)
    {
        ArgumentNullException.ThrowIfNull(recorder);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(logger);
        this.recorder = recorder;
        this.context = context;
        this.logger = logger;
        this.serverClosing = serverClosing;
    }

    /// <summary>
    /// Answers every item of <paramref name="requests"/> on <paramref name="responses"/>. Ends OK when
    /// the client half-closes and every item is answered; otherwise throws an
    /// <see cref="RpcException"/> with a mapped status (never UNKNOWN), after answering the items
    /// read before a request that did not parse.
    /// </summary>
    public async Task RunAsync(IAsyncStreamReader<Contract.StreamInteractionsRequest> requests, IServerStreamWriter<Contract.StreamInteractionsResponse> responses)
    {
        ArgumentNullException.ThrowIfNull(requests);
        ArgumentNullException.ThrowIfNull(responses);
        using var stopReading = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, serverClosing);
        var reading = ReadAsync(requests, stopReading.Token);
        try
        {
            await WriteAsync(responses);
        }
        catch (Exception ex)
        {
            await stopReading.CancelAsync();
            await reading;
            await AbandonAsync();
            throw Ended(ex);
        }

        if (await reading is { } failure)
        {
            throw Ended(failure);
        }
    }

    /// <summary>Reads and starts items until the client half-closes; returns the failure that stopped it, if any.</summary>
    private async Task<Exception?> ReadAsync(IAsyncStreamReader<Contract.StreamInteractionsRequest> requests, CancellationToken stop)
    {
        try
        {
            for (var index = 0L; ; index++)
            {
                await window.WaitAsync(stop);
                if (!await requests.MoveNext(stop))
                {
                    return null;
                }

                // Never waits: the window admits at most as many items as the channel holds.
                await answers.Writer.WriteAsync(Start(index, requests.Current), stop);
            }
        }
        catch (Exception ex)
        {
            return ex;
        }
        finally
        {
            answers.Writer.Complete();
        }
    }

    /// <summary>Writes the answers in stream order as they complete; each written answer frees a place in the window.</summary>
    private async Task WriteAsync(IServerStreamWriter<Contract.StreamInteractionsResponse> responses)
    {
        var unflushed = 0;
        await foreach (var answer in answers.Reader.ReadAllAsync())
        {
            var response = await answer;
            // Flush unless the next answer is ready too (then one flush carries several), at least every MaxUnflushed answers.
            var buffer = answers.Reader.TryPeek(out var next) && next.IsCompleted && ++unflushed < MaxUnflushed;
            if (!buffer)
            {
                unflushed = 0;
            }

            responses.WriteOptions = buffer ? Buffered : null;
            await responses.WriteAsync(response);
            window.Release();
        }
    }

    /// <summary>Checks an item and starts recording it; the task never fails (a failure is an error answer).</summary>
    private Task<Contract.StreamInteractionsResponse> Start(long index, Contract.StreamInteractionsRequest item)
    {
        try
        {
            var (customerId, interaction) = recorder.Check(Operation, new Contract.RecordInteractionRequest { Parent = item.Parent, Interaction = item.Interaction });
            return chains.Start(customerId, () => RecordAsync(index, customerId, interaction));
        }
        catch (Exception ex)
        {
            return Task.FromResult(Failed(index, ex));
        }
    }

    private async Task<Contract.StreamInteractionsResponse> RecordAsync(long index, string customerId, Domain.Interactions.Interaction interaction)
    {
        try
        {
            return StreamAnswer.Recorded(index, await recorder.RecordAsync(Operation, customerId, interaction, context.CancellationToken));
        }
        catch (Exception ex)
        {
            return Failed(index, ex);
        }
    }

    private Contract.StreamInteractionsResponse Failed(long index, Exception ex) =>
        StreamAnswer.Failed(index, StatusMapping.ToRpcStatus(StatusMapping.ToRpcException(ex, context, logger)));

    /// <summary>After the writer failed: waits for the items still running, so that none outlives the call.</summary>
    private async Task AbandonAsync()
    {
        await foreach (var answer in answers.Reader.ReadAllAsync())
        {
            await answer;
        }
    }

    /// <summary>The status the stream ends with.</summary>
    private RpcException Ended(Exception ex) => ex switch
    {
        RpcException rpc => rpc,
        _ when context.CancellationToken.IsCancellationRequested => StatusMapping.Cancelled(),
        OperationCanceledException when serverClosing.IsCancellationRequested => new RpcException(new Status(
            StatusCode.Unavailable,
            "The server is stopping; every item read was answered. Send the unanswered items again (recording is idempotent by interaction_id).")),
        _ => StatusMapping.ToRpcException(ex, context, logger),
    };
}
