using System.Globalization;
using System.Text;

namespace CustomerNeeds.Api.Tests.Security;

/// <summary>
/// Values a fuzzed field takes: extreme numbers, empty, huge, unicode and control-character
/// strings, and resource names, many of them valid-looking names of resources the run created.
/// </summary>
public sealed class FuzzValues(Random random, IReadOnlyList<string> resourceNames)
{
    private static readonly string[] Odd =
    [
        "", " ", "a", "-", "*", "/", "//", "customers/", "customers/-", "customers/*", "customers//needs/x", "customers/%00",
        "segments/", "kanoFeatures/", "apiKeys/", "\0", "\u0001\u0002\u001f\u007f", "\r\n\t", "\u202e\u200b\ufeff", "😀👩‍👩‍👧‍👦",
        "e\u0301\u0301\u0301", "Ω≈ç√∫", "'; DROP TABLE customers; --", "\" OR 1=1 --", "%s%n%x", "${jndi:ldap://x}", "../../etc/passwd",
        "name = \"x\" AND (", "display_name:*", "tier = \"gold\" OR NOT (", "(((((((((((((((((((", "-1", "0", "9223372036854775808",
        "1e999", "NaN", "2026-13-45T25:61:61Z", "P-1D", "EUR", "XXX", "eur", "true", "null", "{}", "[]",
    ];

    private static readonly string[] Suffixes =
        ["", "/needs/n-1", "/needs/-", "/interactions/i-1", "/complaints/i-1", "/loyalty", "/rfmScore", "/needs", "/x/y/z", "/needs/n-1/extra"];

    public bool Chance(double p) => random.NextDouble() < p;

    public int Count(int max) => Chance(0.05) ? random.Next(max, max * 20) : random.Next(0, max + 1);

    public long Int64() => random.Next(8) switch
    {
        0 => 0,
        1 => long.MinValue,
        2 => long.MaxValue,
        3 => -1,
        4 => random.Next(-3, 101),
        5 => random.NextInt64(),
        6 => -random.NextInt64(),
        _ => 1000000000000L * random.Next(-5, 6),
    };

    public int Int32() => random.Next(7) switch
    {
        0 => 0,
        1 => int.MinValue,
        2 => int.MaxValue,
        3 => -1,
        4 => random.Next(-3, 101),
        5 => 999_999_999 + random.Next(0, 3),
        _ => random.Next(int.MinValue, int.MaxValue),
    };

    public double Double() => random.Next(10) switch
    {
        0 => 0,
        1 => double.NaN,
        2 => double.PositiveInfinity,
        3 => double.NegativeInfinity,
        4 => double.MaxValue,
        5 => double.Epsilon,
        6 => -0.0,
        7 => -1,
        _ => (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-10, 20)),
    };

    public byte[] Bytes()
    {
        var bytes = new byte[Chance(0.03) ? random.Next(10_000, 200_000) : random.Next(0, 64)];
        random.NextBytes(bytes);
        return bytes;
    }

    /// <summary>A string for field <paramref name="field"/>: names and references get resource names most of the time.</summary>
    public string String(string field)
    {
        var nameLike = field is "name" or "parent" or "customer" or "source" or "target" or "survivor" or "page_token"
            || field.EndsWith("_name", StringComparison.Ordinal) || field.EndsWith("_id", StringComparison.Ordinal);
        if (nameLike && resourceNames.Count > 0 && Chance(0.6))
        {
            var name = resourceNames[random.Next(resourceNames.Count)];
            return Chance(0.7) ? name : name + Suffixes[random.Next(Suffixes.Length)];
        }

        return random.Next(6) switch
        {
            0 => Odd[random.Next(Odd.Length)],
            1 => new string('x', Chance(0.2) ? random.Next(100_000, 300_000) : random.Next(100, 5_000)),
            2 => Chars(random.Next(1, 40), unicode: true),
            3 => Chars(random.Next(1, 40), unicode: false),
            4 => "c-" + random.Next(0, 1000).ToString(CultureInfo.InvariantCulture),
            _ => Odd[random.Next(Odd.Length)] + Chars(random.Next(0, 10), unicode: true),
        };
    }

    /// <summary>Bytes that are not valid UTF-8 (in a string field).</summary>
    public byte[] InvalidUtf8() => [0xC3, 0x28, 0xA0, 0xA1, 0xE2, 0x28, 0xA1, 0xF0, 0x90, 0x28, 0xBC, 0xFF, 0xFE, 0xED, 0xA0, 0x80];

    /// <summary>One of <paramref name="options"/>.</summary>
    public T Pick<T>(IReadOnlyList<T> options) => options[random.Next(options.Count)];

    private string Chars(int length, bool unicode)
    {
        var text = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            // Printable ASCII without the space, or any character of the BMP below the surrogates.
            var c = unicode ? random.Next(0x20, 0xD7FF) : random.Next(0x21, 0x7F);
            text.Append((char)c);
        }

        return text.ToString();
    }
}
