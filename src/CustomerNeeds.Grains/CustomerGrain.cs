using System.Text.Json;
using CustomerNeeds.Abstractions;
using CustomerNeeds.Abstractions.Customers;
using CustomerNeeds.Abstractions.Errors;
using CustomerNeeds.Domain.Complaints;
using CustomerNeeds.Domain.Customers;
using CustomerNeeds.Domain.Errors;
using CustomerNeeds.Domain.Events;
using CustomerNeeds.Domain.Interactions;
using CustomerNeeds.Domain.Loyalty;
using CustomerNeeds.Domain.Merging;
using CustomerNeeds.Domain.Needs;
using CustomerNeeds.Grains.Writes;
using CustomerNeeds.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using Orleans.Placement;
using Orleans.Storage;
using AbstractInteractionPage = CustomerNeeds.Abstractions.Customers.InteractionPage;
using AbstractComplaintPage = CustomerNeeds.Abstractions.Customers.ComplaintPage;

namespace CustomerNeeds.Grains;

/// <summary>
/// One customer. Decides with the pure domain, commits the events to the customer's log in
/// PostgreSQL, and only then applies them to its state (docs/architecture.md). Reentrant: writes
/// queue in the customer's write pipeline and are committed in groups while reads answer from the
/// committed state without waiting (docs/group-commit.md).
/// </summary>
[Reentrant]
// Never migrated with its state in memory (Orleans would need to serialize the snapshot and the
// write pipeline): a customer moves by deactivating, and activates elsewhere from snapshot and log.
[Immovable]
public sealed partial class CustomerGrain(
    [PersistentState(StorageNames.CustomerSnapshotState, StorageNames.GrainStorage)] IPersistentState<CustomerSnapshot> snapshot,
    ICustomerEventLog log,
    CustomerPolicy policy,
    TimeProvider time,
    IOptions<CustomerGrainOptions> options,
    ILogger<CustomerGrain> logger) : Grain, ICustomerGrain
{
    private CustomerState state = new();
    private int eventsSinceSnapshot;
    private Task snapshotWriting = Task.CompletedTask;
    private bool lost;
    private CustomerWritePipeline? pipeline;

    private string CustomerId => this.GetPrimaryKeyString();

    private CustomerWritePipeline Pipeline => pipeline ??= new CustomerWritePipeline(
        CustomerId, log, time, policy, () => state, Adopt, Lose, logger);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Debug: quiet by default; the fault tests turn it on to count activations per customer.
        logger.LogDebug("Customer {CustomerId} activating", CustomerId);
        state = snapshot.State.State ?? new CustomerState { Id = CustomerId };
        var snapshotSequence = snapshot.State.Sequence;
        if (state.Version != snapshotSequence)
        {
            throw new InvalidOperationException($"Snapshot of {CustomerId} claims sequence {snapshotSequence} but holds version {state.Version}.");
        }

        // The state lives in one place only; the next snapshot write sets its own copy.
        snapshot.State = new CustomerSnapshot();

        var tail = await log.ReadAsync(CustomerId, state.Version, cancellationToken);
        CustomerReplay.Apply(state, tail);

        eventsSinceSnapshot = tail.Count;
        if (!state.Exists)
        {
            // Never created, or erased (docs/privacy.md).
            await LoadTombstoneAsync(cancellationToken);
        }

        if (tail.Count > 0)
        {
            logger.LogDebug("Customer {CustomerId} replayed {Count} events after snapshot {Sequence}", CustomerId, tail.Count, snapshotSequence);
        }

        // A crash may have fallen between a commit and its reminder (docs/complaint-slas.md).
        await ReconcileSlaReminderAsync();
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        await snapshotWriting;
        if (eventsSinceSnapshot > 0 && !lost && reason.ReasonCode != DeactivationReasonCode.ApplicationError)
        {
            await WriteSnapshotAsync();
        }
    }

    public Task<CustomerSummary> CreateAsync(CustomerProfile profile, CancellationToken cancellationToken = default) =>
        WriteAsync(new CustomerWrite<CustomerSummary>(
            (s, now) => CustomerDecisions.Decide(s, new CreateCustomer(CustomerId, profile), now, policy),
            (s, _, _) => Summary(s)));

    public Task<CustomerSummary> GetAsync(CancellationToken cancellationToken = default)
    {
        RequireExists(state);
        return Task.FromResult(Summary(state));
    }

    public Task<CustomerSummary> UpdateProfileAsync(UpdateProfile command, CancellationToken cancellationToken = default) =>
        WriteAsync(new CustomerWrite<CustomerSummary>(
            (s, now) => CustomerDecisions.Decide(s, command, now, policy),
            (s, _, _) => Summary(s)));

    public Task<Need> CreateNeedAsync(CreateNeed command, CancellationToken cancellationToken = default)
    {
        var source = command.Fields.Source?.InteractionId;
        return WriteAsync(new CustomerWrite<Need>(
            (s, now) => NeedDecisions.Decide(RequireExists(s), command, now, policy),
            (s, events, _) => s.Needs[events.OfType<NeedCreated>().Single().NeedId].Clone())
        {
            ReadsWhen = s => s.Exists && IsUnknownInteraction(s, source),
            Read = _ => RequireStoredInteractionAsync(source!, cancellationToken),
        });
    }

    public Task<Need> GetNeedAsync(string needId, CancellationToken cancellationToken = default) =>
        Task.FromResult(FindNeed(RequireExists(state), needId).Clone());

    public Task<NeedPage> ListNeedsAsync(NeedQuery query, CancellationToken cancellationToken = default)
    {
        RequireExists(state);
        var matching = NeedPriority.Order(state.Needs.Values.Where(n =>
                (query.Statuses.Count == 0 || query.Statuses.Contains(n.Status))
                && (query.Types.Count == 0 || query.Types.Contains(n.Type))
                && (query.Areas.Count == 0 || query.Areas.Contains(n.Area))
                && (query.KanoClasses.Count == 0 || query.KanoClasses.Contains(n.KanoClass))))
            .ToArray();
        var page = matching.Skip(query.Offset).Take(query.PageSize).Select(n => n.Clone()).ToArray();
        var next = query.Offset + page.Length;
        return Task.FromResult(new NeedPage(page, next < matching.Length ? next : null));
    }

    public Task<Need> UpdateNeedAsync(UpdateNeed command, CancellationToken cancellationToken = default)
    {
        var source = command.FieldPaths.Contains("source") ? command.Values.Source?.InteractionId : null;
        return WriteAsync(new CustomerWrite<Need>(
            (s, now) => NeedDecisions.Decide(RequireExists(s), command, now, policy),
            (s, _, _) => FindNeed(s, command.NeedId).Clone())
        {
            ReadsWhen = s => s.Exists && IsUnknownInteraction(s, source),
            Read = _ => RequireStoredInteractionAsync(source!, cancellationToken),
        });
    }

    public async Task<RecordedInteraction> RecordInteractionAsync(Interaction interaction, CancellationToken cancellationToken = default)
    {
        var related = interaction.RelatedComplaintId;
        var id = interaction.InteractionId;
        var write = new CustomerWrite<RecordedInteraction?>(
            (s, now) => InteractionDecisions.Decide(RequireExists(s), new RecordInteraction(interaction), now, policy),
            (_, events, _) => events.OfType<InteractionRecorded>().SingleOrDefault() is { } recorded
                ? new RecordedInteraction(recorded.Interaction, recorded.OccurredAt, recorded.OpenedComplaintId, Replayed: false)
                : null)
        {
            InteractionId = interaction.InteractionId,
            ReadsWhen = s => s.Exists && ((related is not null && !s.OpenComplaints.ContainsKey(related)) || MayBeAbsorbed(s, id)),
            Read = async s =>
            {
                if (MayBeAbsorbed(s, id) && await FindAbsorbedInteractionAsync(s, id, cancellationToken) is not null)
                {
                    // First recorded by a customer merged into this one: answered from there.
                    throw new InteractionAlreadyRecordedException(id);
                }

                if (related is not null && !s.OpenComplaints.ContainsKey(related) && await FindClosedComplaintAsync(related, cancellationToken) is null)
                {
                    throw new ComplaintNotFoundException(related).ToOperationException();
                }
            },
        };

        try
        {
            // No events: a same-content retry of one of the recent interactions.
            return await WriteAsync(write) ?? await StoredResultAsync(interaction, cancellationToken);
        }
        catch (InteractionAlreadyRecordedException)
        {
            // An id older than the recent 20, refused by the unique index: nothing was written.
            return await StoredResultAsync(interaction, cancellationToken);
        }
    }

    public async Task<RecordedInteraction> GetInteractionAsync(string interactionId, CancellationToken cancellationToken = default)
    {
        RequireExists(state);
        var stored = await ReadStorageAsync(() => log.FindInteractionAsync(CustomerId, interactionId, cancellationToken))
            ?? await FindAbsorbedInteractionAsync(state, interactionId, cancellationToken);
        return stored is null
            ? throw new CustomerOperationException(CustomerErrorCode.NotFound, $"Interaction '{interactionId}' of customer '{CustomerId}' does not exist.")
            : ToRecorded(stored, replayed: false);
    }

    public async Task<AbstractInteractionPage> ListInteractionsAsync(InteractionQuery query, CancellationToken cancellationToken = default)
    {
        RequireExists(state);
        var filter = new InteractionFilter(
            CustomerId,
            query.PageSize,
            query.Channels.Count == 0 ? null : query.Channels.Select(c => c.ToString()).ToArray(),
            query.Kinds.Count == 0 ? null : query.Kinds.Select(k => k.ToString()).ToArray(),
            query.OccurredFrom,
            query.OccurredBefore,
            query.After is { } after ? new InteractionCursor(after.OccurredAt, after.Sequence, after.CustomerId) : null,
            state.AbsorbedCustomerIds.Count == 0 ? null : [.. state.AbsorbedCustomerIds]);
        var page = await ReadStorageAsync(() => log.ListInteractionsAsync(filter, cancellationToken));
        return new AbstractInteractionPage(
            page.Interactions.Select(e => ToRecorded(e, replayed: false)).ToArray(),
            page.Next is { } next ? new HistoryPosition(next.OccurredAt, next.Sequence, next.CustomerId) : null);
    }

    public async Task<ComplaintCase> GetComplaintAsync(string complaintId, CancellationToken cancellationToken = default)
    {
        RequireExists(state);
        if (state.OpenComplaints.TryGetValue(complaintId, out var open))
        {
            return open.Clone();
        }

        return await FindClosedComplaintAsync(complaintId, cancellationToken)
            ?? await FindAbsorbedComplaintAsync(state, complaintId, cancellationToken)
            ?? throw new ComplaintNotFoundException(complaintId).ToOperationException();
    }

    public async Task<AbstractComplaintPage> ListComplaintsAsync(ComplaintQuery query, CancellationToken cancellationToken = default)
    {
        RequireExists(state);
        var filter = new ComplaintFilter(
            CustomerId,
            query.PageSize,
            query.Statuses.Count == 0 ? null : query.Statuses.Select(s => s.ToString()).ToArray(),
            query.After is { } after ? new ComplaintCursor(after.OpenedAt, after.ComplaintId, after.CustomerId) : null,
            state.AbsorbedCustomerIds.Count == 0 ? null : [.. state.AbsorbedCustomerIds]);
        var page = await ReadStorageAsync(() => log.ListComplaintsAsync(filter, cancellationToken));
        return new AbstractComplaintPage(
            page.Complaints.Select(ToComplaint).ToArray(),
            page.Next is { } next ? new ComplaintPosition(next.OpenedAt, next.ComplaintId, next.CustomerId) : null);
    }

    public Task<ComplaintCase> TransitionComplaintAsync(TransitionComplaint command, CancellationToken cancellationToken = default)
    {
        var id = command.ComplaintId;
        ComplaintCase? closed = null;
        return WriteAsync(new CustomerWrite<ComplaintCase>(
            (s, now) => ComplaintDecisions.Decide(RequireExists(s), command, now, policy, s.OpenComplaints.ContainsKey(id) ? null : closed),
            (s, _, append) => s.OpenComplaints.TryGetValue(id, out var open)
                ? open.Clone()
                : append?.Complaints.FirstOrDefault(c => c.ComplaintId == id) is { } row
                    ? ToComplaint(row)
                    : closed?.Clone() ?? throw new InvalidOperationException($"Complaint {id} of {CustomerId} is neither open nor closed."))
        {
            ReadsWhen = s => s.Exists && !s.OpenComplaints.ContainsKey(id),
            Read = async _ => closed = await FindClosedComplaintAsync(id, cancellationToken),
        });
    }

    public Task<LoyaltyAssessment> GetLoyaltyAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(LoyaltyAssessment.Assess(RequireExists(state), policy, time.GetUtcNow()));

    public Task<LoyaltyAssessment> SetTierFloorAsync(SetTierFloor command, CancellationToken cancellationToken = default) =>
        WriteAsync(new CustomerWrite<LoyaltyAssessment>(
            (s, now) => LoyaltyDecisions.Decide(s, command, now, policy),
            (s, _, _) => LoyaltyAssessment.Assess(s, policy, time.GetUtcNow())));

    /// <summary>
    /// The one write path: through the customer's write pipeline (docs/group-commit.md); once
    /// committed, the complaint SLA reminder follows the new state before the caller hears OK.
    /// </summary>
    private async Task<T> WriteAsync<T>(CustomerWrite<T> write)
    {
        await RefuseWritesOfErasedAsync();
        _ = Pipeline.Submit(write);
        var result = await write.ResultAsync();
        await ReconcileSlaReminderAsync();
        return result;
    }

    /// <summary>A group was committed: its state becomes the committed state; tell the watchers; maybe start a snapshot.</summary>
    private void Adopt(CustomerState next, CustomerAppend committed)
    {
        state = next;
        eventsSinceSnapshot += committed.Events.Count;
        NotifyWatchers(committed);
        if (eventsSinceSnapshot >= options.Value.SnapshotInterval && snapshotWriting.IsCompleted)
        {
            // Off the hot path: the group's callers do not wait for the snapshot.
            snapshotWriting = WriteSnapshotAsync();
        }
    }

    /// <summary>The write pipeline can no longer trust the state: reload from the log on the next call.</summary>
    private void Lose()
    {
        lost = true;
        DeactivateOnIdle();
    }

    private async Task WriteSnapshotAsync()
    {
        var copy = state.Clone();
        var covered = eventsSinceSnapshot;
        snapshot.State = new CustomerSnapshot { Sequence = copy.Version, State = copy };
        try
        {
            await snapshot.WriteStateAsync();
            eventsSinceSnapshot -= covered;
            snapshot.State = new CustomerSnapshot();
        }
        catch (InconsistentStateException ex)
        {
            logger.LogWarning(ex, "Customer {CustomerId}: snapshot written by another activation; reloading", CustomerId);
            Lose();
        }
        catch (Exception ex)
        {
            // The log already holds the truth; the next activation replays a longer tail.
            logger.LogWarning(ex, "Customer {CustomerId}: snapshot write failed", CustomerId);
        }
    }

    private async Task<T> ReadStorageAsync<T>(Func<Task<T>> read)
    {
        try
        {
            return await read();
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not CustomerOperationException)
        {
            logger.LogWarning(ex, "Customer {CustomerId}: storage read failed", CustomerId);
            throw new CustomerOperationException(CustomerErrorCode.Unavailable, "Storage is unavailable. Retry.");
        }
    }

    private async Task<ComplaintCase?> FindClosedComplaintAsync(string complaintId, CancellationToken cancellationToken)
    {
        var row = await ReadStorageAsync(() => log.FindComplaintAsync(CustomerId, complaintId, cancellationToken));
        return row is null ? null : ToComplaint(row);
    }

    /// <summary>The stored result of an interaction id already in the log: a replay when the content is the same.</summary>
    private async Task<RecordedInteraction> StoredResultAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        var stored = await ReadStorageAsync(() => log.FindInteractionAsync(CustomerId, interaction.InteractionId, cancellationToken))
            ?? await FindAbsorbedInteractionAsync(state, interaction.InteractionId, cancellationToken)
            ?? throw new InvalidOperationException($"Interaction {interaction.InteractionId} of {CustomerId} was refused as a duplicate but is not in its log.");
        return stored.ContentHash == InteractionFingerprint.Of(interaction)
            ? ToRecorded(stored, replayed: true)
            : throw new InteractionAlreadyExistsException(interaction.InteractionId).ToOperationException();
    }

    private static bool IsUnknownInteraction(CustomerState state, string? interactionId) =>
        interactionId is not null && !state.RecentInteractions.Exists(i => i.InteractionId == interactionId);

    private async Task RequireStoredInteractionAsync(string interactionId, CancellationToken cancellationToken)
    {
        if (await ReadStorageAsync(() => log.FindInteractionAsync(CustomerId, interactionId, cancellationToken)) is null)
        {
            throw new CustomerOperationException(CustomerErrorCode.NotFound, $"Interaction '{interactionId}' of customer '{CustomerId}' does not exist.");
        }
    }

    private CustomerState RequireExists(CustomerState s) =>
        s.Exists ? s
        : IsErased ? throw CustomerErasedErrors.ReadRefused(CustomerId)
        : throw new CustomerNotFoundException(CustomerId).ToOperationException();

    private static Need FindNeed(CustomerState s, string needId) =>
        s.Needs.TryGetValue(needId, out var need) ? need : throw new NeedNotFoundException(needId).ToOperationException();

    private CustomerSummary Summary(CustomerState s) => CustomerSummary.From(s, policy, time.GetUtcNow());

    private RecordedInteraction ToRecorded(StoredEvent stored, bool replayed)
    {
        var recorded = (InteractionRecorded)CustomerEventJson.Deserialize(stored.PayloadJson);
        var origin = stored.CustomerId is { } holder && !string.Equals(holder, CustomerId, StringComparison.Ordinal) ? holder : null;
        return new RecordedInteraction(recorded.Interaction, recorded.OccurredAt, recorded.OpenedComplaintId, replayed, origin);
    }

    private ComplaintCase ToComplaint(ComplaintRow row)
    {
        var complaint = JsonSerializer.Deserialize<ComplaintCase>(row.PayloadJson)
            ?? throw new InvalidOperationException($"Complaint row {row.ComplaintId} has an empty payload.");
        if (row.CustomerId is { } holder && !string.Equals(holder, CustomerId, StringComparison.Ordinal))
        {
            // A closed case of a customer merged into this one: history, with its provenance, under an id
            // that cannot collide with this customer's own (docs/merge.md).
            complaint.MergedFrom ??= new MergedFrom(holder, row.ComplaintId);
            complaint.Id = AbsorbedComplaintId(row.ComplaintId, holder);
        }

        return complaint;
    }
}
