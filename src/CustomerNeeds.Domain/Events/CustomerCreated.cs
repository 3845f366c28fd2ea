using CustomerNeeds.Domain.Customers;

namespace CustomerNeeds.Domain.Events;

/// <summary>The customer record was created.</summary>
public sealed record CustomerCreated(string CustomerId, CustomerProfile Profile) : CustomerEvent;
