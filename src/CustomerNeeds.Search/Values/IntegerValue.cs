using System.Globalization;

namespace CustomerNeeds.Search.Values;

/// <summary>A whole number.</summary>
public sealed record IntegerValue(long Value) : FieldValue
{
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}
