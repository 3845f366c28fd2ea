namespace CustomerNeeds.Storage.ComplaintSla;

/// <summary>A page of breaches and where the next one starts (null: no more).</summary>
public sealed record ComplaintBreachPage(IReadOnlyList<ComplaintBreachRow> Breaches, ComplaintBreachCursor? Next);
