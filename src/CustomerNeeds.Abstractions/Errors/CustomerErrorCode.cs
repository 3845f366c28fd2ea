namespace CustomerNeeds.Abstractions.Errors;

/// <summary>Why a customer operation was refused; each code maps to exactly one gRPC status.</summary>
[GenerateSerializer]
[Alias("customerneeds.CustomerErrorCode")]
public enum CustomerErrorCode
{
    /// <summary>The input breaks a rule (INVALID_ARGUMENT).</summary>
    InvalidArgument = 1,

    /// <summary>The customer or one of its children does not exist (NOT_FOUND).</summary>
    NotFound = 2,

    /// <summary>The customer or interaction id is taken (ALREADY_EXISTS).</summary>
    AlreadyExists = 3,

    /// <summary>The resource is not in a state that allows the change (FAILED_PRECONDITION).</summary>
    FailedPrecondition = 4,

    /// <summary>Stale etag or a concurrent writer won; reread and retry (ABORTED).</summary>
    Aborted = 5,

    /// <summary>A per-customer limit is reached (RESOURCE_EXHAUSTED).</summary>
    ResourceExhausted = 6,

    /// <summary>Storage cannot be reached; nothing was acknowledged; retry (UNAVAILABLE).</summary>
    Unavailable = 7,

    /// <summary>The caller's deadline passed before the write started; nothing was written.</summary>
    DeadlineExceeded = 8,
}
