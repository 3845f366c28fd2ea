using CustomerNeeds.Search.Syntax;

namespace CustomerNeeds.Search.Tests.Syntax;

public sealed class FilterParserTests
{
    [Theory]
    [InlineData("a = 1", "a = 1")]
    [InlineData("a=1", "a = 1")]
    [InlineData("a != 1", "a != 1")]
    [InlineData("a<1", "a < 1")]
    [InlineData("a<=1", "a <= 1")]
    [InlineData("a>1", "a > 1")]
    [InlineData("a>=1", "a >= 1")]
    [InlineData("a : b", "a:b")]
    [InlineData("a:*", "a:*")]
    [InlineData("a.b.c = x", "a.b.c = x")]
    [InlineData("a.\"b c\" = x", "a.\"b c\" = x")]
    [InlineData("a.2019 = x", "a.\"2019\" = x")]
    [InlineData("a.AND = x", "a.\"AND\" = x")]
    [InlineData("a = x.y.z", "a = x.y.z")]
    [InlineData("a = key-account", "a = key-account")]
    [InlineData("a = 3d-printing", "a = 3d-printing")]
    [InlineData("a = -3", "a = -3")]
    [InlineData("a = 0.75", "a = 0.75")]
    [InlineData("a = 1.5e3", "a = 1.5e3")]
    [InlineData("a = \"\"", "a = \"\"")]
    [InlineData("  a = 1  ", "a = 1")]
    [InlineData("a = 1\n\tb = 2", "(a = 1 AND b = 2)")]
    public void Restrictions_and_values(string filter, string expected) =>
        Assert.Equal(expected, FilterParser.Parse(filter)!.ToString());

    [Theory]
    // Juxtaposition is AND.
    [InlineData("a = 1 b = 2", "(a = 1 AND b = 2)")]
    [InlineData("a = 1 b = 2 AND c = 3", "(a = 1 AND b = 2 AND c = 3)")]
    // AIP-160: OR binds tighter than AND (and than juxtaposition).
    [InlineData("a = 1 AND b = 2 OR c = 3", "(a = 1 AND (b = 2 OR c = 3))")]
    [InlineData("a = 1 OR b = 2 AND c = 3", "((a = 1 OR b = 2) AND c = 3)")]
    [InlineData("a = 1 OR b = 2 c = 3", "((a = 1 OR b = 2) AND c = 3)")]
    [InlineData("a = 1 OR b = 2 OR c = 3", "(a = 1 OR b = 2 OR c = 3)")]
    // Parentheses override it and are kept as written.
    [InlineData("(a = 1 AND b = 2) OR c = 3", "((a = 1 AND b = 2) OR c = 3)")]
    [InlineData("(a = 1 AND b = 2) AND c = 3", "((a = 1 AND b = 2) AND c = 3)")]
    [InlineData("((a = 1))", "a = 1")]
    [InlineData("a = 1 AND (b = 2 OR (c = 3 AND d = 4))", "(a = 1 AND (b = 2 OR (c = 3 AND d = 4)))")]
    // NOT and "-" bind to the next restriction or group.
    [InlineData("NOT a = 1", "NOT a = 1")]
    [InlineData("-a = 1", "NOT a = 1")]
    [InlineData("NOT a = 1 OR b = 2", "(NOT a = 1 OR b = 2)")]
    [InlineData("NOT (a = 1 OR b = 2)", "NOT (a = 1 OR b = 2)")]
    [InlineData("-(a = 1 b = 2)", "NOT (a = 1 AND b = 2)")]
    [InlineData("a = 1 -b:x", "(a = 1 AND NOT b:x)")]
    public void Precedence_negation_and_parentheses(string filter, string expected) =>
        Assert.Equal(expected, FilterParser.Parse(filter)!.ToString());

    [Theory]
    [InlineData(@"a = ""say \""hi\""""", "say \"hi\"")]
    [InlineData(@"a = ""back\\slash""", "back\\slash")]
    [InlineData(@"a = ""line\nbreak\ttab\rreturn""", "line\nbreak\ttab\rreturn")]
    [InlineData(@"a = ""caf\u00e9""", "café")]
    [InlineData(@"a = ""AND OR NOT ( ) : = *""", "AND OR NOT ( ) : = *")]
    [InlineData("a = \"\u00fcber 東京\"", "über 東京")]
    public void String_escapes_are_decoded(string filter, string value)
    {
        var restriction = Assert.IsType<RestrictionSyntax>(FilterParser.Parse(filter));

        Assert.Equal(ArgumentKind.String, restriction.Argument.Kind);
        Assert.Equal(value, restriction.Argument.Text);
        Assert.Equal(4, restriction.Argument.Position);
    }

    [Fact]
    public void Positions_point_at_the_source()
    {
        var and = Assert.IsType<AndSyntax>(FilterParser.Parse("kind = X  NOT tags:\"vip\""));
        var not = Assert.IsType<NotSyntax>(and.Operands[1]);
        var tags = Assert.IsType<RestrictionSyntax>(not.Operand);

        Assert.Equal((0, 10, 14, 18, 19), (and.Position, not.Position, tags.Position, tags.ComparatorPosition, tags.Argument.Position));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \t\n")]
    public void Blank_is_no_filter(string? filter) => Assert.Null(FilterParser.Parse(filter));

    [Theory]
    [InlineData("kind = \"abc", 7, "unterminated string: no closing \" for the quote here")]
    [InlineData("kind = \"abc\\\"", 7, "unterminated string: no closing \" for the quote here")]
    [InlineData("kind = \"a\\qb\"", 9, "bad escape \\q in string; allowed: \\\" \\\\ \\n \\r \\t \\uXXXX")]
    [InlineData("kind = \"\\u12\"", 8, "bad escape \\u in string; allowed: \\\" \\\\ \\n \\r \\t \\uXXXX")]
    [InlineData("kind = 'x'", 7, "strings are written in double quotes (\"...\"), not single quotes")]
    [InlineData("kind = X @", 9, "unexpected character \"@\"")]
    [InlineData("kind ! X", 5, "unexpected character \"!\"")]
    [InlineData("(kind = X", 9, "missing \")\" to close the \"(\" at 0")]
    [InlineData("(a = 1 AND (b = 2)", 18, "missing \")\" to close the \"(\" at 0")]
    [InlineData("kind = X)", 8, "unexpected \")\" without a matching \"(\"")]
    [InlineData(")", 0, "unexpected \")\" without a matching \"(\"")]
    [InlineData("()", 1, "empty parentheses: expected a restriction inside")]
    [InlineData("kind = X AND", 12, "expected a restriction after \"AND\", found end of text")]
    [InlineData("kind = X OR)", 11, "expected a restriction after \"OR\", found \")\"")]
    [InlineData("AND kind = X", 0, "expected a field name, found \"AND\"")]
    [InlineData("kind = X AND OR y = 1", 13, "expected a restriction after \"AND\", found \"OR\"")]
    [InlineData("NOT", 3, "expected a restriction after \"NOT\", found end of text")]
    [InlineData("NOT NOT kind = X", 4, "\"NOT\" cannot follow \"NOT\"; write the restriction without the double negation")]
    [InlineData("kind =", 6, "missing value after \"=\"")]
    [InlineData("kind == X", 6, "expected a value after \"=\", found \"=\"")]
    [InlineData("kind = AND", 7, "expected a value after \"=\", found \"AND\"")]
    [InlineData("kind", 4, "expected an operator (=, !=, <, <=, >, >=, :) after \"kind\", found end of text")]
    [InlineData("kind = X foo", 12, "expected an operator (=, !=, <, <=, >, >=, :) after \"foo\", found end of text")]
    [InlineData("kind = X and tags:y", 13, "expected an operator (=, !=, <, <=, >, >=, :) after \"and\", found \"tags\" (the operators AND, OR and NOT are written in capitals)")]
    [InlineData("kind = X \"vip\"", 9, "a value alone is not a restriction: \"vip\"; write field, operator and value, e.g. tags:\"vip\" (search across all fields is not supported)")]
    [InlineData("42", 0, "a value alone is not a restriction: \"42\"; write field, operator and value, e.g. tags:\"vip\" (search across all fields is not supported)")]
    [InlineData("tags:deliv*", 10, "\"*\" is only allowed alone after \":\" (a presence test such as tags:*); wildcards in values are not supported")]
    [InlineData("tags:*vip", 5, "\"*\" is only allowed alone after \":\" (a presence test such as tags:*); wildcards in values are not supported")]
    [InlineData("a. = 1", 3, "expected a name after \".\" at 1, found \"=\"")]
    [InlineData("a.b = x,y", 7, "expected a field name, found \",\"")]
    [InlineData("a = 1 = 2", 6, "expected a field name, found \"=\"")]
    public void Syntax_errors_say_where_and_what(string filter, int position, string reason)
    {
        var error = Assert.Throws<FilterException>(() => FilterParser.Parse(filter));

        Assert.Equal((FilterException.FilterParameter, position, reason), (error.Parameter, error.Position, error.Reason));
        Assert.Equal($"filter: at {position}: {reason}", error.Message);
    }

    [Fact]
    public void Nesting_up_to_the_limit_is_accepted()
    {
        var filter = new string('(', 8) + "a = 1" + new string(')', 8);

        Assert.Equal("a = 1", FilterParser.Parse(filter)!.ToString());
    }

    [Fact]
    public void Nesting_beyond_the_limit_is_refused_at_the_parenthesis_too_many()
    {
        var filter = "a = 1 AND " + new string('(', 9) + "a = 1" + new string(')', 9);

        var error = Assert.Throws<FilterException>(() => FilterParser.Parse(filter));

        Assert.Equal((18, "parentheses nested too deeply: at most 8 levels are allowed"), (error.Position, error.Reason));
    }

    [Fact]
    public void Deep_nesting_fails_fast_without_exhausting_the_stack()
    {
        var filter = new string('(', 1_999) + "a";

        var error = Assert.Throws<FilterException>(() => FilterParser.Parse(filter));

        Assert.Equal(8, error.Position);
    }

    [Fact]
    public void A_filter_of_the_maximum_length_is_accepted()
    {
        var filter = "a = \"" + new string('x', 1_994) + "\"";

        Assert.Equal(2_000, filter.Length);
        Assert.NotNull(FilterParser.Parse(filter));
    }

    [Fact]
    public void A_filter_longer_than_the_maximum_is_refused_before_parsing()
    {
        var filter = "a = \"" + new string('x', 1_996);

        var error = Assert.Throws<FilterException>(() => FilterParser.Parse(filter));

        Assert.Equal((2_000, "filter is too long: 2,001 characters; at most 2,000 are allowed"), (error.Position, error.Reason));
    }

    [Fact]
    public void Restrictions_up_to_the_limit_are_accepted_and_one_more_is_refused()
    {
        var fifty = string.Concat(Enumerable.Repeat("a = 1 ", 50));

        Assert.Equal(50, Assert.IsType<AndSyntax>(FilterParser.Parse(fifty)).Operands.Count);
        var error = Assert.Throws<FilterException>(() => FilterParser.Parse(fifty + "b = 2"));
        Assert.Equal((300, "too many restrictions: at most 50 are allowed"), (error.Position, error.Reason));
    }

    [Fact]
    public void Limits_can_be_tightened()
    {
        var limits = new SearchLimits { MaxFilterLength = 11, MaxDepth = 1, MaxRestrictions = 2 };

        Assert.Equal(11, Assert.Throws<FilterException>(() => FilterParser.Parse("a = 1 b = 22", limits)).Position);
        Assert.Equal(1, Assert.Throws<FilterException>(() => FilterParser.Parse("((a = 1))", limits)).Position);
        Assert.Equal(8, Assert.Throws<FilterException>(() => FilterParser.Parse("a:1 b:1 c:1", limits)).Position);
    }
}
