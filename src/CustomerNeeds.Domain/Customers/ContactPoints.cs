namespace CustomerNeeds.Domain.Customers;

/// <summary>How to reach the customer and how other systems know them.</summary>
public sealed record ContactPoints
{
    /// <summary>Phone numbers.</summary>
    public IReadOnlyList<string> Phones { get; init; } = [];

    /// <summary>Email addresses.</summary>
    public IReadOnlyList<string> Emails { get; init; } = [];

    /// <summary>The customer's id in another system, per channel or system name (e.g. "web_shop" -> "u-881").</summary>
    public IReadOnlyDictionary<string, string> ExternalIds { get; init; } = new Dictionary<string, string>();
}
