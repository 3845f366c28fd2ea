using CustomerNeeds.Domain.Complaints;
using CustomerNeeds.Grains.Writes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace CustomerNeeds.Grains;

/// <summary>
/// Complaint SLA timers (docs/complaint-slas.md): one reminder per customer, due at the earliest
/// pending SLA instant. The reminder is derived from the committed state and reconciled on
/// activation and after every write; a tick decides through the write pipeline. Deciding twice
/// changes nothing, so a repeated or early tick is harmless.
/// </summary>
public sealed partial class CustomerGrain : IRemindable
{
    /// <summary>The name of the customer's one SLA reminder.</summary>
    public const string SlaReminderName = "complaint-sla";

    /// <summary>How soon a failed reconcile is retried while the activation lives.</summary>
    private static readonly TimeSpan SlaReminderRetry = TimeSpan.FromSeconds(5);

    private readonly SemaphoreSlim slaReminderGate = new(1, 1);
    private IGrainReminder? slaReminder;
    private DateTimeOffset? slaReminderDue;
    private IGrainTimer? slaReminderRetry;

    /// <summary>A reminder tick: decide what is due, commit it, then aim the reminder at the next instant.</summary>
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != SlaReminderName)
        {
            return;
        }

        var decided = 0;
        if (state.Exists && ComplaintSlaDecisions.NextInstant(state) is { } due && due <= time.GetUtcNow())
        {
            // The normal write path; once committed it aims the reminder at the next instant. A
            // failure throws: the reminder's period retries the tick.
            decided = await WriteAsync(new CustomerWrite<int>(
                (s, now) => ComplaintSlaDecisions.Decide(s, now),
                (_, events, _) => events.Count));
        }

        if (decided == 0)
        {
            // Fired early, twice, or with nothing due: aim again (the reminder may still point at
            // this instant, or should be removed).
            await ReconcileSlaReminderAsync(force: true);
        }
    }

    /// <summary>
    /// Registers the reminder for the earliest pending instant (immediately due when it is past),
    /// or removes it when nothing is pending. Cheap when nothing changed: the registered instant is
    /// remembered. Failures are logged, not thrown: the committed write stands; a grain timer that
    /// keeps the activation alive retries until the reminder is in place (and the next write,
    /// activation or tick reconciles anyway).
    /// </summary>
    private async Task ReconcileSlaReminderAsync(bool force = false)
    {
        var wanted = state.Exists ? ComplaintSlaDecisions.NextInstant(state) : null;
        if (!force && wanted == slaReminderDue && (wanted is null || slaReminder is not null))
        {
            return;
        }

        await slaReminderGate.WaitAsync();
        try
        {
            // Recomputed inside the gate: a reconcile that waited sees the newest committed state.
            wanted = state.Exists ? ComplaintSlaDecisions.NextInstant(state) : null;
            if (wanted is { } instant)
            {
                var dueIn = instant - time.GetUtcNow();
                var period = ServiceProvider.GetRequiredService<IOptions<ReminderOptions>>().Value.MinimumReminderPeriod;
                slaReminder = await this.RegisterOrUpdateReminder(SlaReminderName, dueIn > TimeSpan.Zero ? dueIn : TimeSpan.Zero, period);
                slaReminderDue = instant;
            }
            else if (slaReminder is not null || force)
            {
                var existing = slaReminder ?? await this.GetReminder(SlaReminderName);
                if (existing is not null)
                {
                    await this.UnregisterReminder(existing);
                }

                slaReminder = null;
                slaReminderDue = null;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            slaReminder = null;
            slaReminderDue = null;
            logger.LogWarning(ex, "Customer {CustomerId}: could not reconcile the complaint SLA reminder; retrying in {Retry}", CustomerId, SlaReminderRetry);
            slaReminderRetry ??= this.RegisterGrainTimer(
                async () =>
                {
                    slaReminderRetry?.Dispose();
                    slaReminderRetry = null;
                    await ReconcileSlaReminderAsync(force: true);
                },
                new GrainTimerCreationOptions(SlaReminderRetry, Timeout.InfiniteTimeSpan) { KeepAlive = true, Interleave = true });
        }
        finally
        {
            slaReminderGate.Release();
        }
    }
}
