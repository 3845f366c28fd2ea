namespace CustomerNeeds.Storage;

/// <summary>Which complaints of a customer to list: newest opened first, ties by complaint id (ordinal).</summary>
/// <param name="CustomerId">The customer.</param>
/// <param name="PageSize">At most this many complaints (at least 1).</param>
/// <param name="Statuses">Only these statuses; null or empty for all.</param>
/// <param name="After">Continue after this cursor (the previous page's <see cref="ComplaintPage.Next"/>).</param>
/// <param name="AlsoCustomerIds">Customers merged into this one whose closed complaints the listing spans too (docs/merge.md); null or empty for none.</param>
public sealed record ComplaintFilter(
    string CustomerId,
    int PageSize,
    IReadOnlyCollection<string>? Statuses = null,
    ComplaintCursor? After = null,
    IReadOnlyList<string>? AlsoCustomerIds = null);
