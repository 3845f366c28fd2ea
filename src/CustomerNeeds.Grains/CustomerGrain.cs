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
using CustomerNeeds.Domain.Needs;
using CustomerNeeds.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Storage;
using AbstractInteractionPage = CustomerNeeds.Abstractions.Customers.InteractionPage;
using AbstractComplaintPage = CustomerNeeds.Abstractions.Customers.ComplaintPage;

namespace CustomerNeeds.Grains;

/// <summary>
/// One customer. Decides with the pure domain, commits the events to the customer's log in
/// PostgreSQL, and only then applies them to its state (docs/architecture.md).
/// </summary>
public sealed class CustomerGrain(
    [PersistentState(StorageNames.CustomerSnapshotState, StorageNames.GrainStorage)] IPersistentState<CustomerSnapshot> snapshot,
    ICustomerEventLog log,
    CustomerPolicy policy,
    TimeProvider time,
    IOptions<CustomerGrainOptions> options,
    ILogger<CustomerGrain> logger) : Grain, ICustomerGrain
{
    private CustomerState state = new();
    private int eventsSinceSnapshot;

    private string CustomerId => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        state = snapshot.State.State ?? new CustomerState { Id = CustomerId };
        if (state.Version != snapshot.State.Sequence)
        {
            throw new InvalidOperationException($"Snapshot of {CustomerId} claims sequence {snapshot.State.Sequence} but holds version {state.Version}.");
        }

        var tail = await log.ReadAsync(CustomerId, state.Version, cancellationToken);
        foreach (var stored in tail)
        {
            if (stored.Sequence != state.Version + 1)
            {
                throw new InvalidOperationException($"Log of {CustomerId} has a gap: expected {state.Version + 1}, read {stored.Sequence}.");
            }

            CustomerEvolution.Apply(state, CustomerEventJson.Deserialize(stored.PayloadJson));
        }

        eventsSinceSnapshot = tail.Count;
        if (tail.Count > 0)
        {
            logger.LogDebug("Customer {CustomerId} replayed {Count} events after snapshot {Sequence}", CustomerId, tail.Count, snapshot.State.Sequence);
        }
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (eventsSinceSnapshot > 0 && reason.ReasonCode != DeactivationReasonCode.ApplicationError)
        {
            await WriteSnapshotAsync();
        }
    }

    public async Task<CustomerSummary> CreateAsync(CustomerProfile profile, CancellationToken cancellationToken = default)
    {
        await CommitAsync((s, now) => CustomerDecisions.Decide(s, new CreateCustomer(CustomerId, profile), now, policy));
        return Summary();
    }

    public Task<CustomerSummary> GetAsync(CancellationToken cancellationToken = default)
    {
        RequireExists();
        return Task.FromResult(Summary());
    }

    public async Task<CustomerSummary> UpdateProfileAsync(UpdateProfile command, CancellationToken cancellationToken = default)
    {
        await CommitAsync((s, now) => CustomerDecisions.Decide(s, command, now, policy));
        return Summary();
    }

    public async Task<Need> CreateNeedAsync(CreateNeed command, CancellationToken cancellationToken = default)
    {
        RequireExists();
        await RequireInteractionAsync(command.Fields.Source?.InteractionId, cancellationToken);
        var events = await CommitAsync((s, now) => NeedDecisions.Decide(s, command, now, policy));
        var needId = events.OfType<NeedCreated>().Single().NeedId;
        return state.Needs[needId];
    }

    public Task<Need> GetNeedAsync(string needId, CancellationToken cancellationToken = default)
    {
        RequireExists();
        return Task.FromResult(FindNeed(needId));
    }

    public Task<NeedPage> ListNeedsAsync(NeedQuery query, CancellationToken cancellationToken = default)
    {
        RequireExists();
        var matching = NeedPriority.Order(state.Needs.Values.Where(n =>
                (query.Statuses.Count == 0 || query.Statuses.Contains(n.Status))
                && (query.Types.Count == 0 || query.Types.Contains(n.Type))
                && (query.Areas.Count == 0 || query.Areas.Contains(n.Area))
                && (query.KanoClasses.Count == 0 || query.KanoClasses.Contains(n.KanoClass))))
            .ToArray();
        var page = matching.Skip(query.Offset).Take(query.PageSize).Select(n => n).ToArray();
        var next = query.Offset + page.Length;
        return Task.FromResult(new NeedPage(page, next < matching.Length ? next : null));
    }

    public async Task<Need> UpdateNeedAsync(UpdateNeed command, CancellationToken cancellationToken = default)
    {
        RequireExists();
        if (command.FieldPaths.Contains("source"))
        {
            await RequireInteractionAsync(command.Values.Source?.InteractionId, cancellationToken);
        }

        await CommitAsync((s, now) => NeedDecisions.Decide(s, command, now, policy));
        return FindNeed(command.NeedId);
    }

    public async Task<RecordedInteraction> RecordInteractionAsync(Interaction interaction, CancellationToken cancellationToken = default)
    {
        RequireExists();
        if (interaction.RelatedComplaintId is { } related && !state.OpenComplaints.ContainsKey(related)
            && await FindClosedComplaintAsync(related, cancellationToken) is null)
        {
            throw new ComplaintNotFoundException(related).ToOperationException();
        }

        IReadOnlyList<CustomerEvent> events;
        try
        {
            events = await CommitAsync((s, now) => InteractionDecisions.Decide(s, new RecordInteraction(interaction), now, policy));
        }
        catch (CustomerConcurrencyConflictException ex) when (ex.Kind == ConcurrencyConflictKind.DuplicateInteraction)
        {
            // An id older than the recent 20: the unique index on (customer, interaction id) refused
            // the append, so nothing was written. Answer from the log.
            return await StoredResultAsync(interaction, cancellationToken);
        }

        if (events.Count == 0)
        {
            // A same-content retry of one of the recent interactions: answer from the log.
            return await StoredResultAsync(interaction, cancellationToken);
        }

        var recorded = events.OfType<InteractionRecorded>().Single();
        return new RecordedInteraction(recorded.Interaction, recorded.OccurredAt, recorded.OpenedComplaintId, Replayed: false);
    }

    public async Task<RecordedInteraction> GetInteractionAsync(string interactionId, CancellationToken cancellationToken = default)
    {
        RequireExists();
        var stored = await ReadStorageAsync(() => log.FindInteractionAsync(CustomerId, interactionId, cancellationToken));
        return stored is null
            ? throw new CustomerOperationException(CustomerErrorCode.NotFound, $"Interaction '{interactionId}' of customer '{CustomerId}' does not exist.")
            : ToRecorded(stored, replayed: false);
    }

    public async Task<AbstractInteractionPage> ListInteractionsAsync(InteractionQuery query, CancellationToken cancellationToken = default)
    {
        RequireExists();
        var filter = new InteractionFilter(
            CustomerId,
            query.PageSize,
            query.Channels.Count == 0 ? null : query.Channels.Select(c => c.ToString()).ToArray(),
            query.Kinds.Count == 0 ? null : query.Kinds.Select(k => k.ToString()).ToArray(),
            query.OccurredFrom,
            query.OccurredBefore,
            query.After is { } after ? new InteractionCursor(after.OccurredAt, after.Sequence) : null);
        var page = await ReadStorageAsync(() => log.ListInteractionsAsync(filter, cancellationToken));
        return new AbstractInteractionPage(
            page.Interactions.Select(e => ToRecorded(e, replayed: false)).ToArray(),
            page.Next is { } next ? new HistoryPosition(next.OccurredAt, next.Sequence) : null);
    }

    public async Task<ComplaintCase> GetComplaintAsync(string complaintId, CancellationToken cancellationToken = default)
    {
        RequireExists();
        if (state.OpenComplaints.TryGetValue(complaintId, out var open))
        {
            return open.Clone();
        }

        return await FindClosedComplaintAsync(complaintId, cancellationToken)
            ?? throw new ComplaintNotFoundException(complaintId).ToOperationException();
    }

    public async Task<AbstractComplaintPage> ListComplaintsAsync(ComplaintQuery query, CancellationToken cancellationToken = default)
    {
        RequireExists();
        var filter = new ComplaintFilter(
            CustomerId,
            query.PageSize,
            query.Statuses.Count == 0 ? null : query.Statuses.Select(s => s.ToString()).ToArray(),
            query.After is { } after ? new ComplaintCursor(after.OpenedAt, after.ComplaintId) : null);
        var page = await ReadStorageAsync(() => log.ListComplaintsAsync(filter, cancellationToken));
        return new AbstractComplaintPage(
            page.Complaints.Select(ToComplaint).ToArray(),
            page.Next is { } next ? new ComplaintPosition(next.OpenedAt, next.ComplaintId) : null);
    }

    public async Task<ComplaintCase> TransitionComplaintAsync(TransitionComplaint command, CancellationToken cancellationToken = default)
    {
        RequireExists();
        var closed = state.OpenComplaints.ContainsKey(command.ComplaintId)
            ? null
            : await FindClosedComplaintAsync(command.ComplaintId, cancellationToken);
        var events = await CommitAsync((s, now) => ComplaintDecisions.Decide(s, command, now, policy, closed));
        if (state.OpenComplaints.TryGetValue(command.ComplaintId, out var open))
        {
            return open.Clone();
        }

        return await FindClosedComplaintAsync(command.ComplaintId, cancellationToken)
            ?? throw new InvalidOperationException($"Complaint {command.ComplaintId} was committed ({events.Count} events) but cannot be read back.");
    }

    public Task<LoyaltyAssessment> GetLoyaltyAsync(CancellationToken cancellationToken = default)
    {
        RequireExists();
        return Task.FromResult(LoyaltyAssessment.Assess(state, policy, time.GetUtcNow()));
    }

    public async Task<LoyaltyAssessment> SetTierFloorAsync(SetTierFloor command, CancellationToken cancellationToken = default)
    {
        await CommitAsync((s, now) => LoyaltyDecisions.Decide(s, command, now, policy));
        return LoyaltyAssessment.Assess(state, policy, time.GetUtcNow());
    }

    /// <summary>
    /// The one write path: decide on the current state, apply to a private copy, commit the
    /// events (and the rows derived from them) in one PostgreSQL transaction, then adopt the copy.
    /// </summary>
    private async Task<IReadOnlyList<CustomerEvent>> CommitAsync(Func<CustomerState, DateTimeOffset, IReadOnlyList<CustomerEvent>> decide)
    {
        IReadOnlyList<CustomerEvent> events;
        try
        {
            events = decide(state, time.GetUtcNow());
        }
        catch (DomainException ex)
        {
            throw ex.ToOperationException();
        }

        if (events.Count == 0)
        {
            return events;
        }

        var next = Copy(state);
        var append = CustomerLogEntries.Build(CustomerId, next, events);
        try
        {
            // Not cancellable: once the commit starts, its outcome must be known before answering.
            await log.AppendAsync(append, CancellationToken.None);
        }
        catch (CustomerConcurrencyConflictException ex) when (ex.Kind == ConcurrencyConflictKind.DuplicateInteraction)
        {
            // The interaction id is taken; the caller answers from the log. The state is unchanged.
            throw;
        }
        catch (CustomerConcurrencyConflictException ex)
        {
            logger.LogWarning(ex, "Customer {CustomerId}: another writer won sequence {Sequence}; reloading", CustomerId, append.ExpectedSequence + 1);
            DeactivateOnIdle();
            throw new CustomerOperationException(CustomerErrorCode.Aborted, "A concurrent write to this customer won; reread and retry.");
        }
        catch (Exception ex)
        {
            // The outcome is unknown (e.g. the connection broke during COMMIT): reload from the log.
            logger.LogWarning(ex, "Customer {CustomerId}: append failed; reloading from the log", CustomerId);
            DeactivateOnIdle();
            throw new CustomerOperationException(CustomerErrorCode.Unavailable, "Storage is unavailable; the change was not acknowledged. Retry.");
        }

        state = next;
        eventsSinceSnapshot += events.Count;
        if (eventsSinceSnapshot >= options.Value.SnapshotInterval)
        {
            await WriteSnapshotAsync();
        }

        return events;
    }

    private async Task WriteSnapshotAsync()
    {
        snapshot.State = new CustomerSnapshot { Sequence = state.Version, State = state };
        try
        {
            await snapshot.WriteStateAsync();
            eventsSinceSnapshot = 0;
        }
        catch (InconsistentStateException ex)
        {
            logger.LogWarning(ex, "Customer {CustomerId}: snapshot written by another activation; reloading", CustomerId);
            DeactivateOnIdle();
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
            ?? throw new InvalidOperationException($"Interaction {interaction.InteractionId} of {CustomerId} was refused as a duplicate but is not in its log.");
        return stored.ContentHash == InteractionFingerprint.Of(interaction)
            ? ToRecorded(stored, replayed: true)
            : throw new InteractionAlreadyExistsException(interaction.InteractionId).ToOperationException();
    }

    private async Task RequireInteractionAsync(string? interactionId, CancellationToken cancellationToken)
    {
        if (interactionId is not null
            && !state.RecentInteractions.Exists(i => i.InteractionId == interactionId)
            && await ReadStorageAsync(() => log.FindInteractionAsync(CustomerId, interactionId, cancellationToken)) is null)
        {
            throw new CustomerOperationException(CustomerErrorCode.NotFound, $"Interaction '{interactionId}' of customer '{CustomerId}' does not exist.");
        }
    }

    private void RequireExists()
    {
        if (!state.Exists)
        {
            throw new CustomerNotFoundException(CustomerId).ToOperationException();
        }
    }

    private Need FindNeed(string needId) =>
        state.Needs.TryGetValue(needId, out var need) ? need : throw new NeedNotFoundException(needId).ToOperationException();

    private CustomerSummary Summary() => CustomerSummary.From(state, policy, time.GetUtcNow());

    private static RecordedInteraction ToRecorded(StoredEvent stored, bool replayed)
    {
        var recorded = (InteractionRecorded)CustomerEventJson.Deserialize(stored.PayloadJson);
        return new RecordedInteraction(recorded.Interaction, recorded.OccurredAt, recorded.OpenedComplaintId, replayed);
    }

    private static ComplaintCase ToComplaint(ComplaintRow row) =>
        JsonSerializer.Deserialize<ComplaintCase>(row.PayloadJson)
        ?? throw new InvalidOperationException($"Complaint row {row.ComplaintId} has an empty payload.");

    private static CustomerState Copy(CustomerState source) =>
        JsonSerializer.Deserialize<CustomerState>(JsonSerializer.SerializeToUtf8Bytes(source))
        ?? throw new InvalidOperationException("State copy failed.");
}
