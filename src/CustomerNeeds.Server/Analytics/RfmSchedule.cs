using CustomerNeeds.Server.Hosting;
using CustomerNeeds.Storage.Analytics;
using Npgsql;

namespace CustomerNeeds.Server.Analytics;

/// <summary>
/// Recomputes the RFM quintiles (<see cref="RfmRecomputation"/>) on a schedule: first
/// <see cref="RfmScheduleOptions.RfmFirstRunDelay"/> after start-up, then every
/// <see cref="RfmScheduleOptions.RfmInterval"/>. Every server of a cluster runs the schedule; the
/// advisory lock lets only one of them compute at a time (the others skip that turn). A failed run
/// is logged and retried at the next turn. Registered only with PostgreSQL storage.
/// </summary>
internal sealed class RfmSchedule(NpgsqlDataSource dataSource, RfmScheduleOptions options, TimeProvider time, ILogger<RfmSchedule> logger)
    : PeriodicJob(time, logger)
{
    protected override string Name => "RFM recomputation";

    protected override TimeSpan FirstRunDelay => options.RfmFirstRunDelay;

    protected override TimeSpan Interval => options.RfmInterval;

    protected override async Task RunOnceAsync(DateTimeOffset now, CancellationToken stoppingToken)
    {
        var run = await RfmRecomputation.RunAsync(dataSource, now, stoppingToken).ConfigureAwait(false);
        if (run.Ran)
        {
            logger.LogInformation("RFM quintiles recomputed for {Customers} customers", run.ScoredCustomers);
        }
        else
        {
            logger.LogDebug("RFM recomputation skipped: another server is running it");
        }
    }
}
