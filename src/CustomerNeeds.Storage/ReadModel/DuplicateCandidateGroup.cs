namespace CustomerNeeds.Storage.ReadModel;

/// <summary>Customers (not merged) that share one identity key.</summary>
/// <param name="IdentityKey">The shared key, e.g. "email:anna@example.com" (<c>IdentityKeys</c>).</param>
/// <param name="CustomerIds">The first <see cref="DuplicateCandidates.MaxCustomersPerGroup"/> customers by id.</param>
/// <param name="CustomerCount">How many customers share it.</param>
public sealed record DuplicateCandidateGroup(string IdentityKey, IReadOnlyList<string> CustomerIds, long CustomerCount);
