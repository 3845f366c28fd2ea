namespace CustomerNeeds.Abstractions.Errors;

/// <summary>
/// The one exception a customer grain throws for an expected refusal. It crosses the grain
/// boundary intact so the gRPC layer can answer with the exact status.
/// </summary>
[GenerateSerializer]
[Alias("customerneeds.CustomerOperationException")]
public sealed class CustomerOperationException : Exception
{
    public CustomerOperationException(CustomerErrorCode code, string message, IReadOnlyList<FieldViolation>? violations = null, string? reason = null)
        : base(message)
    {
        Code = code;
        Violations = violations ?? [];
        Reason = reason;
    }

    /// <summary>The refusal category.</summary>
    [Id(0)]
    public CustomerErrorCode Code { get; }

    /// <summary>Field violations, for <see cref="CustomerErrorCode.InvalidArgument"/>.</summary>
    [Id(1)]
    public IReadOnlyList<FieldViolation> Violations { get; }

    /// <summary>A machine-readable reason (google.rpc.ErrorInfo), e.g. <see cref="CustomerErasedErrors.Reason"/>; null when none.</summary>
    [Id(2)]
    public string? Reason { get; }
}
