using System.Net.Sockets;
using CustomerNeeds.Abstractions.Errors;
using CustomerNeeds.Storage;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Npgsql;
using Orleans.Runtime;

namespace CustomerNeeds.Server.Grpc;

/// <summary>The one table from failures to gRPC statuses.</summary>
internal static class StatusMapping
{
    private const string InternalMessage = "Internal error.";

    public static RpcException ToRpcException(Exception ex, bool callCancelled) => ex switch
    {
        CustomerOperationException op => FromOperation(op),
        CustomerConcurrencyConflictException => Plain(StatusCode.Aborted, "A concurrent write to this customer won; reread and retry."),
        OperationCanceledException when callCancelled => Cancelled(),
        NpgsqlException or SocketException or TimeoutException or OperationCanceledException
            or SiloUnavailableException or OrleansMessageRejectionException
            => Unavailable(),
        // E.g. a grain that cannot activate because its snapshot cannot be read: Orleans wraps the driver's exception.
        _ when CausedByStorage(ex) => Unavailable(),
        _ => Plain(StatusCode.Internal, InternalMessage),
    };

    private static bool CausedByStorage(Exception ex)
    {
        for (var inner = ex.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is NpgsqlException or SocketException or TimeoutException)
            {
                return true;
            }
        }

        return false;
    }

    private static RpcException Unavailable() => Plain(StatusCode.Unavailable, "Storage or cluster is unavailable; nothing was changed. Retry.");

    /// <summary>
    /// <see cref="ToRpcException(Exception, bool)"/> for a failure inside <paramref name="context"/>,
    /// logged: an unexpected failure as an error (the caller only sees "Internal error."), a storage
    /// outage as a warning. An <see cref="RpcException"/> is already a status and is returned as it is.
    /// </summary>
    public static RpcException ToRpcException(Exception ex, ServerCallContext context, ILogger logger)
    {
        if (ex is RpcException rpc)
        {
            return rpc;
        }

        var mapped = ToRpcException(ex, context.CancellationToken.IsCancellationRequested);
        if (mapped.StatusCode == StatusCode.Internal)
        {
            logger.LogError(ex, "Unexpected failure in {Method}", context.Method);
        }
        else if (mapped.StatusCode == StatusCode.Unavailable)
        {
            logger.LogWarning(ex, "Storage unavailable in {Method}", context.Method);
        }

        return mapped;
    }

    /// <summary>
    /// The google.rpc.Status of a mapped failure: the one it carries in its trailers (with its
    /// details, e.g. google.rpc.BadRequest), else its code and message. Never OK or UNKNOWN: those
    /// become INTERNAL.
    /// </summary>
    public static Google.Rpc.Status ToRpcStatus(RpcException ex)
    {
        if (ex.StatusCode is StatusCode.OK or StatusCode.Unknown)
        {
            return new Google.Rpc.Status { Code = (int)Code.Internal, Message = InternalMessage };
        }

        return ex.GetRpcStatus() ?? new Google.Rpc.Status { Code = (int)ex.StatusCode, Message = ex.Status.Detail };
    }

    /// <summary>CANCELLED: the caller cancelled the call (or went away).</summary>
    public static RpcException Cancelled() => Plain(StatusCode.Cancelled, "The call was cancelled.");

    private static RpcException FromOperation(CustomerOperationException op)
    {
        var code = op.Code switch
        {
            CustomerErrorCode.InvalidArgument => Code.InvalidArgument,
            CustomerErrorCode.NotFound => Code.NotFound,
            CustomerErrorCode.AlreadyExists => Code.AlreadyExists,
            CustomerErrorCode.FailedPrecondition => Code.FailedPrecondition,
            CustomerErrorCode.Aborted => Code.Aborted,
            CustomerErrorCode.ResourceExhausted => Code.ResourceExhausted,
            CustomerErrorCode.Unavailable => Code.Unavailable,
            CustomerErrorCode.DeadlineExceeded => Code.DeadlineExceeded,
            _ => Code.Internal,
        };
        var status = new Google.Rpc.Status { Code = (int)code, Message = op.Message };
        if (op.Violations.Count > 0)
        {
            var badRequest = new BadRequest();
            foreach (var violation in op.Violations)
            {
                badRequest.FieldViolations.Add(new BadRequest.Types.FieldViolation { Field = violation.Field, Description = violation.Description });
            }

            status.Details.Add(Any.Pack(badRequest));
        }

        if (op.Reason is { } reason)
        {
            status.Details.Add(Any.Pack(new ErrorInfo { Reason = reason, Domain = CustomerErasedErrors.Domain }));
        }

        return status.ToRpcException();
    }

    private static RpcException Plain(StatusCode code, string message) => new(new global::Grpc.Core.Status(code, message));
}
