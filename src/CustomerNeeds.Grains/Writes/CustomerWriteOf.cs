using CustomerNeeds.Domain.Customers;
using CustomerNeeds.Domain.Events;
using CustomerNeeds.Storage;

namespace CustomerNeeds.Grains.Writes;

/// <summary>A <see cref="CustomerWrite"/> made of functions, answering a <typeparamref name="T"/>.</summary>
internal sealed class CustomerWrite<T>(
    Func<CustomerState, DateTimeOffset, IReadOnlyList<CustomerEvent>> decide,
    Func<CustomerState, IReadOnlyList<CustomerEvent>, CustomerAppend?, T> answer) : CustomerWrite
{
    private T? result;

    /// <summary>When deciding needs a storage read first; null: never.</summary>
    public Func<CustomerState, bool>? ReadsWhen { get; init; }

    /// <summary>The storage read (may throw a <c>CustomerOperationException</c> to refuse the write).</summary>
    public Func<CustomerState, Task>? Read { get; init; }

    /// <summary>The captured answer, once the write is done.</summary>
    public async Task<T> ResultAsync()
    {
        await Done;
        return result!;
    }

    public override bool NeedsRead(CustomerState state) => ReadsWhen?.Invoke(state) ?? false;

    public override Task ReadAsync(CustomerState state) => Read?.Invoke(state) ?? Task.CompletedTask;

    public override IReadOnlyList<CustomerEvent> Decide(CustomerState state, DateTimeOffset now) => decide(state, now);

    public override void Capture(CustomerState state, IReadOnlyList<CustomerEvent> events, CustomerAppend? append) =>
        result = answer(state, events, append);
}
