using System.Text.RegularExpressions;

namespace CustomerNeeds.Storage.ReadModel;

/// <summary>Checks a table alias that code (never a request) puts into SQL text.</summary>
internal static partial class SqlAlias
{
    /// <summary>Returns <paramref name="alias"/> when it is a plain lower-case identifier; throws otherwise.</summary>
    public static string Checked(string alias) =>
        alias is not null && Identifier().IsMatch(alias)
            ? alias
            : throw new ArgumentException($"'{alias}' is not a plain lower-case SQL identifier.", nameof(alias));

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex Identifier();
}
