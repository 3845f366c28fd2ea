using CustomerNeeds.Domain.Complaints;
using CustomerNeeds.Domain.Customers;
using CustomerNeeds.Domain.Errors;
using CustomerNeeds.Domain.Events;
using CustomerNeeds.Domain.Interactions;
using CustomerNeeds.Domain.Needs;
using CustomerNeeds.Grains.Writes;
using CustomerNeeds.Storage;
using CustomerNeeds.Storage.GroupCommit;

namespace CustomerNeeds.Grains.Seeding;

/// <summary>
/// The bulk seeding path (docs/read-model.md, "Seeding"): decides each synthetic customer's
/// commands with the same domain decisions the grain uses, turns the events into one append with
/// the same code as the grain's write pipeline (<see cref="CustomerLogEntries"/> and
/// <see cref="GroupAppend"/>, read-model projection included) and commits it through the server's
/// <see cref="GroupCommitAppender"/> and append statement. The rows are therefore the rows the
/// write path would write for the same commands committed as one group; only the grains and gRPC
/// are skipped. A customer that already exists is left alone, so a run can be repeated or resumed.
/// </summary>
public sealed class CustomerSeeder(GroupCommitAppender appender, CustomerPolicy policy, SyntheticCustomers customers)
{
    /// <summary>Customers built and committed per round (the appender batches them further).</summary>
    public const int Round = 2_000;

    /// <summary>Seeds customers <paramref name="first"/> .. first + count - 1; reports progress after every round.</summary>
    public async Task<SeedResult> SeedAsync(int first, int count, Action<SeedResult>? progress, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(first);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var total = new SeedResult(0, 0, 0, 0);
        for (var start = first; start < first + count; start += Round)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var size = Math.Min(Round, first + count - start);
            var built = new (CustomerAppend Append, int Refused)[size];
            Parallel.For(0, size, i => built[i] = Build(customers.Create(start + i)));

            var outcomes = await Task.WhenAll(built.Select(b => CommitAsync(b.Append)));
            total = total with
            {
                Created = total.Created + outcomes.Count(created => created),
                Existing = total.Existing + outcomes.Count(created => !created),
                Events = total.Events + built.Where((_, i) => outcomes[i]).Sum(b => (long)b.Append.Events.Count),
                RefusedCommands = total.RefusedCommands + built.Sum(b => b.Refused),
            };
            progress?.Invoke(total);
        }

        return total;
    }

    /// <summary>
    /// The append that creates the customer of <paramref name="history"/> with its whole history,
    /// and how many of its commands the domain refused (skipped, as a caller would see them refused).
    /// </summary>
    public (CustomerAppend Append, int Refused) Build(SyntheticHistory history)
    {
        var state = new CustomerState { Id = history.CustomerId };
        var group = new GroupAppend(history.CustomerId, 0);
        var refused = 0;
        foreach (var step in history.Steps)
        {
            IReadOnlyList<CustomerEvent> events;
            try
            {
                events = Decide(state, step);
            }
            catch (DomainException)
            {
                refused++;
                continue;
            }

            if (events.Count > 0)
            {
                group.Add(CustomerLogEntries.Build(history.CustomerId, state, events, group.Changes));
            }
        }

        return (group.Build(state, policy), refused);
    }

    private IReadOnlyList<CustomerEvent> Decide(CustomerState state, SeedStep step) => step.Command switch
    {
        CreateCustomer c => CustomerDecisions.Decide(state, c, step.At, policy),
        CreateNeed c => NeedDecisions.Decide(state, c, step.At, policy),
        UpdateNeed c => NeedDecisions.Decide(state, c, step.At, policy),
        RecordInteraction c => InteractionDecisions.Decide(state, c, step.At, policy),
        TransitionComplaint c => ComplaintDecisions.Decide(state, c, step.At, policy),
        _ => throw new ArgumentException($"Unknown seed command {step.Command.GetType().Name}.", nameof(step)),
    };

    /// <summary>True when committed; false when the customer already existed (nothing written).</summary>
    private async Task<bool> CommitAsync(CustomerAppend append)
    {
        try
        {
            await appender.AppendAsync(append);
            return true;
        }
        catch (CustomerConcurrencyConflictException)
        {
            return false;
        }
    }
}
