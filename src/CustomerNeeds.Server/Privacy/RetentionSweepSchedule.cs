using CustomerNeeds.Server.Hosting;

namespace CustomerNeeds.Server.Privacy;

/// <summary>
/// Runs the retention sweep on a schedule: first <see cref="RetentionOptions.RetentionSweepFirstRunDelay"/>
/// after start-up, then every <see cref="RetentionOptions.RetentionSweepInterval"/>. Every server runs the
/// schedule; the sweep's advisory lock lets one of them sweep at a time. Registered only with PostgreSQL
/// storage and a retention set.
/// </summary>
internal sealed class RetentionSweepSchedule(RetentionSweep sweep, RetentionOptions options, TimeProvider time, ILogger<RetentionSweepSchedule> logger)
    : PeriodicJob(time, logger)
{
    protected override string Name => "Retention sweep";

    protected override TimeSpan FirstRunDelay => options.RetentionSweepFirstRunDelay;

    protected override TimeSpan Interval => options.RetentionSweepInterval;

    protected override async Task RunOnceAsync(DateTimeOffset now, CancellationToken stoppingToken)
    {
        var run = await sweep.RunAsync(now, stoppingToken).ConfigureAwait(false);
        if (!run.Ran)
        {
            logger.LogDebug("Retention sweep skipped: another server is running it");
        }
        else if (run.Customers > 0)
        {
            logger.LogInformation(
                "Retention sweep anonymised {Rows} interactions of {Customers} customers, {Failed} failed{More}",
                run.Rows, run.Customers, run.Failed, run.Complete ? "" : "; more are due");
        }
    }
}
