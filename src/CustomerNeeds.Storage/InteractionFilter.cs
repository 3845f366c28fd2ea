namespace CustomerNeeds.Storage;

/// <summary>Which interactions of a customer to list, newest first (occurred time, then sequence, descending).</summary>
/// <param name="CustomerId">The customer.</param>
/// <param name="PageSize">At most this many interactions (at least 1).</param>
/// <param name="Channels">Only these channels; null or empty for all.</param>
/// <param name="Kinds">Only these kinds; null or empty for all.</param>
/// <param name="OccurredFrom">Only interactions that occurred at or after this instant (inclusive).</param>
/// <param name="OccurredBefore">Only interactions that occurred before this instant (exclusive).</param>
/// <param name="After">Continue after this cursor (the previous page's <see cref="InteractionPage.Next"/>).</param>
/// <param name="AlsoCustomerIds">Customers merged into this one whose logs the listing spans too (docs/merge.md); null or empty for none.</param>
public sealed record InteractionFilter(
    string CustomerId,
    int PageSize,
    IReadOnlyCollection<string>? Channels = null,
    IReadOnlyCollection<string>? Kinds = null,
    DateTimeOffset? OccurredFrom = null,
    DateTimeOffset? OccurredBefore = null,
    InteractionCursor? After = null,
    IReadOnlyList<string>? AlsoCustomerIds = null);
