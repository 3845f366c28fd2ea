namespace CustomerNeeds.Storage.ComplaintSla;

/// <summary>One breach: which target of which complaint, when detected, and the complaint as it is now.</summary>
/// <param name="CustomerId">The customer.</param>
/// <param name="ComplaintId">The complaint.</param>
/// <param name="Target">1 first response, 2 resolution (the <c>SlaTarget</c> number).</param>
/// <param name="DetectedAt">When the breach was recorded.</param>
/// <param name="PayloadJson">The complaint row's payload (the whole case).</param>
public sealed record ComplaintBreachRow(string CustomerId, string ComplaintId, short Target, DateTimeOffset DetectedAt, string PayloadJson);
