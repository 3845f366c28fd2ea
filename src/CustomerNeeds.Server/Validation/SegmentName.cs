using CustomerNeeds.Domain;

namespace CustomerNeeds.Server.Validation;

/// <summary>The resource name of a segment, <c>segments/{segment}</c>; ids follow <see cref="ResourceId"/>.</summary>
public static class SegmentName
{
    public const string Collection = "segments";

    private static readonly TopLevelName Name = new(
        Collection, "segments/{segment}", ResourceId.IsValid, "ids are 1 to 128 characters of letters, digits, '-', '_' and '.'");

    public static string For(string segmentId) => Name.For(segmentId);

    /// <summary>Parses <c>segments/{s}</c>; returns the segment id, or "" after adding a violation on <paramref name="field"/>.</summary>
    public static string Parse(FieldViolations violations, string field, string? name) => Name.Parse(violations, field, name);
}
