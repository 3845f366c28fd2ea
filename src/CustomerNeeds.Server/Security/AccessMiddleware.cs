using System.Globalization;
using CustomerNeeds.Server.Auditing;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.AspNetCore.Server;
using Grpc.Core;
using Microsoft.AspNetCore.Http.Features;

namespace CustomerNeeds.Server.Security;

/// <summary>
/// In front of every gRPC call, before its message is read (docs/security.md): authenticates the caller,
/// decides the method with the <see cref="AccessMatrix"/>, takes a permit of the caller's rate limit and a
/// stream slot, and afterwards hands the call to the audit trail with its outcome. Health answers without a
/// credential; reflection needs any valid one.
/// </summary>
internal sealed class AccessMiddleware(
    RequestDelegate next,
    CallerAuthentication authentication,
    CallerLimits limits,
    CallAudit audit,
    ILogger<AccessMiddleware> logger)
{
    private const string HealthPrefix = "/grpc.health.v1.Health/";
    private const string ReflectionPrefix = "/grpc.reflection.";

    /// <summary>The trailer in which gRPC clients' retry policies take the server's wait before the next attempt.</summary>
    internal const string RetryPushbackHeader = "grpc-retry-pushback-ms";

    public async Task InvokeAsync(HttpContext context)
    {
        var method = context.Request.Path.Value ?? "";
        if (!IsGrpc(context) || method.StartsWith(HealthPrefix, StringComparison.Ordinal) || context.GetEndpoint()?.Metadata.GetMetadata<GrpcMethodMetadata>() is null)
        {
            // Not a call of a mapped gRPC method (grpc-dotnet answers an unknown one UNIMPLEMENTED).
            await next(context);
            return;
        }

        var (caller, failure) = await authentication.AuthenticateAsync(context.Request, context.RequestAborted);
        if (caller is null)
        {
            await RefuseAsync(context, Caller.Anonymous, method, StatusCode.Unauthenticated, failure!);
            return;
        }

        context.Features.Set(caller);
        if (method.StartsWith(ReflectionPrefix, StringComparison.Ordinal))
        {
            await next(context);
            return;
        }

        var decision = AccessMatrix.Decide(caller, method);
        if (!decision.IsAllowed)
        {
            await RefuseAsync(context, caller, method, StatusCode.PermissionDenied, decision.Refusal!);
            return;
        }

        var rule = decision.Rule!;
        if (rule.Audit != AuditKind.RefusalsOnly && !audit.IsAccepting)
        {
            await GrpcRefusal.WriteAsync(context, StatusCode.Unavailable, "The audit log is behind; nothing was done. Retry.");
            return;
        }

        if (limits.TryTake(caller) is { } retryAfter)
        {
            await RefuseRateAsync(context, caller, method, retryAfter);
            return;
        }

        if (rule.Streaming && !limits.TryOpenStream(caller))
        {
            var message = $"The caller holds {limits.MaxConcurrentStreams.ToString(CultureInfo.InvariantCulture)} open streams already; close one first.";
            await RefuseAsync(context, caller, method, StatusCode.ResourceExhausted, message);
            return;
        }

        context.Features.Set(decision);
        try
        {
            await next(context);
        }
        finally
        {
            if (rule.Streaming)
            {
                limits.CloseStream(caller);
            }

            try
            {
                var (code, detail) = Outcome(context);
                if (ShouldAudit(rule, decision, caller) || IsRefusal(code))
                {
                    Record(context, caller, method, code, detail);
                }
            }
            catch (Exception e)
            {
                // The call has been answered: a failure to record it must not turn into an HTTP 500.
                logger.LogError(e, "The call {Method} of {Caller} could not be handed to the audit log", method, caller.Id);
            }
        }
    }

    private static bool ShouldAudit(MethodRule rule, AccessDecision decision, Caller caller) => rule.Audit switch
    {
        AuditKind.Always => true,
        AuditKind.PersonalDataRead => caller.Kind == CallerKind.Jwt && !decision.Masked,
        _ => false,
    };

    /// <summary>A refusal is audited whatever the method: e.g. a channel key refused for a customer it does not serve.</summary>
    internal static bool IsRefusal(StatusCode code) => code is StatusCode.Unauthenticated or StatusCode.PermissionDenied or StatusCode.ResourceExhausted;

    private static bool IsGrpc(HttpContext context) =>
        context.Request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) == true;

    private Task RefuseRateAsync(HttpContext context, Caller caller, string method, TimeSpan retryAfter)
    {
        var limit = limits.LimitOf(caller);
        // Whole milliseconds, rounded up: a caller that waits this long finds a permit.
        var delayMs = (int)Math.Ceiling(retryAfter.TotalMilliseconds);
        var delayText = delayMs.ToString(CultureInfo.InvariantCulture);
        var message = $"Rate limit exceeded: {limit.PermitsPerSecond.ToString(CultureInfo.InvariantCulture)} calls/s (burst {limit.Burst.ToString(CultureInfo.InvariantCulture)}) for {caller.Id}; retry after {delayText} ms.";
        Record(context, caller, method, StatusCode.ResourceExhausted, message);
        var quota = new QuotaFailure { Violations = { new QuotaFailure.Types.Violation { Subject = caller.Id, Description = message } } };

        // The same delay for gRPC clients' built-in retry (gRPC A6 pushback), which does not read RetryInfo.
        context.Response.Headers[RetryPushbackHeader] = delayText;
        return GrpcRefusal.WriteAsync(context, StatusCode.ResourceExhausted, message, new RetryInfo { RetryDelay = Duration.FromTimeSpan(TimeSpan.FromMilliseconds(delayMs)) }, quota);
    }

    private Task RefuseAsync(HttpContext context, Caller caller, string method, StatusCode code, string message)
    {
        Record(context, caller, method, code, message);
        return GrpcRefusal.WriteAsync(context, code, message);
    }

    private void Record(HttpContext context, Caller caller, string method, StatusCode code, string detail)
    {
        // The detail is an erasure's reason or a refusal's message; other statuses' messages may quote input.
        var extra = AuditDetail.Get(context);
        audit.Record(caller, method, RequestResource.Get(context), code, extra.Length > 0 ? extra : IsRefusal(code) ? detail : "");
    }

    /// <summary>The call's status as written by grpc-dotnet: in the trailers, or in the headers of a trailers-only response.</summary>
    private static (StatusCode Code, string Detail) Outcome(HttpContext context)
    {
        var trailers = context.Features.Get<IHttpResponseTrailersFeature>()?.Trailers;
        var status = trailers is not null && trailers.TryGetValue("grpc-status", out var t) ? t.ToString() : context.Response.Headers["grpc-status"].ToString();
        var message = trailers is not null && trailers.TryGetValue("grpc-message", out var m) ? m.ToString() : context.Response.Headers["grpc-message"].ToString();
        var code = int.TryParse(status, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? (StatusCode)n : StatusCode.Unknown;
        if (context.RequestAborted.IsCancellationRequested && status.Length == 0)
        {
            code = StatusCode.Cancelled;
        }

        return (code, Uri.UnescapeDataString(message));
    }
}
