using Grpc.Core;

namespace CustomerNeeds.Server.Security;

/// <summary>Reads the authenticated <see cref="Caller"/> of a call.</summary>
public static class CallerAccess
{
    /// <summary>The caller of this call; <see cref="Caller.Anonymous"/> when none was established.</summary>
    public static Caller GetCaller(this ServerCallContext context) =>
        context.GetHttpContext().Features.Get<Caller>() ?? Caller.Anonymous;
}
