using CustomerNeeds.Abstractions.Errors;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace CustomerNeeds.Server.Grpc;

/// <summary>
/// Turns every failure of a unary or server-streaming call into an exact gRPC status (see
/// <see cref="StatusMapping"/>); no call ends with UNKNOWN. StreamInteractions maps its failures itself, per item and for the
/// stream (<see cref="Services.Streaming.InteractionStream"/>).
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
            throw StatusMapping.ToRpcException(ex, context, logger);
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (Exception ex) when (ex is not RpcException)
        {
            throw StatusMapping.ToRpcException(ex, context, logger);
        }
    }
}
