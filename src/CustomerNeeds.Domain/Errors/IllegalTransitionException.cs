namespace CustomerNeeds.Domain.Errors;

/// <summary>The requested status change is not allowed from the current status (FAILED_PRECONDITION).</summary>
public sealed class IllegalTransitionException(string message)
    : DomainException(DomainErrorKind.FailedPrecondition, message);
