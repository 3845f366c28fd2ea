namespace CustomerNeeds.Domain.Loyalty;

/// <summary>Churn risk at a given time: score 0 to 1, its band, and every factor (also those contributing 0).</summary>
public sealed record ChurnRiskAssessment(double Score, ChurnRiskLevel Level, IReadOnlyList<ChurnFactor> Factors);
