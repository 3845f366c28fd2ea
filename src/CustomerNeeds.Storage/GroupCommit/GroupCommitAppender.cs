using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CustomerNeeds.Storage.GroupCommit;

/// <summary>
/// The server's one appender: gathers the appends of all customer grains and commits each batch in
/// one PostgreSQL transaction, completing every caller only after COMMIT returned
/// (docs/group-commit.md). No timer: a committer takes whatever is queued when it is free, so a
/// lone append goes at once and batches grow with load.
/// </summary>
public sealed class GroupCommitAppender : IAsyncDisposable
{
    private const string IntegrityViolationClass = "23";
    private const string DataExceptionClass = "22";
    private const string SerializationFailure = "40001";
    private const string DeadlockDetected = "40P01";

    private readonly NpgsqlDataSource dataSource;
    private readonly PostgresCustomerEventLog singleAppends;
    private readonly GroupCommitOptions options;
    private readonly ILogger logger;
    private readonly Channel<PendingAppend> queue;
    private readonly Task[] committers;
    private long batches;
    private long appends;
    private long events;
    private long fallbacks;
    private long failedBatches;
    private long refused;
    private volatile bool storageFailing;
    private volatile bool shuttingDown;

    public GroupCommitAppender(NpgsqlDataSource dataSource, PostgresCustomerEventLog singleAppends, GroupCommitOptions options, ILogger<GroupCommitAppender> logger)
    {
        options.Validate();
        this.dataSource = dataSource;
        this.singleAppends = singleAppends;
        this.options = options;
        this.logger = logger;
        queue = Channel.CreateBounded<PendingAppend>(new BoundedChannelOptions(options.QueueCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = options.Committers == 1,
            SingleWriter = false,
        });
        committers = Enumerable.Range(0, options.Committers).Select(_ => Task.Run(CommitLoopAsync)).ToArray();
    }

    /// <summary>What the appender has done so far.</summary>
    public GroupCommitStatistics Statistics => new(
        Interlocked.Read(ref batches),
        Interlocked.Read(ref appends),
        Interlocked.Read(ref events),
        Interlocked.Read(ref fallbacks),
        Interlocked.Read(ref failedBatches),
        Interlocked.Read(ref refused));

    /// <summary>
    /// Queues <paramref name="append"/> for the next batch; completes when it is committed.
    /// Fails with <see cref="CustomerConcurrencyConflictException"/> when it was refused (nothing
    /// written), <see cref="AppendRefusedException"/> when the queue is full, or the driver's
    /// exception when its batch failed on a storage error.
    /// </summary>
    public Task AppendAsync(CustomerAppend append)
    {
        CustomerAppendChecks.Validate(append);
        var pending = new PendingAppend(append);
        if (queue.Writer.TryWrite(pending))
        {
            return pending.Committed;
        }

        Interlocked.Increment(ref refused);
        return Task.FromException(shuttingDown
            ? new AppendRefusedException(AppendRefusal.ShuttingDown, "The server is shutting down.")
            : storageFailing
                ? new AppendRefusedException(AppendRefusal.StorageUnavailable, "PostgreSQL is unavailable and the write queue is full.")
                : new AppendRefusedException(AppendRefusal.QueueFull, $"The write queue is full ({options.QueueCapacity} appends waiting)."));
    }

    /// <summary>Stops taking appends, commits what is queued, and waits for the committers.</summary>
    public async ValueTask DisposeAsync()
    {
        shuttingDown = true;
        queue.Writer.TryComplete();
        await Task.WhenAll(committers).ConfigureAwait(false);
    }

    private async Task CommitLoopAsync()
    {
        var batch = new List<PendingAppend>();
        while (await queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            var eventCount = 0;
            while (batch.Count < options.MaxBatchAppends && eventCount < options.MaxBatchEvents && queue.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
                eventCount += pending.Append.Events.Count;
            }

            if (batch.Count > 0)
            {
                await CommitBatchAsync(batch, eventCount).ConfigureAwait(false);
            }
        }
    }

    private async Task CommitBatchAsync(List<PendingAppend> batch, int eventCount)
    {
        Interlocked.Increment(ref batches);
        AppendOutcome[] outcomes;
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync().ConfigureAwait(false);
            await using var transaction = await connection.BeginTransactionAsync().ConfigureAwait(false);
            outcomes = await AppendStatement.ExecuteAsync(connection, transaction, batch.Select(p => p.Append).ToArray(), CancellationToken.None)
                .ConfigureAwait(false);
            await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (PostgresException e) when (IsPerAppendError(e))
        {
            // A race of two activations or a bad value: retry one by one so one append cannot fail the others.
            logger.LogInformation(e, "Batch of {Count} appends refused as a whole ({SqlState}); retrying one by one", batch.Count, e.SqlState);
            Interlocked.Increment(ref fallbacks);
            await AppendOneByOneAsync(batch).ConfigureAwait(false);
            return;
        }
        catch (Exception e)
        {
            // Never committed, or the outcome is unknown (connection lost during COMMIT): every caller fails.
            storageFailing = true;
            Interlocked.Increment(ref failedBatches);
            logger.LogWarning(e, "Batch of {Count} appends ({Events} events) failed", batch.Count, eventCount);
            foreach (var pending in batch)
            {
                pending.Fail(e);
            }

            return;
        }

        storageFailing = false;
        for (var i = 0; i < batch.Count; i++)
        {
            var append = batch[i].Append;
            if (outcomes[i].Refusal(append) is { } refusal)
            {
                batch[i].Fail(refusal);
            }
            else
            {
                Interlocked.Increment(ref appends);
                Interlocked.Add(ref events, append.Events.Count);
                batch[i].Commit();
            }
        }
    }

    private async Task AppendOneByOneAsync(List<PendingAppend> batch)
    {
        foreach (var pending in batch)
        {
            try
            {
                await singleAppends.AppendAsync(pending.Append, CancellationToken.None).ConfigureAwait(false);
                Interlocked.Increment(ref appends);
                Interlocked.Add(ref events, pending.Append.Events.Count);
                pending.Commit();
            }
            catch (Exception e)
            {
                pending.Fail(e);
            }
        }
    }

    private static bool IsPerAppendError(PostgresException e) =>
        e.SqlState.StartsWith(IntegrityViolationClass, StringComparison.Ordinal)
        || e.SqlState.StartsWith(DataExceptionClass, StringComparison.Ordinal)
        || e.SqlState is SerializationFailure or DeadlockDetected;
}
