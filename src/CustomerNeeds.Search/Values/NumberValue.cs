using System.Globalization;

namespace CustomerNeeds.Search.Values;

/// <summary>A finite floating-point number.</summary>
public sealed record NumberValue(double Value) : FieldValue
{
    public override string ToString() => Value.ToString("R", CultureInfo.InvariantCulture);
}
