using CustomerNeeds.Abstractions;
using CustomerNeeds.Domain.Privacy;
using CustomerNeeds.Server.Auditing;
using CustomerNeeds.Server.Security;
using CustomerNeeds.Storage.Loyalty;
using CustomerNeeds.Storage.Privacy;
using Npgsql;

namespace CustomerNeeds.Server.Privacy;

/// <summary>
/// One run of the retention sweep (docs/privacy.md, Retention): under its advisory lock, finds the
/// customers with interactions older than now minus the retention that are not anonymised yet, in
/// keyset batches by customer id, and has each customer's grain anonymise them. Each customer done is
/// audited as done by the service itself.
/// </summary>
internal sealed class RetentionSweep(
    NpgsqlDataSource dataSource,
    IInteractionRetentionStore store,
    IGrainFactory grains,
    RetentionOptions options,
    IServiceProvider services,
    ILogger<RetentionSweep> logger)
{
    /// <summary>The sweep's advisory lock key ("CNRETSWP" in ASCII).</summary>
    public const long LockKey = 0x434E_5245_5453_5750;

    /// <summary>The method name of its audit events.</summary>
    public const string AuditMethod = "RetentionSweep/AnonymiseInteractions";

    public async Task<RetentionSweepRun> RunAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (options.InteractionRetention is not { } retention)
        {
            return RetentionSweepRun.Skipped;
        }

        await using var held = await SweepLock.TryTakeAsync(dataSource, LockKey, cancellationToken).ConfigureAwait(false);
        if (held is null)
        {
            return RetentionSweepRun.Skipped;
        }

        var cutoff = now - retention;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.RetentionSweepConcurrency, CancellationToken = cancellationToken };
        int customers = 0, rows = 0, failed = 0;
        string? after = null;
        while (customers < options.RetentionSweepMaxCustomersPerRun)
        {
            var limit = Math.Min(options.RetentionSweepBatchSize, options.RetentionSweepMaxCustomersPerRun - customers);
            var batch = await store.FindCustomersAsync(cutoff, after, limit, cancellationToken).ConfigureAwait(false);
            await Parallel.ForEachAsync(batch, parallel, async (customerId, token) =>
            {
                try
                {
                    var done = await grains.GetGrain<ICustomerGrain>(customerId).AnonymiseInteractionsAsync(cutoff, token).ConfigureAwait(false);
                    Interlocked.Add(ref rows, done.Rows);
                    Audit(customerId, cutoff, done.Rows, "OK");
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !token.IsCancellationRequested)
                {
                    // One customer's failure must not stop the run; it is found again next run.
                    Interlocked.Increment(ref failed);
                    logger.LogWarning(ex, "Retention of customer {CustomerHash} failed; it is tried again next run", CustomerHash.Of(customerId));
                }
            }).ConfigureAwait(false);
            customers += batch.Count;
            if (batch.Count < limit)
            {
                return new RetentionSweepRun(true, customers, rows, failed, Complete: true);
            }

            after = batch[^1];
        }

        return new RetentionSweepRun(true, customers, rows, failed, Complete: false);
    }

    private void Audit(string customerId, DateTimeOffset cutoff, int rows, string outcome)
    {
        if (services.GetService<IAuditTrail>() is not { } trail)
        {
            return;
        }

        var (resource, hash) = AuditResource.Pseudonymise($"customers/{customerId}/interactions");
        trail.TryRecord(new AuditEntry(
            DateTimeOffset.UtcNow, Caller.ServiceItself.Id, [], AuditMethod, resource, hash, outcome,
            $"interactions before {cutoff:O} anonymised: {rows} rows"));
    }
}
