namespace CustomerNeeds.Storage;

/// <summary>
/// An append was refused and nothing of it was written: another writer appended first, or an
/// interaction id is already recorded. The writer should reload the customer and decide again.
/// </summary>
public sealed class CustomerConcurrencyConflictException : Exception
{
    public CustomerConcurrencyConflictException(string customerId, ConcurrencyConflictKind kind, string message, Exception? innerException = null)
        : this(customerId, kind, [], message, innerException)
    {
    }

    public CustomerConcurrencyConflictException(
        string customerId, ConcurrencyConflictKind kind, IReadOnlyList<string> duplicateInteractionIds, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        CustomerId = customerId;
        Kind = kind;
        DuplicateInteractionIds = duplicateInteractionIds;
    }

    /// <summary>The customer whose append was refused.</summary>
    public string CustomerId { get; }

    /// <summary>Why it was refused.</summary>
    public ConcurrencyConflictKind Kind { get; }

    /// <summary>
    /// For <see cref="ConcurrencyConflictKind.DuplicateInteraction"/>: the interaction ids of the
    /// append that are already recorded for the customer (or repeated within the append).
    /// </summary>
    public IReadOnlyList<string> DuplicateInteractionIds { get; }
}
