using CustomerNeeds.Domain.Privacy;
using CustomerNeeds.Server.Mapping;
using CustomerNeeds.Storage.Auditing;
using Contract = CustomerNeeds.Api.V1;

namespace CustomerNeeds.Server.Validation;

/// <summary>Checks and reads a ListAuditEvents request (docs/audit-log.md).</summary>
public static class AuditValidation
{
    /// <summary>Longest caller or method filter.</summary>
    public const int MaxFilterLength = 512;

    /// <summary>The gRPC status code names, as the audit log records outcomes.</summary>
    public static readonly IReadOnlySet<string> Outcomes = new HashSet<string>(StringComparer.Ordinal)
    {
        "OK", "CANCELLED", "UNKNOWN", "INVALID_ARGUMENT", "DEADLINE_EXCEEDED", "NOT_FOUND", "ALREADY_EXISTS",
        "PERMISSION_DENIED", "RESOURCE_EXHAUSTED", "FAILED_PRECONDITION", "ABORTED", "OUT_OF_RANGE",
        "UNIMPLEMENTED", "INTERNAL", "UNAVAILABLE", "DATA_LOSS", "UNAUTHENTICATED",
    };

    /// <summary>The storage query of <paramref name="request"/>; violations are added to <paramref name="v"/>.</summary>
    public static AuditQuery Query(FieldViolations v, Contract.ListAuditEventsRequest request, out string fingerprint)
    {
        var pageSize = v.PageSize(request.PageSize);
        v.MaxLength("caller", request.Caller, MaxFilterLength);
        v.MaxLength("method", request.Method, MaxFilterLength);
        string? customerHash = null;
        if (request.Customer.Length > 0)
        {
            var customerId = ResourceName.Customer(v, "customer", request.Customer);
            customerHash = customerId.Length > 0 ? CustomerHash.Of(customerId) : null;
        }

        if (request.Outcome.Length > 0 && !Outcomes.Contains(request.Outcome))
        {
            v.Add("outcome", "must be a gRPC status code name, e.g. OK, PERMISSION_DENIED or UNAUTHENTICATED");
        }

        var fromOk = v.Timestamp("start_time", request.StartTime, required: false);
        var beforeOk = v.Timestamp("end_time", request.EndTime, required: false);
        var from = fromOk ? TimeMapper.ToDomainOrNull(request.StartTime) : null;
        var before = beforeOk ? TimeMapper.ToDomainOrNull(request.EndTime) : null;
        if (from is not null && before is not null && from > before)
        {
            v.Add("start_time", "must not be after end_time");
        }

        fingerprint = PageToken.FingerprintOf(
            "ListAuditEvents",
            request.Caller,
            request.Method,
            request.Customer,
            request.Outcome,
            request.StartTime?.ToString() ?? "",
            request.EndTime?.ToString() ?? "");
        var token = PageToken.Decode(v, request.PageToken, fingerprint);
        long? beforeSequence = null;
        if (token is not null)
        {
            if (token.Sequence is > 0)
            {
                beforeSequence = token.Sequence;
            }
            else
            {
                v.Add("page_token", "is not a page token of ListAuditEvents");
            }
        }

        return new AuditQuery(
            pageSize,
            Caller: NullIfEmpty(request.Caller),
            Method: NullIfEmpty(request.Method),
            CustomerHash: customerHash,
            Outcome: NullIfEmpty(request.Outcome),
            From: from,
            Before: before,
            BeforeSequence: beforeSequence);
    }

    /// <summary>The page token that continues below <paramref name="sequence"/>.</summary>
    public static string Token(string fingerprint, long sequence) =>
        new PageToken { Fingerprint = fingerprint, Sequence = sequence }.Encode();

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
