using CustomerNeeds.Search.Values;

namespace CustomerNeeds.Search.Customers;

/// <summary>
/// Compares the value of one attribute with a string, exactly:
/// <c>attributes.region_code = "x"</c> (<see cref="Comparator.Equal"/>) or <c>!=</c>
/// (<see cref="Comparator.NotEqual"/>). False when the customer has no such attribute.
/// </summary>
public sealed record AttributeComparison(CustomerField Field, string Key, Comparator Comparator, TextValue Value) : CustomerFilter
{
    public override string ToString() => Field.Name + "." + FilterLiteral.BareOrQuoted(Key) + Comparator.Between() + Value;
}
