namespace CustomerNeeds.Server.Security.ApiKeys;

/// <summary>What a key to create is: checked by ApiKeyValidation before it is issued.</summary>
public sealed record NewApiKey(string DisplayName, IReadOnlyList<string> Roles, string? System, DateTimeOffset? ExpiresAt);
