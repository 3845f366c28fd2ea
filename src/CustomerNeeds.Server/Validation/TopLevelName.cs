namespace CustomerNeeds.Server.Validation;

/// <summary>
/// Parses a top-level resource name <c>{collection}/{id}</c> (a segment, an API key): required, two
/// parts, the collection, an id the collection accepts; else a violation on the request field.
/// </summary>
/// <param name="Collection">The collection, e.g. <c>segments</c>.</param>
/// <param name="Pattern">The name as the violation shows it, e.g. <c>segments/{segment}</c>.</param>
/// <param name="IsValidId">Whether an id belongs to the collection.</param>
/// <param name="IdRule">What an id is, for the violation.</param>
internal sealed record TopLevelName(string Collection, string Pattern, Func<string, bool> IsValidId, string IdRule)
{
    public string For(string id) => $"{Collection}/{id}";

    /// <summary>The id in <paramref name="name"/>, or "" after adding a violation on <paramref name="field"/>.</summary>
    public string Parse(FieldViolations violations, string field, string? name)
    {
        ArgumentNullException.ThrowIfNull(violations);
        if (string.IsNullOrEmpty(name))
        {
            violations.Add(field, $"is required ({Pattern})");
            return "";
        }

        var parts = name.Split('/');
        if (parts.Length != 2 || parts[0] != Collection || !IsValidId(parts[1]))
        {
            violations.Add(field, $"must have the form {Pattern}; {IdRule}");
            return "";
        }

        return parts[1];
    }
}
