namespace CustomerNeeds.Domain.Customers;

/// <summary>
/// What value the customer brings us (DOMAIN.md "value type"; named CustomerValueType to
/// stay clear of System.ValueType). A customer may have several.
/// </summary>
public enum CustomerValueType
{
    /// <summary>Not known. Never stored in a profile's set.</summary>
    Unspecified = 0,

    /// <summary>Revenue and profit.</summary>
    Commercial = 1,

    /// <summary>A name that opens a market.</summary>
    Brand = 2,

    /// <summary>Universities, media, institutions: little revenue, much reach.</summary>
    Influence = 3,
}
