using System.Globalization;

namespace CustomerNeeds.Storage.ReadModel;

/// <summary>
/// Sort values as invariant text in a <see cref="CustomerCursor"/> and back: text as is,
/// timestamps as UTC ticks, integers in decimal, numbers round-trippable.
/// </summary>
internal static class SortValueText
{
    public static string? Format(SortValueKind kind, object? value) => value switch
    {
        null or DBNull => null,
        DateTime t => t.ToUniversalTime().Ticks.ToString(CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        string s => s,
        _ when kind == SortValueKind.Integer => Convert.ToInt64(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture),
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, $"not a {kind} sort value"),
    };

    /// <summary>The parameter value of a cursor text.</summary>
    /// <exception cref="FormatException">The text is not a value of <paramref name="kind"/>.</exception>
    public static object Parse(SortValueKind kind, string text)
    {
        switch (kind)
        {
            case SortValueKind.Text:
                return text;
            case SortValueKind.Timestamp:
                var ticks = long.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
                return ticks is >= 0 and <= 3_155_378_975_999_999_999
                    ? new DateTime(ticks, DateTimeKind.Utc)
                    : throw new FormatException("timestamp out of range");
            case SortValueKind.Integer:
                return long.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            case SortValueKind.Number:
                var number = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
                return double.IsFinite(number) ? number : throw new FormatException("not a finite number");
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown sort value kind");
        }
    }
}
