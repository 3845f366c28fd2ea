namespace CustomerNeeds.Abstractions.Customers;

/// <summary>The tombstone of an erased customer, as EraseCustomer answers it (docs/privacy.md).</summary>
/// <param name="CustomerHash">SHA-256 of the customer id, lower-case hex.</param>
/// <param name="ErasedAt">When it was erased.</param>
/// <param name="ErasedBy">Who asked, as the audit log names the caller.</param>
/// <param name="ErasedCustomerCount">1 plus the customers merged into it.</param>
[GenerateSerializer, Immutable]
[Alias("customerneeds.ErasedCustomer")]
public sealed record ErasedCustomer(
    [property: Id(0)] string CustomerHash,
    [property: Id(1)] DateTimeOffset ErasedAt,
    [property: Id(2)] string ErasedBy,
    [property: Id(3)] int ErasedCustomerCount);
