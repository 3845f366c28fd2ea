using CustomerNeeds.Domain;

namespace CustomerNeeds.Server.Validation;

/// <summary>The resource name of a segment, <c>segments/{segment}</c>; ids follow <see cref="ResourceId"/>.</summary>
public static class SegmentName
{
    public const string Collection = "segments";

    private const string Pattern = "segments/{segment}";

    public static string For(string segmentId) => $"{Collection}/{segmentId}";

    /// <summary>Parses <c>segments/{s}</c>; returns the segment id, or "" after adding a violation on <paramref name="field"/>.</summary>
    public static string Parse(FieldViolations violations, string field, string? name)
    {
        ArgumentNullException.ThrowIfNull(violations);
        if (string.IsNullOrEmpty(name))
        {
            violations.Add(field, $"is required ({Pattern})");
            return "";
        }

        var parts = name.Split('/');
        if (parts.Length != 2 || parts[0] != Collection || !ResourceId.IsValid(parts[1]))
        {
            violations.Add(field, $"must have the form {Pattern}; ids are 1 to 128 characters of letters, digits, '-', '_' and '.'");
            return "";
        }

        return parts[1];
    }
}
