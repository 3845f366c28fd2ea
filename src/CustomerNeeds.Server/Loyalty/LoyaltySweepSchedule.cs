using CustomerNeeds.Grains.Loyalty;
using CustomerNeeds.Server.Hosting;

namespace CustomerNeeds.Server.Loyalty;

/// <summary>
/// Runs the loyalty sweep (<see cref="LoyaltySweep"/>) on a schedule: first
/// <see cref="LoyaltySweepOptions.LoyaltySweepFirstRunDelay"/> after start-up, then every
/// <see cref="LoyaltySweepOptions.LoyaltySweepInterval"/>. Every server runs the schedule; the
/// sweep's advisory lock lets one of them sweep at a time (the others skip that turn). A failed run
/// is logged and retried at the next turn. Registered only with PostgreSQL storage.
/// </summary>
internal sealed class LoyaltySweepSchedule(LoyaltySweep sweep, LoyaltySweepOptions options, TimeProvider time, ILogger<LoyaltySweepSchedule> logger)
    : PeriodicJob(time, logger)
{
    protected override string Name => "Loyalty sweep";

    protected override TimeSpan FirstRunDelay => options.LoyaltySweepFirstRunDelay;

    protected override TimeSpan Interval => options.LoyaltySweepInterval;

    protected override async Task RunOnceAsync(DateTimeOffset now, CancellationToken stoppingToken)
    {
        var run = await sweep.RunAsync(now, stoppingToken).ConfigureAwait(false);
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
}
