using CustomerNeeds.Server.Security.ApiKeys;

namespace CustomerNeeds.Server.Validation;

/// <summary>The resource name of an API key, <c>apiKeys/{key}</c>; <c>{key}</c> is the key's public id.</summary>
public static class ApiKeyName
{
    public const string Collection = "apiKeys";

    private static readonly TopLevelName Name = new(
        Collection, "apiKeys/{key}", ApiKeyFormat.IsId, $"a key id is {ApiKeyFormat.IdLength} characters of a-z and 0-9");

    public static string For(string keyId) => Name.For(keyId);

    /// <summary>Parses <c>apiKeys/{key}</c>; returns the key id, or "" after adding a violation on <paramref name="field"/>.</summary>
    public static string Parse(FieldViolations violations, string field, string? name) => Name.Parse(violations, field, name);
}
