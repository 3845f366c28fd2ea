namespace CustomerNeeds.Storage;

/// <summary>What the append statement did with one append.</summary>
internal struct AppendOutcome
{
    /// <summary>Inserted (committed once the transaction commits).</summary>
    public bool Accepted;

    /// <summary>Interaction ids of the append already recorded; the append was not inserted.</summary>
    public List<string>? Duplicates;

    /// <summary>Why <paramref name="append"/> was refused; null when it was accepted.</summary>
    public readonly CustomerConcurrencyConflictException? Refusal(CustomerAppend append) =>
        Accepted
            ? null
            : Duplicates is { } duplicates
                ? new CustomerConcurrencyConflictException(
                    append.CustomerId,
                    ConcurrencyConflictKind.DuplicateInteraction,
                    duplicates,
                    $"An interaction of this append is already recorded for customer '{append.CustomerId}'.")
                : new CustomerConcurrencyConflictException(
                    append.CustomerId,
                    ConcurrencyConflictKind.StaleSequence,
                    $"Customer '{append.CustomerId}' is not at sequence {append.ExpectedSequence}.");
}
