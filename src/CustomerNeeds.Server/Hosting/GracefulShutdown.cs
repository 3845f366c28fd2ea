using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.Options;

namespace CustomerNeeds.Server.Hosting;

/// <summary>
/// The first step of every stop (SIGTERM, Ctrl-C), before any hosted service stops: readiness turns
/// NOT_SERVING, the server keeps serving for <see cref="ShutdownOptions.DrainDelay"/> so that load
/// balancers take it out, then Kestrel stops accepting and waits for the calls in flight. Only then
/// do the other services stop, the silo last among them (its grains write their snapshots and it
/// leaves the cluster). docs/clustering.md, "Stopping a server".
/// </summary>
internal sealed partial class GracefulShutdown(
    ServerDrain drain, IServer server, IOptions<ShutdownOptions> options, ILogger<GracefulShutdown> logger) : IHostedLifecycleService
{
    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        var delay = options.Value.DrainDelay;
        drain.BeginDrain();
        LogDraining(delay);
        try
        {
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            // The stop's timeout ran out during the drain: close at once.
        }

        drain.Close();
        LogClosing();
        await server.StopAsync(cancellationToken);
        LogCallsFinished();
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopping: readiness is NOT_SERVING, still serving for {DrainDelay}")]
    private partial void LogDraining(TimeSpan drainDelay);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopping: no longer accepting calls, waiting for the calls in flight")]
    private partial void LogClosing();

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopping: calls finished; stopping the silo")]
    private partial void LogCallsFinished();
}
