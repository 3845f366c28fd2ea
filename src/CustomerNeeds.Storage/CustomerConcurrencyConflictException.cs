namespace CustomerNeeds.Storage;

/// <summary>
/// An append was refused and nothing of it was written: another writer appended first, or an
/// interaction id is already recorded. The writer should reload the customer and decide again.
/// </summary>
public sealed class CustomerConcurrencyConflictException : Exception
{
    public CustomerConcurrencyConflictException(string customerId, ConcurrencyConflictKind kind, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        CustomerId = customerId;
        Kind = kind;
    }

    /// <summary>The customer whose append was refused.</summary>
    public string CustomerId { get; }

    /// <summary>Why it was refused.</summary>
    public ConcurrencyConflictKind Kind { get; }
}
