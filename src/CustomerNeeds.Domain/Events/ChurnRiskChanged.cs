using CustomerNeeds.Domain.Loyalty;

namespace CustomerNeeds.Domain.Events;

/// <summary>A loyalty review found the customer's churn-risk level changed.</summary>
/// <param name="From">Level before (Unspecified reads as low).</param>
/// <param name="To">Level after.</param>
/// <param name="Score">The score at the review, 0 to 1.</param>
/// <param name="Factors">Every factor of the score at the review (also those contributing 0).</param>
/// <param name="Reason">Human-readable: the level change and the factors that contribute.</param>
public sealed record ChurnRiskChanged(ChurnRiskLevel From, ChurnRiskLevel To, double Score, IReadOnlyList<ChurnFactor> Factors, string Reason) : CustomerEvent;
