namespace CustomerNeeds.Domain.Errors;

/// <summary>
/// A consent change the customer's consents do not allow: revoking a consent that is not granted,
/// or a purpose beyond the most allowed (FAILED_PRECONDITION).
/// </summary>
public sealed class ConsentRefusedException(string message)
    : DomainException(DomainErrorKind.FailedPrecondition, message);
