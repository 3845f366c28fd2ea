using CustomerNeeds.Storage.ApiKeys;
using Npgsql;

namespace CustomerNeeds.Server.Security.ApiKeys;

/// <summary>
/// Keeps one connection listening on the <c>api_keys</c> channel and the server's
/// <see cref="VerifiedKeyCache"/> in step with it (docs/api-keys.md): enabled (and cleared) each
/// time LISTEN succeeds, a notified key dropped, disabled the moment the connection fails;
/// reconnects with a doubling backoff.
/// </summary>
public sealed class ApiKeyListener(NpgsqlDataSource dataSource, VerifiedKeyCache cache, ApiKeyOptions options, ILogger<ApiKeyListener> logger)
    : BackgroundService
{
    private bool listened;

    /// <summary>True while the listening connection is up.</summary>
    public bool IsListening => cache.IsEnabled;

    /// <summary>The PostgreSQL backend process of the listening connection while it is up.</summary>
    public int? BackendProcessId { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = options.ListenerRetryMinDelay;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                cache.Disable();
                BackendProcessId = null;
                if (listened)
                {
                    // It was up: the first retry comes soon again.
                    (listened, delay) = (false, options.ListenerRetryMinDelay);
                }

                logger.LogWarning(ex, "Not listening for API key changes; every key is read from PostgreSQL until it listens again (retry in {Delay})", delay);
            }

            try
            {
                await Task.Delay(delay, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            delay = delay * 2 < options.ListenerRetryMaxDelay ? delay * 2 : options.ListenerRetryMaxDelay;
        }

        cache.Disable();
        BackendProcessId = null;
    }

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(stoppingToken).ConfigureAwait(false);
        connection.Notification += (_, e) => cache.Drop(e.Payload);
        await using (var listen = new NpgsqlCommand($"LISTEN {ApiKeyChannel.Name}", connection))
        {
            await listen.ExecuteNonQueryAsync(stoppingToken).ConfigureAwait(false);
        }

        BackendProcessId = connection.ProcessID;
        listened = true;
        cache.Enable();
        logger.LogInformation("Listening for API key changes (backend {ProcessId})", connection.ProcessID);
        try
        {
            while (true)
            {
                if (!await connection.WaitAsync(options.ListenerProbeInterval, stoppingToken).ConfigureAwait(false))
                {
                    await using var probe = new NpgsqlCommand("SELECT 1", connection) { CommandTimeout = 5 };
                    await probe.ExecuteScalarAsync(stoppingToken).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            cache.Disable();
            BackendProcessId = null;
        }
    }
}
