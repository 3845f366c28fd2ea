using System.Text.RegularExpressions;

namespace CustomerNeeds.Domain.Needs;

/// <summary>
/// The words of a need title as the customer search sees them: runs of letters and digits,
/// lower-cased (invariant culture), distinct, in the order written. The read model stores a
/// need's title words this way and the <c>needs.title</c> filter splits its value the same way,
/// so a filter word matches a stored word exactly when both come from this one rule.
/// </summary>
public static partial class TitleWords
{
    /// <summary>The distinct lower-case words of <paramref name="text"/>; empty when it has none.</summary>
    public static string[] Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Word().Matches(text)
            .Select(m => m.Value.ToLowerInvariant())
            .Distinct(StringComparer.Ordinal)
            .ToArray();
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+", RegexOptions.CultureInvariant)]
    private static partial Regex Word();
}
