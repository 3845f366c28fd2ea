using System.Globalization;

namespace CustomerNeeds.Search.Values;

/// <summary>An instant, held in UTC (offset zero), to 100 ns.</summary>
public sealed record TimestampValue(DateTimeOffset Value) : FieldValue
{
    /// <summary>RFC 3339 in UTC, with as many fraction digits as needed: <c>"2024-05-01T08:30:00Z"</c>.</summary>
    public override string ToString() =>
        "\"" + Value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture) + "\"";
}
