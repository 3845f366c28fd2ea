namespace CustomerNeeds.Domain.Loyalty;

/// <summary>One contributor to the churn-risk score.</summary>
/// <param name="Name">Stable key: recency, satisfaction_trend, open_complaints, repeated_complaints, nps_detractor.</param>
/// <param name="Weight">The factor's maximum contribution.</param>
/// <param name="Contribution">What it adds to the score, 0 to Weight (rounded to 4 decimals).</param>
/// <param name="Explanation">Why, human-readable.</param>
public sealed record ChurnFactor(string Name, double Weight, double Contribution, string Explanation);
