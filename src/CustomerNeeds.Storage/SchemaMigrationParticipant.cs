using Microsoft.Extensions.Logging;
using Npgsql;
using Orleans;
using Orleans.Runtime;

namespace CustomerNeeds.Storage;

/// <summary>
/// Runs <see cref="SchemaMigrator"/> early in silo start-up, before any storage provider
/// initialises and before the silo takes grain calls. Retries while PostgreSQL is unreachable, up
/// to <see cref="PostgresOptions.StartupTimeout"/>; then start-up fails.
/// </summary>
internal sealed partial class SchemaMigrationParticipant(
    NpgsqlDataSource dataSource,
    PostgresOptions options,
    ILogger<SchemaMigrationParticipant> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    /// <summary>Before RuntimeInitialize (2000), where the earliest Orleans storage (membership) starts.</summary>
    public const int Stage = ServiceLifecycleStage.RuntimeInitialize - 100;

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(SchemaMigrationParticipant), Stage, MigrateAsync);

    private async Task MigrateAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + options.StartupTimeout;
        while (true)
        {
            try
            {
                await SchemaMigrator.MigrateAsync(dataSource, cancellationToken, logger).ConfigureAwait(false);
                return;
            }
            catch (NpgsqlException e) when (e is not PostgresException && DateTime.UtcNow < deadline)
            {
                LogUnreachable(e);
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "PostgreSQL is unreachable; retrying the schema migration")]
    private partial void LogUnreachable(Exception exception);
}
