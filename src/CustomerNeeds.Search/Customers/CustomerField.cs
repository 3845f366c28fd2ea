using CustomerNeeds.Search.Values;

namespace CustomerNeeds.Search.Customers;

/// <summary>
/// One field a customer filter can restrict: its API name, type, the operators it takes and,
/// for enumerated fields, the values it takes.
/// </summary>
/// <param name="Id">Stable key.</param>
/// <param name="Name">The name as written in a filter (the API's snake_case field path, e.g. <c>loyalty.tier</c>).</param>
/// <param name="Type">What values the field takes.</param>
/// <param name="Scope">Whether it is a field of the customer or of any of its needs.</param>
/// <param name="Comparators">The operators allowed on the field.</param>
/// <param name="Values">The allowed values of an <see cref="FieldType.Enum"/> or <see cref="FieldType.EnumList"/> field, in order; empty otherwise.</param>
/// <param name="EnumPrefix">The proto enum type prefix also accepted before a value name (<c>CUSTOMER_KIND_</c>), if any.</param>
public sealed record CustomerField(
    CustomerFieldId Id,
    string Name,
    FieldType Type,
    FieldScope Scope,
    IReadOnlyList<Comparator> Comparators,
    IReadOnlyList<EnumValue> Values,
    string? EnumPrefix = null)
{
    /// <summary>True when the field takes <c>&lt;</c>, <c>&lt;=</c>, <c>&gt;</c> and <c>&gt;=</c>.</summary>
    public bool IsOrdered => Comparators.Contains(Comparator.Less);

    /// <summary>The value named <paramref name="name"/> (with or without <see cref="EnumPrefix"/>), or null.</summary>
    public EnumValue? FindValue(string name)
    {
        if (EnumPrefix is not null && name.StartsWith(EnumPrefix, StringComparison.Ordinal) && name.Length > EnumPrefix.Length)
        {
            name = name[EnumPrefix.Length..];
        }

        return Values.FirstOrDefault(v => string.Equals(v.Name, name, StringComparison.Ordinal));
    }

    public override string ToString() => Name;
}
