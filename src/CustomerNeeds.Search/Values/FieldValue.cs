namespace CustomerNeeds.Search.Values;

/// <summary>
/// A value of a checked restriction, converted to the field's type.
/// <see cref="object.ToString"/> gives the canonical filter spelling.
/// </summary>
public abstract record FieldValue;
