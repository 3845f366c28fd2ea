namespace CustomerNeeds.Server.Hosting;

/// <summary>
/// A job that every server runs on a schedule: first <see cref="FirstRunDelay"/> after start-up,
/// then every <see cref="Interval"/> from start to start. A failed run is logged and retried at the
/// next turn; a run cut short by shutdown is not an error. Jobs that must run on one server of a
/// cluster at a time take a PostgreSQL advisory lock inside <see cref="RunOnceAsync"/>.
/// </summary>
internal abstract class PeriodicJob(TimeProvider time, ILogger logger) : BackgroundService
{
    /// <summary>What the job is called in the log.</summary>
    protected abstract string Name { get; }

    protected abstract TimeSpan FirstRunDelay { get; }

    protected abstract TimeSpan Interval { get; }

    /// <summary>One run; failures are thrown (they are logged and the next turn comes as usual).</summary>
    protected abstract Task RunOnceAsync(DateTimeOffset now, CancellationToken stoppingToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = FirstRunDelay;
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
            await TryRunAsync(stoppingToken).ConfigureAwait(false);
            var elapsed = time.GetElapsedTime(started);
            delay = elapsed < Interval ? Interval - elapsed : TimeSpan.Zero;
        }
    }

    private async Task TryRunAsync(CancellationToken stoppingToken)
    {
        try
        {
            await RunOnceAsync(time.GetUtcNow(), stoppingToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            logger.LogWarning(ex, "{Job} failed; retrying in {Interval}", Name, Interval);
        }
        catch (Exception) when (stoppingToken.IsCancellationRequested)
        {
            // The server is stopping: what the run committed stays, the rest comes at the next start.
        }
    }
}
