namespace CustomerNeeds.Domain.Errors;

/// <summary>A merge the customers' states do not allow, e.g. into a customer that was itself merged (FAILED_PRECONDITION).</summary>
public sealed class MergeRefusedException(string message)
    : DomainException(DomainErrorKind.FailedPrecondition, message);
