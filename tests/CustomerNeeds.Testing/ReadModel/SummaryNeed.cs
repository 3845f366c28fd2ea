namespace CustomerNeeds.Testing.ReadModel;

/// <summary>A row of customer_summary_needs for a test; enum fields are proto numbers.</summary>
public sealed record SummaryNeed(string NeedId, short Type, short Area, short KanoClass, short Status, string Title);
