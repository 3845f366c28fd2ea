using CustomerNeeds.Abstractions.Customers;

namespace CustomerNeeds.Abstractions;

/// <summary>Erasure and retention of a customer's personal data (docs/privacy.md).</summary>
public partial interface ICustomerGrain
{
    /// <summary>
    /// Erases the customer and every customer merged into it, irreversibly: lets the writes already
    /// queued commit, refuses the ones after, ends the watchers, deletes everything stored, keeps a
    /// tombstone and deactivates. Repeating it answers the same tombstone. Never forwarded: a customer
    /// merged into another answers FailedPrecondition (erase the target); NotFound when it never existed.
    /// </summary>
    [Alias("Erase")]
    Task<ErasedCustomer> EraseAsync(string erasedBy, CancellationToken cancellationToken = default);

    /// <summary>
    /// Called by the target of an erasure on each customer merged into it, before and after the storage
    /// erasure: drops this activation without writing a snapshot. Never forwarded.
    /// </summary>
    [Alias("DropErasedAlias")]
    Task DropErasedAliasAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Retention: strips the personal fields of the customer's interactions that occurred before
    /// <paramref name="cutoff"/>, first in its state (an <c>interactions-anonymised</c> event) and then in
    /// the log rows of the customer and of the customers merged into it. Idempotent.
    /// </summary>
    [Alias("AnonymiseInteractions")]
    Task<InteractionAnonymisation> AnonymiseInteractionsAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default);
}
