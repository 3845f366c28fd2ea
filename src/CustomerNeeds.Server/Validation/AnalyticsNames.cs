using CustomerNeeds.Domain;

namespace CustomerNeeds.Server.Validation;

/// <summary>
/// Builds and parses the resource names of the analytics contract that <see cref="ResourceName"/>
/// and <see cref="SegmentName"/> do not: <c>kanoFeatures/{f}/staffBeliefs/{s}</c> and
/// <c>customers/{c}/rfmScore</c>. Ids follow <see cref="ResourceId"/>. Parsing reports a malformed
/// name as a violation on the request field that carried it and returns "".
/// </summary>
public static class AnalyticsNames
{
    public const string StaffBeliefsCollection = "staffBeliefs";
    public const string RfmScoreSingleton = "rfmScore";

    private const string IdRule = "ids are 1 to 128 characters of letters, digits, '-', '_' and '.'";

    public static string ForStaffBelief(string featureId, string staffId) => $"{ResourceName.ForKanoFeature(featureId)}/{StaffBeliefsCollection}/{staffId}";

    public static string ForRfmScore(string customerId) => $"{ResourceName.CustomersCollection}/{customerId}/{RfmScoreSingleton}";

    /// <summary>Parses <c>customers/{customer}/rfmScore</c>; returns the customer id.</summary>
    public static string RfmScore(FieldViolations violations, string field, string? name) =>
        Parse(violations, field, name, "customers/{customer}/rfmScore", [ResourceName.CustomersCollection, null, RfmScoreSingleton]);

    /// <summary>
    /// Checks <paramref name="name"/> segment by segment against <paramref name="shape"/>: a text is a
    /// literal collection name, null an id. Returns the first id, or "" after adding a violation.
    /// </summary>
    private static string Parse(FieldViolations violations, string field, string? name, string pattern, string?[] shape)
    {
        if (string.IsNullOrEmpty(name))
        {
            violations.Add(field, $"is required ({pattern})");
            return "";
        }

        var parts = name.Split('/');
        var ok = parts.Length == shape.Length;
        for (var i = 0; ok && i < parts.Length; i++)
        {
            ok = shape[i] is { } literal ? parts[i] == literal : ResourceId.IsValid(parts[i]);
        }

        if (!ok)
        {
            violations.Add(field, $"must have the form {pattern}; {IdRule}");
            return "";
        }

        return parts[Array.IndexOf(shape, null)];
    }
}
