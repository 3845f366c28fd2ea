namespace CustomerNeeds.Search.Customers;

/// <summary>
/// A checked customer filter: every field known, every operator allowed, every value
/// converted to the field's type. This is what a query translator consumes.
/// <see cref="object.ToString"/> gives a canonical, fully parenthesised filter that parses
/// back to the same tree.
/// </summary>
public abstract record CustomerFilter;
