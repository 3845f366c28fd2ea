using Grpc.Core;

namespace CustomerNeeds.Server.Auditing;

/// <summary>Lets a handler add a detail to its call's audit event (e.g. an erasure's reason).</summary>
public static class AuditDetail
{
    private const string Key = "customerneeds.audit.detail";

    public static void Set(ServerCallContext context, string detail) => context.GetHttpContext().Items[Key] = detail;

    public static string Get(HttpContext httpContext) => httpContext.Items.TryGetValue(Key, out var value) && value is string s ? s : "";
}
