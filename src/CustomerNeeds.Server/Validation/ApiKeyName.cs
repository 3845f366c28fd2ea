using CustomerNeeds.Server.Security.ApiKeys;

namespace CustomerNeeds.Server.Validation;

/// <summary>The resource name of an API key, <c>apiKeys/{key}</c>; <c>{key}</c> is the key's public id.</summary>
public static class ApiKeyName
{
    public const string Collection = "apiKeys";

    private const string Pattern = "apiKeys/{key}";

    public static string For(string keyId) => $"{Collection}/{keyId}";

    /// <summary>Parses <c>apiKeys/{key}</c>; returns the key id, or "" after adding a violation on <paramref name="field"/>.</summary>
    public static string Parse(FieldViolations violations, string field, string? name)
    {
        ArgumentNullException.ThrowIfNull(violations);
        if (string.IsNullOrEmpty(name))
        {
            violations.Add(field, $"is required ({Pattern})");
            return "";
        }

        var parts = name.Split('/');
        if (parts.Length != 2 || parts[0] != Collection || !ApiKeyFormat.IsId(parts[1]))
        {
            violations.Add(field, $"must have the form {Pattern}; a key id is {ApiKeyFormat.IdLength} characters of a-z and 0-9");
            return "";
        }

        return parts[1];
    }
}
