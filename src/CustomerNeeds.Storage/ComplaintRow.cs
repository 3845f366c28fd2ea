namespace CustomerNeeds.Storage;

/// <summary>The current state of one complaint case, as kept in the complaint projection.</summary>
/// <param name="ComplaintId">The complaint's id, unique per customer.</param>
/// <param name="Status">The complaint's status name (used for filtering).</param>
/// <param name="OpenedAt">When the complaint was opened (listing order: newest first).</param>
/// <param name="UpdatedAt">When the complaint last changed.</param>
/// <param name="PayloadJson">The whole complaint as JSON; read back byte for byte.</param>
/// <param name="Facts">The KPI columns; null leaves them NULL (never read back: the payload is the case).</param>
/// <param name="CustomerId">The customer whose row it is, when a read spans merged customers; otherwise null.</param>
public sealed record ComplaintRow(string ComplaintId, string Status, DateTimeOffset OpenedAt, DateTimeOffset UpdatedAt, string PayloadJson, ComplaintFacts? Facts = null, string? CustomerId = null);
