namespace CustomerNeeds.Search.Syntax;

/// <summary>
/// Recursive-descent parser for the AIP-160 filter grammar (docs/filtering.md):
/// <code>
/// filter     = [ expression ] ;
/// expression = sequence { "AND" sequence } ;
/// sequence   = factor { factor } ;              (* juxtaposition: AND *)
/// factor     = term { "OR" term } ;             (* OR binds tighter than AND *)
/// term       = [ "NOT" | "-" ] simple ;
/// simple     = restriction | "(" expression ")" ;
/// restriction= member comparator argument ;
/// </code>
/// It checks the syntax and the limits only; field names and values are checked later
/// against a field catalog.
/// </summary>
public sealed class FilterParser
{
    private const string Comparators = "=, !=, <, <=, >, >=, :";

    private readonly string _text;
    private readonly IReadOnlyList<FilterToken> _tokens;
    private readonly SearchLimits _limits;
    private int _next;
    private int _depth;
    private int _restrictions;

    private FilterParser(string text, SearchLimits limits)
    {
        _text = text;
        _limits = limits;
        _tokens = FilterLexer.Tokenize(text, FilterException.FilterParameter);
    }

    /// <summary>
    /// Parses a filter. Null, empty or blank text is no filter and gives null.
    /// </summary>
    /// <exception cref="FilterException">The text breaks the grammar or a limit.</exception>
    public static FilterSyntax? Parse(string? filter, SearchLimits? limits = null)
    {
        limits ??= SearchLimits.Default;
        if (string.IsNullOrWhiteSpace(filter))
        {
            return null;
        }

        if (filter.Length > limits.MaxFilterLength)
        {
            throw new FilterException(
                FilterException.FilterParameter,
                limits.MaxFilterLength,
                $"filter is too long: {filter.Length:N0} characters; at most {limits.MaxFilterLength:N0} are allowed");
        }

        var parser = new FilterParser(filter, limits);
        var expression = parser.Expression();
        var rest = parser.Peek;
        if (rest.Kind != TokenKind.End)
        {
            throw parser.Error(rest.Position, rest.Kind == TokenKind.RightParen
                ? "unexpected \")\" without a matching \"(\""
                : $"unexpected {parser.Describe(rest)}");
        }

        return expression;
    }

    private FilterToken Peek => _tokens[_next];

    private FilterToken Advance() => _tokens[_next++];

    private FilterSyntax Expression()
    {
        // Juxtaposition and AND are the same conjunction: one flat list of factors.
        var operands = new List<FilterSyntax>();
        Sequence(operands);
        while (Peek.Kind == TokenKind.And)
        {
            var and = Advance();
            ExpectTermAfter(and);
            Sequence(operands);
        }

        return operands.Count == 1 ? operands[0] : new AndSyntax(operands, operands[0].Position);
    }

    private void Sequence(List<FilterSyntax> operands)
    {
        operands.Add(Factor());
        while (Peek.Kind is not (TokenKind.End or TokenKind.RightParen or TokenKind.And))
        {
            operands.Add(Factor());
        }
    }

    private FilterSyntax Factor()
    {
        var operands = new List<FilterSyntax> { Term() };
        while (Peek.Kind == TokenKind.Or)
        {
            var or = Advance();
            ExpectTermAfter(or);
            operands.Add(Term());
        }

        return operands.Count == 1 ? operands[0] : new OrSyntax(operands, operands[0].Position);
    }

    private FilterSyntax Term()
    {
        if (Peek.Kind is TokenKind.Not or TokenKind.Minus)
        {
            var not = Advance();
            ExpectTermAfter(not);
            if (Peek.Kind is TokenKind.Not or TokenKind.Minus)
            {
                throw Error(Peek.Position, $"{Describe(Peek)} cannot follow {Describe(not)}; write the restriction without the double negation");
            }

            return new NotSyntax(Simple(), not.Position);
        }

        return Simple();
    }

    private FilterSyntax Simple()
    {
        if (Peek.Kind != TokenKind.LeftParen)
        {
            return Restriction();
        }

        var open = Advance();
        if (++_depth > _limits.MaxDepth)
        {
            throw Error(open.Position, $"parentheses nested too deeply: at most {_limits.MaxDepth} levels are allowed");
        }

        if (Peek.Kind == TokenKind.RightParen)
        {
            throw Error(Peek.Position, "empty parentheses: expected a restriction inside");
        }

        var inner = Expression();
        if (Peek.Kind != TokenKind.RightParen)
        {
            throw Error(Peek.Position, $"missing \")\" to close the \"(\" at {open.Position}");
        }

        Advance();
        _depth--;
        return inner;
    }

    private RestrictionSyntax Restriction()
    {
        var first = Peek;
        switch (first.Kind)
        {
            case TokenKind.Word:
                break;
            case TokenKind.End:
                throw Error(first.Position, "expected a restriction (field, operator, value), found end of text");
            case TokenKind.RightParen:
                throw Error(first.Position, "unexpected \")\" without a matching \"(\"");
            case TokenKind.Star:
                throw Error(first.Position, "\"*\" is only allowed alone after \":\" (a presence test such as tags:*); wildcards in values are not supported");
            case TokenKind.String or TokenKind.Number:
                throw Error(first.Position, $"a value alone is not a restriction: {Describe(first)}; write field, operator and value, "
                    + "e.g. tags:\"vip\" (search across all fields is not supported)");
            default:
                throw Error(first.Position, $"expected a field name, found {Describe(first)}");
        }

        var member = Member();
        if (++_restrictions > _limits.MaxRestrictions)
        {
            throw Error(member.Position, $"too many restrictions: at most {_limits.MaxRestrictions} are allowed");
        }

        var comparator = Peek;
        if (comparator.Kind != TokenKind.Comparator)
        {
            var hint = member.Segments.Count == 1 && member.Path is "and" or "or" or "not"
                ? " (the operators AND, OR and NOT are written in capitals)"
                : "";
            throw Error(comparator.Position, $"expected an operator ({Comparators}) after {FilterLiteral.Quote(member.ToString())}, "
                + $"found {Describe(comparator)}{hint}");
        }

        Advance();
        return new RestrictionSyntax(member, comparator.Comparator, comparator.Position, Argument(comparator));
    }

    private MemberSyntax Member()
    {
        var first = Advance();
        var segments = new List<MemberSegment> { new(first.Text, first.Position) };
        while (Peek.Kind == TokenKind.Dot)
        {
            var dot = Advance();
            var name = Peek;
            if (name.Kind is not (TokenKind.Word or TokenKind.String or TokenKind.And or TokenKind.Or or TokenKind.Not)
                && !(name.Kind == TokenKind.Number && name.Text.All(char.IsAsciiDigit)))
            {
                throw Error(name.Position, $"expected a name after \".\" at {dot.Position}, found {Describe(name)}");
            }

            Advance();
            segments.Add(new MemberSegment(name.Text, name.Position));
        }

        return new MemberSyntax(segments);
    }

    private ArgumentSyntax Argument(FilterToken comparator)
    {
        var value = Peek;
        switch (value.Kind)
        {
            case TokenKind.String:
                Advance();
                return new ArgumentSyntax(ArgumentKind.String, value.Text, value.Position);
            case TokenKind.Number:
                Advance();
                return new ArgumentSyntax(ArgumentKind.Number, value.Text, value.Position);
            case TokenKind.Minus when _tokens[_next + 1] is { Kind: TokenKind.Number } number && number.Position == value.End:
                _next += 2;
                return new ArgumentSyntax(ArgumentKind.Number, "-" + number.Text, value.Position);
            case TokenKind.Star:
                Advance();
                if (Peek.Kind is TokenKind.Word or TokenKind.Number or TokenKind.String && Peek.Position == value.End)
                {
                    throw Error(value.Position, "\"*\" is only allowed alone after \":\" (a presence test such as tags:*); wildcards in values are not supported");
                }

                return new ArgumentSyntax(ArgumentKind.Star, "*", value.Position);
            case TokenKind.Word:
                Advance();
                var text = value.Text;
                var end = value.End;
                while (Peek.Kind == TokenKind.Dot && Peek.Position == end
                    && _tokens[_next + 1] is { Kind: TokenKind.Word or TokenKind.Number } part && part.Position == end + 1)
                {
                    text += "." + part.Text;
                    end = part.End;
                    _next += 2;
                }

                return new ArgumentSyntax(ArgumentKind.Text, text, value.Position);
            case TokenKind.End:
                throw Error(value.Position, $"missing value after {Describe(comparator)}");
            default:
                throw Error(value.Position, $"expected a value after {Describe(comparator)}, found {Describe(value)}");
        }
    }

    /// <summary>AND, OR, NOT and "-" must be followed by something to combine.</summary>
    private void ExpectTermAfter(FilterToken keyword)
    {
        if (Peek.Kind is TokenKind.End or TokenKind.RightParen or TokenKind.And or TokenKind.Or)
        {
            throw Error(Peek.Position, $"expected a restriction after {Describe(keyword)}, found {Describe(Peek)}");
        }
    }

    private string Describe(FilterToken token) => token.Describe(_text);

    private FilterException Error(int position, string reason) => new(FilterException.FilterParameter, position, reason);
}
