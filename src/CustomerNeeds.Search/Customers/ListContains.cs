using CustomerNeeds.Search.Values;

namespace CustomerNeeds.Search.Customers;

/// <summary>Holds when a list field contains the element: <c>tags:"vip"</c>, <c>value_types:BRAND</c>.</summary>
public sealed record ListContains(CustomerField Field, FieldValue Element) : CustomerFilter
{
    public override string ToString() => Field.Name + ":" + Element;
}
