using System.Globalization;
using System.Text;

namespace CustomerNeeds.Search;

/// <summary>How values and names are written back into filter text (canonical forms).</summary>
public static class FilterLiteral
{
    /// <summary>The text as a double-quoted string literal, with <c>\"</c>, <c>\\</c>, <c>\n</c>, <c>\r</c>, <c>\t</c> and <c>\uXXXX</c> escapes.</summary>
    public static string Quote(string text)
    {
        var builder = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (char.IsControl(c))
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }

    /// <summary>True when the text can be written without quotes: a word (letters, digits, <c>_</c>, <c>-</c>) not starting with a digit or <c>-</c>, and not AND, OR or NOT.</summary>
    public static bool IsBareWord(string text)
    {
        if (text.Length == 0 || !IsWordStart(text[0]) || text is "AND" or "OR" or "NOT")
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!IsWordPart(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The text bare when <see cref="IsBareWord"/> allows it, quoted otherwise.</summary>
    public static string BareOrQuoted(string text) => IsBareWord(text) ? text : Quote(text);

    internal static bool IsWordStart(char c) => char.IsLetter(c) || c == '_';

    internal static bool IsWordPart(char c) => char.IsLetterOrDigit(c) || c == '_' || c == '-';
}
