namespace CustomerNeeds.Storage.ApiKeys;

/// <summary>A page of keys, newest first.</summary>
/// <param name="Keys">The rows.</param>
/// <param name="Next">Where the next page starts after; null on the last page.</param>
public sealed record ApiKeyPage(IReadOnlyList<ApiKeyRow> Keys, ApiKeyCursor? Next);
