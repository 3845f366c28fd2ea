namespace CustomerNeeds.Domain.Errors;

/// <summary>The category of a domain refusal; each maps to exactly one gRPC status.</summary>
public enum DomainErrorKind
{
    /// <summary>The input breaks a domain rule (INVALID_ARGUMENT).</summary>
    InvalidArgument = 1,

    /// <summary>The customer or one of its children does not exist (NOT_FOUND).</summary>
    NotFound = 2,

    /// <summary>The customer, need or interaction id is taken (ALREADY_EXISTS).</summary>
    AlreadyExists = 3,

    /// <summary>The state does not allow the change, e.g. an illegal transition (FAILED_PRECONDITION).</summary>
    FailedPrecondition = 4,

    /// <summary>The caller's etag is stale (ABORTED).</summary>
    Aborted = 5,

    /// <summary>A per-customer limit is reached (RESOURCE_EXHAUSTED).</summary>
    ResourceExhausted = 6,
}
