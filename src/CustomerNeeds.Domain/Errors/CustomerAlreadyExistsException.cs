namespace CustomerNeeds.Domain.Errors;

/// <summary>A customer with this id exists already (ALREADY_EXISTS).</summary>
public sealed class CustomerAlreadyExistsException(string customerId)
    : DomainException(DomainErrorKind.AlreadyExists, $"Customer '{customerId}' already exists.")
{
    /// <summary>The customer id asked for.</summary>
    public string CustomerId { get; } = customerId;
}
