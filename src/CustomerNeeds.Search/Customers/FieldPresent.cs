namespace CustomerNeeds.Search.Customers;

/// <summary>
/// A presence test. Without a key: the list or map field is not empty (<c>tags:*</c>,
/// <c>attributes:*</c>). With a key: the map has that key (<c>attributes:"region_code"</c>,
/// <c>attributes.region_code:*</c>).
/// </summary>
public sealed record FieldPresent(CustomerField Field, string? Key) : CustomerFilter
{
    public override string ToString() =>
        Key is null ? Field.Name + ":*" : Field.Name + "." + FilterLiteral.BareOrQuoted(Key) + ":*";
}
