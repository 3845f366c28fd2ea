using CustomerNeeds.Storage.Auditing;

namespace CustomerNeeds.Server.Auditing;

/// <summary>
/// The audit trail on PostgreSQL: hands entries to the <see cref="AuditWriter"/> (docs/audit-log.md).
/// Starts the writer with the host and flushes it after every other hosted service has stopped
/// (<see cref="StoppedAsync"/>), so calls that finish while the gRPC endpoint shuts down are still written.
/// </summary>
public sealed class PostgresAuditTrail(AuditWriter writer) : IAuditTrail, IHostedLifecycleService
{
    /// <inheritdoc />
    public bool IsAccepting => writer.IsAccepting;

    /// <inheritdoc />
    public bool TryRecord(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return writer.TryEnqueue(new AuditRecord(
            entry.Time, entry.Caller, entry.Roles, entry.Method, entry.Resource, entry.CustomerHash, entry.Outcome, entry.Detail));
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        writer.Start();
        return Task.CompletedTask;
    }

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Writes everything queued, until the host's shutdown timeout.</summary>
    public Task StoppedAsync(CancellationToken cancellationToken) => writer.StopAsync(cancellationToken);
}
