namespace CustomerNeeds.Search.Customers;

/// <summary>The type of a search field: what values it takes and how they are compared.</summary>
public enum FieldType
{
    /// <summary>A string, compared exactly.</summary>
    Text,

    /// <summary>A whole number.</summary>
    Integer,

    /// <summary>A floating-point number.</summary>
    Number,

    /// <summary>An instant, written as an RFC 3339 string.</summary>
    Timestamp,

    /// <summary>One value of a fixed list (<see cref="CustomerField.Values"/>).</summary>
    Enum,

    /// <summary>A list of strings; <c>:</c> tests membership.</summary>
    TextList,

    /// <summary>A list of enum values; <c>:</c> tests membership.</summary>
    EnumList,

    /// <summary>A string-to-string map, addressed as <c>field.key</c>.</summary>
    TextMap,

    /// <summary>Free text searched by words, case-insensitively.</summary>
    Words,
}
