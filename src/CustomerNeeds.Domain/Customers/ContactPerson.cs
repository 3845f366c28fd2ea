namespace CustomerNeeds.Domain.Customers;

/// <summary>A person at a business customer and their part in buying decisions.</summary>
public sealed record ContactPerson
{
    /// <summary>Full name, 1 to 200 characters.</summary>
    public string Name { get; init; } = "";

    /// <summary>Their part in decisions.</summary>
    public DecisionRole Role { get; init; }

    /// <summary>Job title; optional.</summary>
    public string Title { get; init; } = "";

    /// <summary>Email address; optional.</summary>
    public string Email { get; init; } = "";

    /// <summary>Phone number; optional.</summary>
    public string Phone { get; init; } = "";
}
