using System.Globalization;
using System.Text.RegularExpressions;

namespace CustomerNeeds.Search.Values;

/// <summary>
/// Reads RFC 3339 date-times (<c>2024-05-01T08:30:00Z</c>, <c>2024-05-01T10:30:00.5+02:00</c>):
/// a full date, <c>T</c>, a full time with optional fraction, and <c>Z</c> or a numeric offset.
/// Fractions beyond 100 ns are cut off; leap seconds (<c>:60</c>) are refused.
/// </summary>
internal static partial class Rfc3339Timestamp
{
    public static bool TryParse(string text, out DateTimeOffset value)
    {
        value = default;
        var match = Pattern().Match(text);
        if (!match.Success)
        {
            return false;
        }

        int Part(string name) => int.Parse(match.Groups[name].Value, CultureInfo.InvariantCulture);

        var (year, month, day) = (Part("year"), Part("month"), Part("day"));
        var (hour, minute, second) = (Part("hour"), Part("minute"), Part("second"));
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        var offset = TimeSpan.Zero;
        if (match.Groups["offset"].Success)
        {
            var (offsetHours, offsetMinutes) = (Part("offsetHours"), Part("offsetMinutes"));
            if (offsetHours > 23 || offsetMinutes > 59)
            {
                return false;
            }

            offset = new TimeSpan(offsetHours, offsetMinutes, 0);
            if (match.Groups["sign"].Value == "-")
            {
                offset = -offset;
            }
        }

        var fraction = match.Groups["fraction"].Value;
        var ticks = fraction.Length == 0 ? 0 : long.Parse(fraction.PadRight(7, '0')[..7], CultureInfo.InvariantCulture);
        try
        {
            value = new DateTimeOffset(year, month, day, hour, minute, second, offset).AddTicks(ticks).ToUniversalTime();
            return true;
        }
        catch (ArgumentOutOfRangeException)
        {
            // The instant falls outside years 1 to 9999 once the offset is applied.
            return false;
        }
    }

    [GeneratedRegex(
        @"^(?<year>[0-9]{4})-(?<month>[0-9]{2})-(?<day>[0-9]{2})[Tt](?<hour>[0-9]{2}):(?<minute>[0-9]{2}):(?<second>[0-9]{2})(?:\.(?<fraction>[0-9]{1,9}))?(?:[Zz]|(?<offset>(?<sign>[+-])(?<offsetHours>[0-9]{2}):(?<offsetMinutes>[0-9]{2})))\z",
        RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
