using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace CustomerNeeds.Storage.Auditing;

/// <summary>
/// Writes audit records in the background (docs/audit-log.md): a bounded queue that never blocks
/// the caller, and one loop that gathers batches (up to <see cref="AuditWriterOptions.MaxBatchSize"/>
/// records or <see cref="AuditWriterOptions.MaxBatchDelay"/> after the first) and appends each with
/// one COPY, retrying the same batch with a growing delay until it is written. Nothing queued is
/// dropped by a failure; while the queue is full <see cref="IsAccepting"/> is false.
/// </summary>
public sealed class AuditWriter : IAsyncDisposable
{
    private readonly PostgresAuditLog log;
    private readonly AuditWriterOptions options;
    private readonly ILogger<AuditWriter> logger;
    private readonly Channel<AuditRecord> queue;
    private readonly CancellationTokenSource abandon = new();
    private Task? loop;
    private long written;
    private long batches;
    private long failures;
    private volatile bool stopping;

    public AuditWriter(PostgresAuditLog log, AuditWriterOptions options, ILogger<AuditWriter> logger)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        if (options.Validate() is { Count: > 0 } problems)
        {
            throw new ArgumentException(string.Join("; ", problems), nameof(options));
        }

        this.log = log;
        this.options = options;
        this.logger = logger;
        queue = Channel.CreateBounded<AuditRecord>(new BoundedChannelOptions(options.QueueCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
            SingleWriter = false,
        });
    }

    /// <summary>False while the queue is full or the writer is stopping.</summary>
    public bool IsAccepting => !queue.Reader.Completion.IsCompleted && !stopping && queue.Reader.Count < options.QueueCapacity;

    /// <summary>Records queued and not yet taken into a batch.</summary>
    public int Queued => queue.Reader.Count;

    /// <summary>Records written so far.</summary>
    public long Written => Interlocked.Read(ref written);

    /// <summary>Batches (COPY statements) written so far.</summary>
    public long Batches => Interlocked.Read(ref batches);

    /// <summary>Failed write attempts so far (each retried).</summary>
    public long Failures => Interlocked.Read(ref failures);

    /// <summary>Queues <paramref name="record"/>; never blocks. False when the queue is full or the writer is stopping.</summary>
    public bool TryEnqueue(AuditRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return !stopping && queue.Writer.TryWrite(record);
    }

    /// <summary>Starts the background loop (once).</summary>
    public void Start() => loop ??= Task.Run(RunAsync);

    /// <summary>
    /// Stops taking records and writes everything queued. When <paramref name="cancellationToken"/>
    /// fires first, the writer gives up and logs how many records were not written.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        stopping = true;
        queue.Writer.TryComplete();
        Start();
        using var registration = cancellationToken.Register(abandon.Cancel);
        await loop!.ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <remarks>Stops without waiting for PostgreSQL: what is still queued is logged as not written. Call <see cref="StopAsync"/> first to flush.</remarks>
    public async ValueTask DisposeAsync()
    {
        stopping = true;
        queue.Writer.TryComplete();
        abandon.Cancel();
        if (loop is not null)
        {
            await loop.ConfigureAwait(false);
        }

        abandon.Dispose();
    }

    private async Task RunAsync()
    {
        var batch = new List<AuditRecord>(options.MaxBatchSize);
        var reader = queue.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            await GatherAsync(reader, batch).ConfigureAwait(false);
            if (!await WriteAsync(batch).ConfigureAwait(false))
            {
                logger.LogError(
                    "The audit writer stopped before writing {Lost} audit records (shutdown timeout while the audit table could not be written).",
                    batch.Count + reader.Count);
                return;
            }

            batch.Clear();
        }
    }

    /// <summary>Takes records until the batch is full, the batch delay has passed, or the queue is completed and empty.</summary>
    private async Task GatherAsync(ChannelReader<AuditRecord> reader, List<AuditRecord> batch)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(options.MaxBatchDelay.TotalSeconds * Stopwatch.Frequency);
        while (true)
        {
            while (batch.Count < options.MaxBatchSize && reader.TryRead(out var record))
            {
                batch.Add(record);
            }

            var remaining = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), deadline);
            if (batch.Count >= options.MaxBatchSize || remaining <= TimeSpan.Zero || stopping)
            {
                return;
            }

            using var window = new CancellationTokenSource(remaining);
            try
            {
                if (!await reader.WaitToReadAsync(window.Token).ConfigureAwait(false))
                {
                    return;
                }
            }
            catch (OperationCanceledException) when (window.IsCancellationRequested)
            {
                return;
            }
        }
    }

    /// <summary>Writes the batch, retrying until it is written; false when abandoned (shutdown timeout).</summary>
    private async Task<bool> WriteAsync(List<AuditRecord> batch)
    {
        var delay = options.RetryDelay;
        var attempt = 0;
        while (true)
        {
            try
            {
                await log.AppendAsync(batch, abandon.Token).ConfigureAwait(false);
                Interlocked.Add(ref written, batch.Count);
                Interlocked.Increment(ref batches);
                if (attempt > 0)
                {
                    logger.LogInformation("The audit writer wrote a batch of {Count} records after {Attempts} failed attempts.", batch.Count, attempt);
                }

                return true;
            }
            catch (OperationCanceledException) when (abandon.IsCancellationRequested)
            {
                return false;
            }
            catch (Exception ex)
            {
                attempt++;
                Interlocked.Increment(ref failures);
                logger.LogWarning(
                    attempt == 1 ? ex : null,
                    "The audit writer could not write a batch of {Count} records (attempt {Attempt}: {Error}); retrying in {Delay} ms, {Queued} more queued.",
                    batch.Count,
                    attempt,
                    ex.Message,
                    delay.TotalMilliseconds,
                    queue.Reader.Count);
            }

            try
            {
                await Task.Delay(delay, abandon.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return false;
            }

            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, options.MaxRetryDelay.Ticks));
        }
    }
}
