namespace CustomerNeeds.Domain.Customers;

/// <summary>Create the customer record with a caller-chosen id.</summary>
public sealed record CreateCustomer(string CustomerId, CustomerProfile Profile);
