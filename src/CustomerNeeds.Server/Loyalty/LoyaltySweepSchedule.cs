using CustomerNeeds.Grains.Loyalty;

namespace CustomerNeeds.Server.Loyalty;

/// <summary>
/// Runs the loyalty sweep (<see cref="LoyaltySweep"/>) on a schedule: first
/// <see cref="LoyaltySweepOptions.LoyaltySweepFirstRunDelay"/> after start-up, then every
/// <see cref="LoyaltySweepOptions.LoyaltySweepInterval"/>. Every server runs the schedule; the
/// sweep's advisory lock lets one of them sweep at a time (the others skip that turn). A failed run
/// is logged and retried at the next turn. Registered only with PostgreSQL storage.
/// </summary>
internal sealed class LoyaltySweepSchedule(LoyaltySweep sweep, LoyaltySweepOptions options, TimeProvider time, ILogger<LoyaltySweepSchedule> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = options.LoyaltySweepFirstRunDelay;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(delay, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            var started = time.GetTimestamp();
            await RunOnceAsync(stoppingToken).ConfigureAwait(false);
            var elapsed = time.GetElapsedTime(started);
            delay = elapsed < options.LoyaltySweepInterval ? options.LoyaltySweepInterval - elapsed : TimeSpan.Zero;
        }
    }

    private async Task RunOnceAsync(CancellationToken stoppingToken)
    {
        try
        {
            var run = await sweep.RunAsync(time.GetUtcNow(), stoppingToken).ConfigureAwait(false);
            if (!run.Ran)
            {
                logger.LogDebug("Loyalty sweep skipped: another server is running it");
            }
            else if (run.Reviewed > 0)
            {
                logger.LogInformation(
                    "Loyalty sweep reviewed {Reviewed} customers: {Changed} changed ({Events} events), {Deferred} deferred, {Failed} failed{More}",
                    run.Reviewed, run.Changed, run.Events, run.Deferred, run.Failed, run.Complete ? "" : "; more are due");
            }
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            logger.LogWarning(ex, "Loyalty sweep failed; retrying in {Interval}", options.LoyaltySweepInterval);
        }
        catch (Exception) when (stoppingToken.IsCancellationRequested)
        {
            // The server is stopping; the reviews done so far are committed, the rest stay due.
        }
    }
}
