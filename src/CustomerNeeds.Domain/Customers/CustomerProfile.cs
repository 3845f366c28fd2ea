namespace CustomerNeeds.Domain.Customers;

/// <summary>The customer record (DOMAIN.md section 1). Immutable; an update replaces it whole.</summary>
public sealed record CustomerProfile
{
    /// <summary>Name shown to agents, 1 to 200 characters.</summary>
    public string DisplayName { get; init; } = "";

    /// <summary>Phones, emails, external ids.</summary>
    public ContactPoints ContactPoints { get; init; } = new();

    /// <summary>For a business customer: its contact persons with their decision roles.</summary>
    public IReadOnlyList<ContactPerson> ContactPersons { get; init; } = [];

    /// <summary>Industry (firmographics).</summary>
    public string Industry { get; init; } = "";

    /// <summary>Company size band, e.g. "50-249".</summary>
    public string SizeBand { get; init; } = "";

    /// <summary>Sales region.</summary>
    public string Region { get; init; } = "";

    /// <summary>Location (city, site).</summary>
    public string Location { get; init; } = "";

    /// <summary>For persons: age band, e.g. "35-44".</summary>
    public string AgeBand { get; init; } = "";

    /// <summary>For persons: occupation.</summary>
    public string Occupation { get; init; } = "";

    /// <summary>Internal, intermediary, external or a competitor's customer.</summary>
    public CustomerKind Kind { get; init; }

    /// <summary>The set of value types (distinct, ascending).</summary>
    public IReadOnlyList<CustomerValueType> ValueTypes { get; init; } = [];

    /// <summary>Transactional or relational.</summary>
    public RelationshipMode RelationshipMode { get; init; }

    /// <summary>The set of value propositions bought (distinct, ascending).</summary>
    public IReadOnlyList<ValueProposition> ValuePropositions { get; init; } = [];

    /// <summary>Deployment-defined attributes (ordinal key order).</summary>
    public IReadOnlyDictionary<string, string> Attributes { get; init; } = new Dictionary<string, string>();

    /// <summary>Free-form tags (distinct, in the order given).</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];
}
