using CustomerNeeds.Abstractions.Errors;
using CustomerNeeds.Domain.Errors;

namespace CustomerNeeds.Grains;

/// <summary>Turns a domain refusal into the exception that crosses the grain boundary.</summary>
internal static class DomainErrorTranslation
{
    public static CustomerOperationException ToOperationException(this DomainException ex)
    {
        var code = ex.Kind switch
        {
            DomainErrorKind.InvalidArgument => CustomerErrorCode.InvalidArgument,
            DomainErrorKind.NotFound => CustomerErrorCode.NotFound,
            DomainErrorKind.AlreadyExists => CustomerErrorCode.AlreadyExists,
            DomainErrorKind.FailedPrecondition => CustomerErrorCode.FailedPrecondition,
            DomainErrorKind.Aborted => CustomerErrorCode.Aborted,
            DomainErrorKind.ResourceExhausted => CustomerErrorCode.ResourceExhausted,
            _ => throw new InvalidOperationException($"Unmapped domain error kind {ex.Kind}.", ex),
        };
        var violations = ex is DomainValidationException validation
            ? validation.Fields.Select(f => new FieldViolation(f.Field, f.Description)).ToArray()
            : [];
        return new CustomerOperationException(code, ex.Message, violations);
    }
}
