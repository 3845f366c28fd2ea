namespace CustomerNeeds.Abstractions.Errors;

/// <summary>How calls naming an erased customer are refused (docs/privacy.md).</summary>
public static class CustomerErasedErrors
{
    /// <summary>The google.rpc.ErrorInfo reason of a write refused because the customer was erased.</summary>
    public const string Reason = "CUSTOMER_ERASED";

    /// <summary>The google.rpc.ErrorInfo domain of the service's reasons.</summary>
    public const string Domain = "customerneeds.v1";

    /// <summary>A write (or CreateCustomer) naming an erased customer: FAILED_PRECONDITION with reason CUSTOMER_ERASED.</summary>
    public static CustomerOperationException WriteRefused(string customerId) =>
        new(CustomerErrorCode.FailedPrecondition, $"Customer '{customerId}' was erased; its id cannot be used again.", reason: Reason);

    /// <summary>A read naming an erased customer: NOT_FOUND.</summary>
    public static CustomerOperationException ReadRefused(string customerId) =>
        new(CustomerErrorCode.NotFound, $"Customer '{customerId}' was erased.");
}
