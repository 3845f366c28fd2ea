using System.Globalization;

namespace CustomerNeeds.Search.Syntax;

/// <summary>
/// Splits filter or order_by text into tokens. Whitespace separates tokens and is otherwise
/// ignored. Throws <see cref="FilterException"/> for a character that starts no token, an
/// unterminated string or a bad escape.
/// </summary>
internal sealed class FilterLexer
{
    private readonly string _text;
    private readonly string _parameter;
    private readonly List<FilterToken> _tokens = [];
    private int _at;

    private FilterLexer(string text, string parameter)
    {
        _text = text;
        _parameter = parameter;
    }

    /// <summary>All tokens of the text, ending with one <see cref="TokenKind.End"/> token.</summary>
    public static IReadOnlyList<FilterToken> Tokenize(string text, string parameter)
    {
        var lexer = new FilterLexer(text, parameter);
        lexer.Run();
        return lexer._tokens;
    }

    private void Run()
    {
        while (true)
        {
            while (_at < _text.Length && char.IsWhiteSpace(_text[_at]))
            {
                _at++;
            }

            if (_at >= _text.Length)
            {
                _tokens.Add(new FilterToken(TokenKind.End, _text.Length, 0, ""));
                return;
            }

            var c = _text[_at];
            switch (c)
            {
                case '(': Single(TokenKind.LeftParen); break;
                case ')': Single(TokenKind.RightParen); break;
                case '.': Single(TokenKind.Dot); break;
                case ',': Single(TokenKind.Comma); break;
                case '*': Single(TokenKind.Star); break;
                case '-': Single(TokenKind.Minus); break;
                case ':': Operator(Comparator.Has, 1); break;
                case '=': Operator(Comparator.Equal, 1); break;
                case '<': Operator(Next('=') ? Comparator.LessOrEqual : Comparator.Less, Next('=') ? 2 : 1); break;
                case '>': Operator(Next('=') ? Comparator.GreaterOrEqual : Comparator.Greater, Next('=') ? 2 : 1); break;
                case '!' when Next('='): Operator(Comparator.NotEqual, 2); break;
                case '"': QuotedString(); break;
                case '\'': throw Error(_at, "strings are written in double quotes (\"...\"), not single quotes");
                default:
                    if (char.IsAsciiDigit(c))
                    {
                        NumberOrWord();
                    }
                    else if (FilterLiteral.IsWordStart(c))
                    {
                        Word(_at);
                    }
                    else
                    {
                        throw Error(_at, $"unexpected character {FilterLiteral.Quote(c.ToString())}");
                    }

                    break;
            }
        }
    }

    private bool Next(char expected) => _at + 1 < _text.Length && _text[_at + 1] == expected;

    private void Single(TokenKind kind)
    {
        _tokens.Add(new FilterToken(kind, _at, 1, _text.Substring(_at, 1)));
        _at++;
    }

    private void Operator(Comparator comparator, int length)
    {
        _tokens.Add(new FilterToken(TokenKind.Comparator, _at, length, _text.Substring(_at, length), comparator));
        _at += length;
    }

    private void Word(int start)
    {
        var end = start;
        while (end < _text.Length && FilterLiteral.IsWordPart(_text[end]))
        {
            end++;
        }

        var word = _text[start..end];
        var kind = word switch
        {
            "AND" => TokenKind.And,
            "OR" => TokenKind.Or,
            "NOT" => TokenKind.Not,
            _ => TokenKind.Word,
        };
        _tokens.Add(new FilterToken(kind, start, end - start, word));
        _at = end;
    }

    /// <summary>
    /// <c>digits [. digits] [(e|E) [+|-] digits]</c>; when a word character follows directly
    /// (as in <c>3d-printing</c>), the whole run is a word instead.
    /// </summary>
    private void NumberOrWord()
    {
        var start = _at;
        var end = SkipDigits(start);
        if (end + 1 < _text.Length && _text[end] == '.' && char.IsAsciiDigit(_text[end + 1]))
        {
            end = SkipDigits(end + 1);
        }

        if (end < _text.Length && _text[end] is 'e' or 'E')
        {
            var exponent = end + 1;
            if (exponent < _text.Length && _text[exponent] is '+' or '-')
            {
                exponent++;
            }

            if (exponent < _text.Length && char.IsAsciiDigit(_text[exponent]))
            {
                end = SkipDigits(exponent);
            }
        }

        if (end < _text.Length && FilterLiteral.IsWordPart(_text[end]))
        {
            Word(start);
            return;
        }

        _tokens.Add(new FilterToken(TokenKind.Number, start, end - start, _text[start..end]));
        _at = end;
    }

    private int SkipDigits(int from)
    {
        while (from < _text.Length && char.IsAsciiDigit(_text[from]))
        {
            from++;
        }

        return from;
    }

    private void QuotedString()
    {
        var start = _at;
        var value = new System.Text.StringBuilder();
        var i = start + 1;
        while (true)
        {
            if (i >= _text.Length)
            {
                throw Error(start, "unterminated string: no closing \" for the quote here");
            }

            var c = _text[i];
            if (c == '"')
            {
                break;
            }

            if (c != '\\')
            {
                value.Append(c);
                i++;
                continue;
            }

            if (i + 1 >= _text.Length)
            {
                throw Error(start, "unterminated string: no closing \" for the quote here");
            }

            switch (_text[i + 1])
            {
                case '"': value.Append('"'); i += 2; break;
                case '\\': value.Append('\\'); i += 2; break;
                case 'n': value.Append('\n'); i += 2; break;
                case 'r': value.Append('\r'); i += 2; break;
                case 't': value.Append('\t'); i += 2; break;
                case 'u' when i + 6 <= _text.Length
                    && int.TryParse(_text.AsSpan(i + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code):
                    value.Append((char)code);
                    i += 6;
                    break;
                default:
                    throw Error(i, $"bad escape \\{_text[i + 1]} in string; allowed: \\\" \\\\ \\n \\r \\t \\uXXXX");
            }
        }

        _tokens.Add(new FilterToken(TokenKind.String, start, i + 1 - start, value.ToString()));
        _at = i + 1;
    }

    private FilterException Error(int position, string reason) => new(_parameter, position, reason);
}
