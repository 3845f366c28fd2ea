using Grpc.Core;
using Grpc.Core.Interceptors;

namespace CustomerNeeds.Client;

/// <summary>
/// Gives every call the channel's defaults before it starts: wait-for-ready, and a deadline for a unary call
/// that has none. A deadline or flag the caller set is kept.
/// </summary>
internal sealed class CallDefaults(TimeSpan? unaryDeadline, bool waitForReady) : Interceptor
{
    public override TResponse BlockingUnaryCall<TRequest, TResponse>(TRequest request, ClientInterceptorContext<TRequest, TResponse> context, BlockingUnaryCallContinuation<TRequest, TResponse> continuation) =>
        continuation(request, With(context, unary: true));

    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation) =>
        continuation(request, With(context, unary: true));

    public override AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncServerStreamingCallContinuation<TRequest, TResponse> continuation) =>
        continuation(request, With(context, unary: false));

    public override AsyncClientStreamingCall<TRequest, TResponse> AsyncClientStreamingCall<TRequest, TResponse>(ClientInterceptorContext<TRequest, TResponse> context, AsyncClientStreamingCallContinuation<TRequest, TResponse> continuation) =>
        continuation(With(context, unary: false));

    public override AsyncDuplexStreamingCall<TRequest, TResponse> AsyncDuplexStreamingCall<TRequest, TResponse>(ClientInterceptorContext<TRequest, TResponse> context, AsyncDuplexStreamingCallContinuation<TRequest, TResponse> continuation) =>
        continuation(With(context, unary: false));

    private ClientInterceptorContext<TRequest, TResponse> With<TRequest, TResponse>(ClientInterceptorContext<TRequest, TResponse> context, bool unary)
        where TRequest : class
        where TResponse : class
    {
        var options = context.Options;
        var changed = false;
        if (unary && unaryDeadline is { } deadline && options.Deadline is null)
        {
            options = options.WithDeadline(DateTime.UtcNow + deadline);
            changed = true;
        }

        // CallOptions cannot tell "not set" from false: an explicit false is overridden by the channel default.
        if (waitForReady && !options.IsWaitForReady)
        {
            options = options.WithWaitForReady(true);
            changed = true;
        }

        return changed ? new ClientInterceptorContext<TRequest, TResponse>(context.Method, context.Host, options) : context;
    }
}
