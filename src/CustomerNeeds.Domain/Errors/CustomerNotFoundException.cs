namespace CustomerNeeds.Domain.Errors;

/// <summary>The customer does not exist (NOT_FOUND).</summary>
public sealed class CustomerNotFoundException(string customerId)
    : DomainException(DomainErrorKind.NotFound, $"Customer '{customerId}' does not exist.")
{
    /// <summary>The customer id asked for.</summary>
    public string CustomerId { get; } = customerId;
}
