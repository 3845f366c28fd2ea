using System.Text;

namespace CustomerNeeds.Server.Security;

/// <summary>
/// Makes caller-supplied text fit for the audit log: NUL characters (which PostgreSQL text cannot hold) and
/// lone surrogates are replaced by U+FFFD, and the text is cut to a bound, so that no request can stop the
/// audit writer or fill its rows.
/// </summary>
public static class AuditText
{
    private const char Replacement = '\uFFFD';

    public static string Clean(string text, int maxLength)
    {
        var cut = text.Length > maxLength ? text[..maxLength] : text;
        if (!NeedsCleaning(cut))
        {
            return cut;
        }

        var builder = new StringBuilder(cut.Length);
        for (var i = 0; i < cut.Length; i++)
        {
            var c = cut[i];
            if (char.IsHighSurrogate(c) && i + 1 < cut.Length && char.IsLowSurrogate(cut[i + 1]))
            {
                builder.Append(c).Append(cut[i + 1]);
                i++;
            }
            else
            {
                builder.Append(c == '\0' || char.IsSurrogate(c) ? Replacement : c);
            }
        }

        return builder.ToString();
    }

    private static bool NeedsCleaning(string text)
    {
        foreach (var c in text)
        {
            if (c == '\0' || char.IsSurrogate(c))
            {
                return true;
            }
        }

        return false;
    }
}
