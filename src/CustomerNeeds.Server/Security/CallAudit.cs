using System.Globalization;
using CustomerNeeds.Server.Auditing;
using Grpc.Core;

namespace CustomerNeeds.Server.Security;

/// <summary>Turns an audited call into an <see cref="AuditEntry"/> (customer id pseudonymised) for the <see cref="IAuditTrail"/>, if one is registered.</summary>
public sealed class CallAudit(TimeProvider time, ILogger<CallAudit> logger, IServiceProvider services)
{
    private readonly IAuditTrail? trail = services.GetService<IAuditTrail>();

    /// <summary>False while the trail's queue is full: audited calls are then refused before they run.</summary>
    public bool IsAccepting => trail is not { IsAccepting: false };

    public void Record(Caller caller, string method, string resource, StatusCode code, string detail)
    {
        if (trail is null)
        {
            return;
        }

        var (pseudonymised, customerHash) = AuditResource.Pseudonymise(resource);
        if (RequestResource.CustomerIdOf(resource) is { Length: > 0 } customerId)
        {
            // The log never holds a customer id, not even quoted in a message.
            detail = detail.Replace(customerId, "#" + customerHash, StringComparison.Ordinal);
        }

        var entry = new AuditEntry(
            time.GetUtcNow(),
            AuditText.Clean(caller.Id, 256),
            caller.Roles.Order(StringComparer.Ordinal).ToList(),
            AuditText.Clean(method, 256),
            AuditText.Clean(pseudonymised, 512),
            customerHash,
            OutcomeName(code),
            AuditText.Clean(detail, 1024));
        if (!trail.TryRecord(entry))
        {
            logger.LogError("The audit log is full: the call {Method} of {Caller} ({Outcome}) is not recorded.", method, caller.Id, entry.Outcome);
        }
    }

    /// <summary>The status code name as the audit log records it, e.g. PERMISSION_DENIED.</summary>
    public static string OutcomeName(StatusCode code) => code switch
    {
        StatusCode.OK => "OK",
        StatusCode.Cancelled => "CANCELLED",
        StatusCode.Unknown => "UNKNOWN",
        StatusCode.InvalidArgument => "INVALID_ARGUMENT",
        StatusCode.DeadlineExceeded => "DEADLINE_EXCEEDED",
        StatusCode.NotFound => "NOT_FOUND",
        StatusCode.AlreadyExists => "ALREADY_EXISTS",
        StatusCode.PermissionDenied => "PERMISSION_DENIED",
        StatusCode.ResourceExhausted => "RESOURCE_EXHAUSTED",
        StatusCode.FailedPrecondition => "FAILED_PRECONDITION",
        StatusCode.Aborted => "ABORTED",
        StatusCode.OutOfRange => "OUT_OF_RANGE",
        StatusCode.Unimplemented => "UNIMPLEMENTED",
        StatusCode.Internal => "INTERNAL",
        StatusCode.Unavailable => "UNAVAILABLE",
        StatusCode.DataLoss => "DATA_LOSS",
        StatusCode.Unauthenticated => "UNAUTHENTICATED",
        _ => ((int)code).ToString(CultureInfo.InvariantCulture),
    };
}
