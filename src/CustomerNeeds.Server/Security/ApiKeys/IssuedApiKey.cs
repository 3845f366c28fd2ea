using CustomerNeeds.Storage.ApiKeys;

namespace CustomerNeeds.Server.Security.ApiKeys;

/// <summary>A key just created: the stored row and the whole key, which exists only here.</summary>
public sealed record IssuedApiKey(ApiKeyRow Row, string Key);
