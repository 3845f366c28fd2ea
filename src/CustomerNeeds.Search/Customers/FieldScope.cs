namespace CustomerNeeds.Search.Customers;

/// <summary>What a restriction on a field is evaluated against.</summary>
public enum FieldScope
{
    /// <summary>The customer itself.</summary>
    Customer,

    /// <summary>The customer's needs: the restriction holds when at least one need (of any status) matches it.</summary>
    AnyNeed,
}
