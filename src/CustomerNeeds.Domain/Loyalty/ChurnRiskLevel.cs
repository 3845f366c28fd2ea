namespace CustomerNeeds.Domain.Loyalty;

/// <summary>Churn risk band: low below 0.33, medium below 0.66, high from 0.66.</summary>
public enum ChurnRiskLevel
{
    /// <summary>Not evaluated.</summary>
    Unspecified = 0,
    Low = 1,
    Medium = 2,
    High = 3,
}
