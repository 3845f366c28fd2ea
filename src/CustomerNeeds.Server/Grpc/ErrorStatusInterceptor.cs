using CustomerNeeds.Abstractions.Errors;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace CustomerNeeds.Server.Grpc;

/// <summary>
/// Turns every failure of a call into an exact gRPC status (see <see cref="StatusMapping"/>);
/// no call ends with UNKNOWN.
/// </summary>
internal sealed class ErrorStatusInterceptor(ILogger<ErrorStatusInterceptor> logger) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (Exception ex) when (ex is not RpcException)
        {
            throw Map(ex, context);
        }
    }

    private RpcException Map(Exception ex, ServerCallContext context)
    {
        var mapped = StatusMapping.ToRpcException(ex, context.CancellationToken.IsCancellationRequested);
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
}
