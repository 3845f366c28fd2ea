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
    public static RpcException ToRpcException(Exception ex, bool callCancelled) => ex switch
    {
        CustomerOperationException op => FromOperation(op),
        CustomerConcurrencyConflictException => Plain(StatusCode.Aborted, "A concurrent write to this customer won; reread and retry."),
        OperationCanceledException when callCancelled => Plain(StatusCode.Cancelled, "The call was cancelled."),
        NpgsqlException or SocketException or TimeoutException or OperationCanceledException
            or SiloUnavailableException or OrleansMessageRejectionException
            => Unavailable(),
        // E.g. a grain that cannot activate because its snapshot cannot be read: Orleans wraps the driver's exception.
        _ when CausedByStorage(ex) => Unavailable(),
        _ => Plain(StatusCode.Internal, "Internal error."),
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

        return status.ToRpcException();
    }

    private static RpcException Plain(StatusCode code, string message) => new(new global::Grpc.Core.Status(code, message));
}
