using CustomerNeeds.Domain.Customers;

namespace CustomerNeeds.Domain.Events;

/// <summary>The profile changed; carries the new full profile and the paths that changed.</summary>
public sealed record ProfileUpdated(CustomerProfile Profile, IReadOnlyList<string> ChangedFields) : CustomerEvent;
