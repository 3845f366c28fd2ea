using CustomerNeeds.Abstractions;
using CustomerNeeds.Storage.Loyalty;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CustomerNeeds.Grains.Loyalty;

/// <summary>
/// One run of the loyalty sweep (docs/loyalty-sweep.md): under the sweep lock, reads the customers
/// whose next_review_at has passed in keyset batches and tells each grain to review, a bounded
/// number at once. A review that changed nothing has its row moved to the grain's next instant, so
/// no customer is picked again and again; one that changed something moved its row itself.
/// </summary>
public sealed class LoyaltySweep(NpgsqlDataSource dataSource, IGrainFactory grains, LoyaltySweepSettings settings, ILogger<LoyaltySweep> logger)
{
    /// <summary>Reviews every customer due at <paramref name="now"/>, within the settings' bounds.</summary>
    public async Task<LoyaltySweepRun> RunAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var held = await SweepLock.TryTakeAsync(dataSource, SweepLock.LoyaltySweepKey, cancellationToken).ConfigureAwait(false);
        if (held is null)
        {
            return LoyaltySweepRun.Skipped;
        }

        var tally = new Tally();
        DueReview? after = null;
        var options = new ParallelOptions { MaxDegreeOfParallelism = settings.Concurrency, CancellationToken = cancellationToken };
        while (tally.Reviewed < settings.MaxCustomersPerRun)
        {
            var limit = Math.Min(settings.BatchSize, settings.MaxCustomersPerRun - tally.Reviewed);
            var batch = await DueReviews.ReadAsync(dataSource, now, after, limit, cancellationToken).ConfigureAwait(false);
            await Parallel.ForEachAsync(batch, options, (due, token) => new ValueTask(ReviewAsync(due, tally, token))).ConfigureAwait(false);
            tally.Reviewed += batch.Count;
            if (batch.Count < limit)
            {
                return tally.Run(complete: true);
            }

            after = batch[^1];
        }

        return tally.Run(complete: false);
    }

    private async Task ReviewAsync(DueReview due, Tally tally, CancellationToken cancellationToken)
    {
        try
        {
            var outcome = await grains.GetGrain<ICustomerGrain>(due.CustomerId).ReviewLoyaltyAsync(cancellationToken).ConfigureAwait(false);
            if (outcome.EventCount > 0)
            {
                Interlocked.Increment(ref tally.Changed);
                Interlocked.Add(ref tally.Events, outcome.EventCount);
            }
            else if (await DueReviews.DeferAsync(dataSource, due.CustomerId, outcome.Version, outcome.NextReviewAt, cancellationToken).ConfigureAwait(false))
            {
                Interlocked.Increment(ref tally.Deferred);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // One customer's failure (storage down, a corrupt log) must not stop the run: the
            // others are still reviewed, and this one, still due, is tried again next run.
            Interlocked.Increment(ref tally.Failed);
            logger.LogWarning(ex, "Loyalty review of customer {CustomerId} failed; it stays due", due.CustomerId);
        }
    }

    private sealed class Tally
    {
        public int Reviewed;
        public int Changed;
        public int Events;
        public int Deferred;
        public int Failed;

        public LoyaltySweepRun Run(bool complete) => new(true, Reviewed, Changed, Events, Deferred, Failed, complete);
    }
}
