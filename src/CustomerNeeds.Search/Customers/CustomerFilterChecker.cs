using System.Globalization;
using CustomerNeeds.Search.Syntax;
using CustomerNeeds.Search.Values;

namespace CustomerNeeds.Search.Customers;

/// <summary>
/// Turns filter text into a checked <see cref="CustomerFilter"/>: parses it
/// (<see cref="FilterParser"/>), then resolves every field against the
/// <see cref="CustomerFieldCatalog"/>, checks the operator and converts the value.
/// </summary>
public sealed class CustomerFilterChecker(CustomerFieldCatalog catalog, SearchLimits? limits = null)
{
    /// <summary>Longest attribute key (as in the Customer.attributes contract).</summary>
    public const int MaxAttributeKeyLength = 64;

    private readonly SearchLimits _limits = limits ?? SearchLimits.Default;

    /// <summary>The checked filter, or null when the text is null, empty or blank (no filter: every customer).</summary>
    /// <exception cref="FilterException">Where and what is wrong.</exception>
    public CustomerFilter? Check(string? filter)
    {
        var syntax = FilterParser.Parse(filter, _limits);
        return syntax is null ? null : Check(syntax);
    }

    /// <summary>The checked form of a parsed filter.</summary>
    /// <exception cref="FilterException">Where and what is wrong.</exception>
    public CustomerFilter Check(FilterSyntax syntax) => syntax switch
    {
        AndSyntax and => new AllOf(Flatten<AllOf>(and.Operands, a => a.Operands)),
        OrSyntax or => new AnyOf(Flatten<AnyOf>(or.Operands, a => a.Operands)),
        NotSyntax not => new Negation(Check(not.Operand)),
        RestrictionSyntax restriction => Restriction(restriction),
        _ => throw new ArgumentOutOfRangeException(nameof(syntax), syntax, "unknown syntax node"),
    };

    private List<CustomerFilter> Flatten<T>(IReadOnlyList<FilterSyntax> operands, Func<T, IReadOnlyList<CustomerFilter>> inner)
        where T : CustomerFilter
    {
        var flat = new List<CustomerFilter>();
        foreach (var operand in operands)
        {
            var checkedOperand = Check(operand);
            if (checkedOperand is T same)
            {
                flat.AddRange(inner(same));
            }
            else
            {
                flat.Add(checkedOperand);
            }
        }

        return flat;
    }

    private CustomerFilter Restriction(RestrictionSyntax restriction)
    {
        var member = restriction.Member;
        if (member.Segments[0].Name == "attributes")
        {
            return Attribute(restriction);
        }

        var field = catalog.Find(member.Path) ?? throw UnknownField(member);
        CheckComparator(field, restriction);
        var argument = restriction.Argument;
        if (argument.Kind == ArgumentKind.Star)
        {
            if (restriction.Comparator != Comparator.Has)
            {
                throw StarWithoutHas(argument);
            }

            return field.Type is FieldType.TextList or FieldType.EnumList
                ? new FieldPresent(field, null)
                : throw Error(argument.Position, $"\"*\" (presence) is not supported on {field.Name}");
        }

        if (argument.Text.Length == 0)
        {
            throw Error(argument.Position, $"empty value for {field.Name}");
        }

        return field.Type switch
        {
            FieldType.TextList or FieldType.EnumList => new ListContains(field, Value(field, argument)),
            FieldType.Words => TitleWords(field, argument),
            _ => new FieldComparison(
                field,
                restriction.Comparator == Comparator.Has ? Comparator.Equal : restriction.Comparator,
                Value(field, argument)),
        };
    }

    private FieldValue Value(CustomerField field, ArgumentSyntax argument)
    {
        var text = argument.Text;
        switch (field.Type)
        {
            case FieldType.Text or FieldType.TextList:
                return new TextValue(text);
            case FieldType.Enum or FieldType.EnumList:
                return argument.Kind != ArgumentKind.Number && field.FindValue(text) is { } value
                    ? value
                    : throw Error(argument.Position, $"bad value {FilterLiteral.Quote(text)} for {field.Name}; allowed: "
                        + string.Join(", ", field.Values.Select(v => v.ToString())));
            case FieldType.Integer:
                return argument.Kind == ArgumentKind.Number
                    && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole)
                    ? new IntegerValue(whole)
                    : throw Error(argument.Position, $"bad value {FilterLiteral.Quote(text)} for {field.Name}; expected a whole number, e.g. 2");
            case FieldType.Number:
                return argument.Kind == ArgumentKind.Number
                    && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                    && double.IsFinite(number)
                    ? new NumberValue(number)
                    : throw Error(argument.Position, $"bad value {FilterLiteral.Quote(text)} for {field.Name}; expected a number, e.g. 0.75");
            case FieldType.Timestamp:
                return argument.Kind == ArgumentKind.String && Rfc3339Timestamp.TryParse(text, out var instant)
                    ? new TimestampValue(instant)
                    : throw Error(argument.Position, $"bad timestamp {FilterLiteral.Quote(text)} for {field.Name}; "
                        + "expected an RFC 3339 date-time in double quotes, e.g. \"2024-05-01T00:00:00Z\"");
            default:
                throw new InvalidOperationException($"{field.Name} has no single value");
        }
    }

    private NeedTitleWords TitleWords(CustomerField field, ArgumentSyntax argument)
    {
        // The same rule that splits the stored titles (title_words of the read model).
        var words = Domain.Needs.TitleWords.Of(argument.Text);
        if (words.Length == 0)
        {
            throw Error(argument.Position, $"no words in {FilterLiteral.Quote(argument.Text)} for {field.Name}; a word is a run of letters and digits");
        }

        if (words.Length > _limits.MaxTitleWords)
        {
            throw Error(argument.Position, $"too many words for {field.Name}: {words.Length}; at most {_limits.MaxTitleWords} are allowed");
        }

        return new NeedTitleWords(field, words);
    }

    private CustomerFilter Attribute(RestrictionSyntax restriction)
    {
        var field = catalog[CustomerFieldId.Attributes];
        var segments = restriction.Member.Segments;
        var argument = restriction.Argument;
        if (segments.Count == 1)
        {
            // attributes:"key" (has the key) or attributes:* (has any attribute).
            if (restriction.Comparator != Comparator.Has)
            {
                throw Error(restriction.ComparatorPosition, $"operator {FilterLiteral.Quote(restriction.Comparator.Symbol())} is not allowed on attributes; "
                    + "allowed: : (attributes:\"key\" tests for a key); compare a value with attributes.<key> = \"value\"");
            }

            return argument.Kind == ArgumentKind.Star
                ? new FieldPresent(field, null)
                : new FieldPresent(field, AttributeKey(argument.Text, argument.Position));
        }

        var key = AttributeKey(string.Join('.', segments.Skip(1).Select(s => s.Name)), segments[1].Position);
        CheckComparator(field, restriction, "attributes.<key>");
        if (argument.Kind == ArgumentKind.Star)
        {
            return restriction.Comparator == Comparator.Has ? new FieldPresent(field, key) : throw StarWithoutHas(argument);
        }

        if (argument.Text.Length == 0)
        {
            throw Error(argument.Position, $"empty value for attributes.{FilterLiteral.BareOrQuoted(key)}");
        }

        var comparator = restriction.Comparator == Comparator.Has ? Comparator.Equal : restriction.Comparator;
        return new AttributeComparison(field, key, comparator, new TextValue(argument.Text));
    }

    private string AttributeKey(string key, int position) =>
        key.Length is > 0 and <= MaxAttributeKeyLength
            ? key
            : throw Error(position, $"bad attribute key {FilterLiteral.Quote(key)}: keys are 1 to {MaxAttributeKeyLength} characters");

    private void CheckComparator(CustomerField field, RestrictionSyntax restriction, string? fieldName = null)
    {
        if (field.Comparators.Contains(restriction.Comparator))
        {
            return;
        }

        var symbol = restriction.Comparator.Symbol();
        var reason = $"operator {FilterLiteral.Quote(symbol)} is not allowed on {fieldName ?? field.Name}; allowed: "
            + string.Join(", ", field.Comparators.Select(c => c.Symbol()));
        if (field.Scope == FieldScope.AnyNeed && restriction.Comparator == Comparator.NotEqual)
        {
            reason += $" (for customers without such a need write NOT {field.Name} = {restriction.Argument})";
        }
        else if (field.Type is FieldType.TextList or FieldType.EnumList)
        {
            reason += $" (write {field.Name}:{restriction.Argument} for \"contains\")";
        }

        throw Error(restriction.ComparatorPosition, reason);
    }

    private FilterException UnknownField(MemberSyntax member)
    {
        var path = member.Path;
        // "tier" -> loyalty.tier, "churn_risk" -> loyalty.churn_risk_score, "csat" -> satisfaction.csat_mean.
        var suggestion = catalog.Fields.FirstOrDefault(f => f.Name.EndsWith("." + path, StringComparison.Ordinal))
            ?? catalog.Fields.FirstOrDefault(f => f.Name.Split('.')[^1].StartsWith(path + "_", StringComparison.Ordinal));
        var known = string.Join(", ", catalog.Fields.Select(f => f.Type == FieldType.TextMap ? f.Name + ".<key>" : f.Name));
        var hint = suggestion is null ? "" : $" (did you mean {suggestion.Name}?)";
        return Error(member.Position, $"unknown field {FilterLiteral.Quote(path)}{hint}; known fields: {known}");
    }

    private static FilterException StarWithoutHas(ArgumentSyntax argument) =>
        Error(argument.Position, "\"*\" is only allowed after \":\" (presence test, e.g. tags:*)");

    private static FilterException Error(int position, string reason) => new(FilterException.FilterParameter, position, reason);
}
