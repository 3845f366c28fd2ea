namespace CustomerNeeds.Domain.Errors;

/// <summary>A per-customer limit is reached (RESOURCE_EXHAUSTED).</summary>
public sealed class LimitExceededException(string limit, int maximum)
    : DomainException(DomainErrorKind.ResourceExhausted, $"Limit reached: at most {maximum} {limit} per customer.")
{
    /// <summary>What is limited, e.g. "needs".</summary>
    public string Limit { get; } = limit;

    /// <summary>The maximum allowed.</summary>
    public int Maximum { get; } = maximum;
}
