using CustomerNeeds.Abstractions;
using CustomerNeeds.Domain.Customers;
using CustomerNeeds.Server.Validation;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace CustomerNeeds.Server.Security;

/// <summary>
/// The part of access control that needs the request message (docs/security.md): refuses a call whose
/// deadline has already passed, hands the deadline to the grain calls, records the resource the call names,
/// checks that a channel key serves the customer, and masks personal fields for callers without
/// <c>personal.read</c>. The caller and the matrix decision come from <see cref="AccessMiddleware"/>.
/// </summary>
internal sealed class AccessInterceptor(ServedCustomers served, CallerLimits limits, CallAudit audit, CustomerPolicy policy, TimeProvider time) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        var decision = await AdmitAsync(request, context);
        var response = await continuation(request, context);
        if (decision?.Masked == true && response is IMessage message)
        {
            PersonalDataMask.Apply(message);
        }

        return response;
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        var decision = await AdmitAsync(request, context);
        var writer = decision?.Masked == true ? new MaskingStreamWriter<TResponse>(responseStream) : responseStream;
        await continuation(request, writer, context);
    }

    public override Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        AdmitDeadline(context);
        return continuation(requestStream, context);
    }

    public override Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        AdmitDeadline(context);
        if (StreamItemAccess.Applies<TRequest>() && context.GetHttpContext().Features.Get<Caller>() is { } caller)
        {
            var items = new StreamItemAccess(caller, context.Method, limits, audit);
            return continuation(items.Reader(requestStream), items.Writer(responseStream), context);
        }

        return continuation(requestStream, responseStream, context);
    }

    private async Task<AccessDecision?> AdmitAsync<TRequest>(TRequest request, ServerCallContext context)
    {
        AdmitDeadline(context);
        var http = context.GetHttpContext();
        var resource = request is IMessage message ? RequestResource.Of(message) : "";
        RequestResource.Set(http, resource);
        if (request is IMessage checkedMessage)
        {
            var violations = new FieldViolations(policy, time);
            NulCharacters.Check(violations, checkedMessage);
            violations.ThrowIfAny(context.Method[(context.Method.LastIndexOf('/') + 1)..]);
        }

        var decision = http.Features.Get<AccessDecision>();
        if (decision is { Masked: true } && request is IMessage searched)
        {
            PersonalSearchGuard.Demand(searched);
        }

        if (decision is { ServedOnly: true })
        {
            await served.DemandAsync(context.GetCaller(), resource, context.CancellationToken);
        }

        return decision;
    }

    /// <summary>DEADLINE_EXCEEDED when the deadline has passed already; else the grain calls of this request carry it.</summary>
    private void AdmitDeadline(ServerCallContext context)
    {
        if (context.Deadline == DateTime.MaxValue)
        {
            return;
        }

        var deadline = new DateTimeOffset(DateTime.SpecifyKind(context.Deadline, DateTimeKind.Utc));
        if (deadline <= time.GetUtcNow())
        {
            throw new RpcException(new Status(StatusCode.DeadlineExceeded, "The call's deadline had passed when it arrived; nothing was done."));
        }

        CallDeadline.Set(deadline);
    }

    private sealed class MaskingStreamWriter<T>(IServerStreamWriter<T> inner) : IServerStreamWriter<T>
    {
        public WriteOptions? WriteOptions
        {
            get => inner.WriteOptions;
            set => inner.WriteOptions = value;
        }

        public Task WriteAsync(T message)
        {
            if (message is IMessage m)
            {
                PersonalDataMask.Apply(m);
            }

            return inner.WriteAsync(message);
        }
    }
}
