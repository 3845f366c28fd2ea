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
internal sealed class RfmSchedule(NpgsqlDataSource dataSource, RfmScheduleOptions options, TimeProvider time, ILogger<RfmSchedule> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = options.RfmFirstRunDelay;
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
            delay = elapsed < options.RfmInterval ? options.RfmInterval - elapsed : TimeSpan.Zero;
        }
    }

    private async Task RunOnceAsync(CancellationToken stoppingToken)
    {
        try
        {
            var run = await RfmRecomputation.RunAsync(dataSource, time.GetUtcNow(), stoppingToken).ConfigureAwait(false);
            if (run.Ran)
            {
                logger.LogInformation("RFM quintiles recomputed for {Customers} customers", run.ScoredCustomers);
            }
            else
            {
                logger.LogDebug("RFM recomputation skipped: another server is running it");
            }
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            logger.LogWarning(ex, "RFM recomputation failed; retrying in {Interval}", options.RfmInterval);
        }
        catch (Exception) when (stoppingToken.IsCancellationRequested)
        {
            // The server is stopping; the transaction rolled back.
        }
    }
}
