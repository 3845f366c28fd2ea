using CustomerNeeds.Abstractions;
using CustomerNeeds.Abstractions.Customers;
using CustomerNeeds.Abstractions.Errors;
using CustomerNeeds.Domain.Customers;
using CustomerNeeds.Domain.Events;
using CustomerNeeds.Grains.Writes;
using CustomerNeeds.Storage.Privacy;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CustomerNeeds.Grains;

/// <summary>
/// Erasure (docs/privacy.md): the writes queued before it commit, the ones after it are refused, the
/// storage forgets the customer and the customers merged into it in one transaction, and a tombstone
/// makes every later activation refuse the id. An erased activation writes no snapshot.
/// </summary>
public sealed partial class CustomerGrain
{
    /// <summary>The erasure under way, from the moment it was asked until it committed or failed.</summary>
    private Task<ErasedCustomer>? erasing;

    /// <summary>Set once the customer is erased (by this activation, or found on activation).</summary>
    private CustomerTombstone? tombstone;

    private ICustomerErasureStore ErasureStore => ServiceProvider.GetRequiredService<ICustomerErasureStore>();

    public async Task<ErasedCustomer> EraseAsync(string erasedBy, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(erasedBy);
        if (tombstone is { } erased)
        {
            return ToErased(erased);
        }

        if (erasing is { } running)
        {
            return await running;
        }

        var orphaned = false;
        if (state.MergedInto is { } target)
        {
            // An alias: its target erases it. Only when the target was erased before it could absorb
            // this customer (a merge racing an erasure) is it erased on its own.
            if ((await GrainFactory.GetGrain<ICustomerGrain>(target).GetMergeStatusAsync(cancellationToken)).Exists)
            {
                throw MergedAlias(target);
            }

            orphaned = true;
        }

        RequireExists(state);
        if (tombstone is not null || erasing is not null)
        {
            // Another erasure started while this one looked at the target.
            return await EraseAsync(erasedBy, cancellationToken);
        }

        var run = EraseNowAsync(erasedBy, orphaned);
        erasing = run;
        try
        {
            return await run;
        }
        finally
        {
            if (tombstone is null && ReferenceEquals(erasing, run))
            {
                // Failed: nothing was erased; writes go on.
                erasing = null;
            }
        }
    }

    public async Task DropErasedAliasAsync(CancellationToken cancellationToken = default)
    {
        lost = true;
        await snapshotWriting;
        await ClearOwnSnapshotAsync();
        await DropSlaReminderAsync();
        DeactivateOnIdle();
    }

    /// <summary>Writes wait for an erasure under way; once erased, they are refused (FAILED_PRECONDITION, CUSTOMER_ERASED).</summary>
    private async Task RefuseWritesOfErasedAsync()
    {
        if (erasing is { } running)
        {
            try
            {
                await running;
            }
            catch
            {
                // The erasure failed: the write goes on.
            }
        }

        if (tombstone is not null)
        {
            throw CustomerErasedErrors.WriteRefused(CustomerId);
        }
    }

    /// <summary>Whether reads should answer "erased": erased, or an erasure under way has drained the writes.</summary>
    private bool IsErased => tombstone is not null || (erasing is not null && !state.Exists);

    /// <summary>On activation without state: is it a tombstone? One query.</summary>
    private async Task LoadTombstoneAsync(CancellationToken cancellationToken) =>
        tombstone = await ErasureStore.FindTombstoneAsync(CustomerId, cancellationToken);

    private async Task<ErasedCustomer> EraseNowAsync(string erasedBy, bool orphaned)
    {
        // 1. Drain: a write that decides nothing, queued behind every write already submitted. New writes
        //    wait for the erasure (RefuseWritesOfErasedAsync), so nothing is queued behind it.
        var barrier = new CustomerWrite<bool>((_, _) => [], (_, _, _) => true);
        _ = Pipeline.Submit(barrier);
        try
        {
            await barrier.ResultAsync();
        }
        catch (MergedCustomerRedirect redirect) when (!orphaned)
        {
            throw MergedAlias(redirect.TargetCustomerId);
        }
        catch (MergedCustomerRedirect)
        {
            // Sealed: it decides nothing, there is nothing to drain.
        }

        if (state.MergedInto is { } target && !orphaned)
        {
            throw MergedAlias(target);
        }

        // 2. From here on reads answer "erased"; a late reminder reconcile sees no customer.
        var kept = state;
        state = new CustomerState { Id = CustomerId };
        try
        {
            var ids = new List<string> { CustomerId };
            ids.AddRange(kept.AbsorbedCustomerIds.Where(id => !string.Equals(id, CustomerId, StringComparison.Ordinal)));
            var aliases = ids.Skip(1).Select(id => GrainFactory.GetGrain<ICustomerGrain>(id)).ToArray();
            await Task.WhenAll(aliases.Select(a => a.DropErasedAliasAsync()));
            await snapshotWriting;
            await ClearOwnSnapshotAsync();
            await DropSlaReminderAsync();

            var grainType = this.GetGrainId().Type;
            var erasure = new CustomerErasure(
                ids,
                ids.Select(id => GrainId.Create(grainType, id).ToString()).ToArray(),
                erasedBy,
                time.GetUtcNow());
            CustomerTombstone stored;
            try
            {
                // Not cancellable: once it starts, its outcome must be known before answering.
                stored = await ErasureStore.EraseAsync(erasure, CancellationToken.None);
            }
            catch (Exception e) when (e is not CustomerOperationException)
            {
                logger.LogWarning(e, "Customer {CustomerId}: erasure failed; nothing was erased", CustomerId);
                throw new CustomerOperationException(CustomerErrorCode.Unavailable, "Storage is unavailable; nothing was erased. Retry.");
            }

            // An alias reactivated meanwhile would hold the state it read before the delete: drop it again.
            await Task.WhenAll(aliases.Select(a => a.DropErasedAliasAsync()));
            tombstone = stored;
            lost = true; // no snapshot on deactivation
            eventsSinceSnapshot = 0;
            EndWatchers();
            logger.LogInformation("Customer {CustomerHash} erased with {Count} customers", stored.CustomerHash, ids.Count);
            DeactivateOnIdle();
            return ToErased(stored);
        }
        catch
        {
            if (tombstone is null)
            {
                state = kept;
            }

            throw;
        }
    }

    /// <summary>Clears this grain's snapshot through grain storage (the in-memory store needs it; PostgreSQL deletes the row in the erasure too).</summary>
    private async Task ClearOwnSnapshotAsync()
    {
        if (!snapshot.RecordExists)
        {
            return;
        }

        try
        {
            await snapshot.ClearStateAsync();
        }
        catch (Exception e)
        {
            logger.LogDebug(e, "Customer {CustomerId}: clearing the snapshot before an erasure failed; the erasure deletes it", CustomerId);
        }
    }

    /// <summary>Unregisters the SLA reminder (the erasure deletes its row too).</summary>
    private async Task DropSlaReminderAsync()
    {
        await slaReminderGate.WaitAsync();
        try
        {
            slaReminderRetry?.Dispose();
            slaReminderRetry = null;
            if ((slaReminder ?? await this.GetReminder(SlaReminderName)) is { } existing)
            {
                await this.UnregisterReminder(existing);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogDebug(e, "Customer {CustomerId}: unregistering the SLA reminder before an erasure failed; the erasure deletes it", CustomerId);
        }
        finally
        {
            slaReminder = null;
            slaReminderDue = null;
            slaReminderGate.Release();
        }
    }

    /// <summary>Tells every watcher the customer is gone (their streams end with NOT_FOUND) and forgets them.</summary>
    private void EndWatchers()
    {
        if (watchers is { Count: > 0 })
        {
            _ = watchers.Notify(w => w.OnErased());
        }

        watchers?.Clear();
    }

    private CustomerOperationException MergedAlias(string target) => new(
        CustomerErrorCode.FailedPrecondition,
        $"Customer '{CustomerId}' was merged into '{target}'; erase the target '{target}', which erases both.");

    private static ErasedCustomer ToErased(CustomerTombstone t) => new(t.CustomerHash, t.ErasedAt, t.ErasedBy, t.ErasedCount);
}
