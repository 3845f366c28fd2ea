namespace CustomerNeeds.Domain.Customers;

/// <summary>
/// Update the profile: the fields named by <paramref name="FieldPaths"/> (see
/// <see cref="ProfileFields"/>; empty = all top-level fields) are taken from
/// <paramref name="Profile"/>. A non-empty <paramref name="ExpectedEtag"/> must equal the
/// customer's current etag.
/// </summary>
public sealed record UpdateProfile(CustomerProfile Profile, IReadOnlyList<string> FieldPaths, string? ExpectedEtag);
