using System.Reflection;
using CustomerNeeds.Abstractions;
using CustomerNeeds.Abstractions.Errors;
using CustomerNeeds.Abstractions.Merging;
using CustomerNeeds.Domain.Complaints;
using CustomerNeeds.Domain.Customers;
using CustomerNeeds.Domain.Merging;
using CustomerNeeds.Grains.Writes;
using CustomerNeeds.Storage;

namespace CustomerNeeds.Grains;

/// <summary>
/// The merge protocol of a customer (docs/merge.md): sealing into a target, absorbing a source, and
/// the alias: every call of a sealed customer is forwarded to its target once the target absorbed it.
/// </summary>
public sealed partial class CustomerGrain : IIncomingGrainCallFilter
{
    private static readonly HashSet<string> NotForwarded = [nameof(GetMergeStatusAsync), nameof(MergeIntoAsync), nameof(EraseAsync), nameof(DropErasedAliasAsync)];

    private Task? absorbing;
    private bool absorbed;

    public Task<CustomerMergeStatus> GetMergeStatusAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(new CustomerMergeStatus(state.Exists, state.MergedInto));

    public async Task<CustomerSummary> MergeIntoAsync(string targetId, string actor, CancellationToken cancellationToken = default)
    {
        try
        {
            await WriteAsync(new CustomerWrite<bool>(
                (s, now) => MergeDecisions.Seal(RequireExists(s), targetId, actor, now),
                (_, _, _) => true));
        }
        catch (MergedCustomerRedirect sealedAlready) when (!string.Equals(sealedAlready.TargetCustomerId, targetId, StringComparison.Ordinal))
        {
            throw new CustomerOperationException(
                CustomerErrorCode.FailedPrecondition,
                $"Customer '{CustomerId}' was merged into '{sealedAlready.TargetCustomerId}' already.");
        }
        catch (MergedCustomerRedirect)
        {
            // Sealed into this target before: the merge is repeated.
        }

        await CompleteMergeAsync(targetId, actor);
        return await GrainFactory.GetGrain<ICustomerGrain>(targetId).GetAsync(cancellationToken);
    }

    public Task<CustomerSummary> AbsorbAsync(CustomerState source, string actor, CancellationToken cancellationToken = default) =>
        WriteAsync(new CustomerWrite<CustomerSummary>(
            (s, now) => MergeDecisions.Absorb(RequireExists(s), source, actor, now, policy),
            (s, _, _) => Summary(s)));

    /// <summary>The grain's own call filter: a sealed customer forwards every call of <see cref="ICustomerGrain"/> to its target.</summary>
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        string target;
        if (state.MergedInto is { } sealedInto)
        {
            target = sealedInto;
        }
        else
        {
            try
            {
                await context.Invoke();
                return;
            }
            catch (MergedCustomerRedirect redirect) when (Forwarded(context) is not null)
            {
                // Queued behind the seal: it wrote nothing here; the target decides it.
                target = redirect.TargetCustomerId;
            }
        }

        if (Forwarded(context) is { } method)
        {
            await ForwardAsync(context, method, target);
        }
        else
        {
            await context.Invoke();
        }
    }

    /// <summary>The method of <paramref name="context"/> when a sealed customer forwards it; null when it answers itself.</summary>
    private static MethodInfo? Forwarded(IIncomingGrainCallContext context) =>
        context.InterfaceMethod is { } method
        && method.DeclaringType == typeof(ICustomerGrain)
        && !NotForwarded.Contains(method.Name)
        && typeof(Task).IsAssignableFrom(method.ReturnType)
            ? method
            : null;

    private async Task ForwardAsync(IIncomingGrainCallContext context, MethodInfo method, string targetId)
    {
        await CompleteMergeAsync(targetId, actor: "");
        var arguments = new object?[context.Request.GetArgumentCount()];
        for (var i = 0; i < arguments.Length; i++)
        {
            arguments[i] = context.Request.GetArgument(i);
        }

        Task call;
        try
        {
            call = (Task)method.Invoke(GrainFactory.GetGrain<ICustomerGrain>(targetId), arguments)!;
        }
        catch (TargetInvocationException e) when (e.InnerException is { } inner)
        {
            throw inner;
        }

        await call;
        context.Result = method.ReturnType.IsGenericType ? call.GetType().GetProperty(nameof(Task<int>.Result))!.GetValue(call) : null;
    }

    /// <summary>Before a sealed customer forwards anything, its target has absorbed it (once per activation).</summary>
    private async Task CompleteMergeAsync(string targetId, string actor)
    {
        if (absorbed)
        {
            return;
        }

        var run = absorbing ??= GrainFactory.GetGrain<ICustomerGrain>(targetId).AbsorbAsync(state, actor);
        try
        {
            await run;
            absorbed = true;
        }
        catch
        {
            if (ReferenceEquals(absorbing, run))
            {
                absorbing = null;
            }

            throw;
        }
    }

    /// <summary>Whether <paramref name="interactionId"/> may be in the log of a customer merged into this one (not among the recent ones).</summary>
    private static bool MayBeAbsorbed(CustomerState s, string interactionId) =>
        s.AbsorbedCustomerIds.Count > 0 && !s.RecentInteractions.Exists(i => string.Equals(i.InteractionId, interactionId, StringComparison.Ordinal));

    /// <summary>The interaction as first recorded by a customer merged into this one, or null. Their logs no longer change.</summary>
    private async Task<StoredEvent?> FindAbsorbedInteractionAsync(CustomerState s, string interactionId, CancellationToken cancellationToken)
    {
        foreach (var absorbedId in s.AbsorbedCustomerIds)
        {
            if (await ReadStorageAsync(() => log.FindInteractionAsync(absorbedId, interactionId, cancellationToken)) is { } stored)
            {
                return stored with { CustomerId = absorbedId };
            }
        }

        return null;
    }

    /// <summary>
    /// The id under which this customer shows a closed complaint of a customer it absorbed:
    /// "&lt;complaint&gt;.&lt;customer&gt;". Minted complaint ids hold no ".", so it never collides.
    /// </summary>
    private static string AbsorbedComplaintId(string complaintId, string customerId) => complaintId + "." + customerId;

    /// <summary>A closed complaint of a customer merged into this one, by its <see cref="AbsorbedComplaintId"/>, or null.</summary>
    private async Task<ComplaintCase?> FindAbsorbedComplaintAsync(CustomerState s, string complaintId, CancellationToken cancellationToken)
    {
        var dot = complaintId.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || !s.AbsorbedCustomerIds.Contains(complaintId[(dot + 1)..]))
        {
            return null;
        }

        var holder = complaintId[(dot + 1)..];
        var row = await ReadStorageAsync(() => log.FindComplaintAsync(holder, complaintId[..dot], cancellationToken));
        return row is { Status: "Closed" } ? ToComplaint(row with { CustomerId = holder }) : null;
    }
}
