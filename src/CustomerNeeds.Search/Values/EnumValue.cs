namespace CustomerNeeds.Search.Values;

/// <summary>
/// One allowed value of an enumerated field.
/// </summary>
/// <param name="Name">The value as written in a filter: the proto enum value name without its type prefix
/// (<c>EXTERNAL</c> for <c>CUSTOMER_KIND_EXTERNAL</c>), or a configured tier name.</param>
/// <param name="Number">The proto enum number; for a tier, its rank in the tier policy (0 = lowest).
/// Ordered fields compare by this number.</param>
public sealed record EnumValue(string Name, int Number) : FieldValue
{
    public override string ToString() => FilterLiteral.BareOrQuoted(Name);
}
