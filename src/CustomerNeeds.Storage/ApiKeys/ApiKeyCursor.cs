namespace CustomerNeeds.Storage.ApiKeys;

/// <summary>Where a page of keys (newest first) ended: the last key's creation time and id.</summary>
public sealed record ApiKeyCursor(DateTimeOffset CreatedAt, string KeyId);
