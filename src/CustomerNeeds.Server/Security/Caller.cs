namespace CustomerNeeds.Server.Security;

/// <summary>
/// Who is calling, as established by authentication (docs/security.md): an API key or the subject of a
/// JWT bearer token, with the roles it holds. Set on the call's HttpContext by the access middleware.
/// </summary>
/// <param name="Id">The identity as the audit log records it: <c>apiKeys/{id}</c>, <c>jwt:{issuer}#{subject}</c>, <c>anonymous</c> or <c>system</c>.</param>
/// <param name="Kind">How the caller was authenticated.</param>
/// <param name="Roles">The caller's roles (<see cref="Role"/> names).</param>
/// <param name="System">For a key with the channel role: the system it integrates (its key in <c>Customer.external_ids</c>); otherwise null.</param>
public sealed record Caller(string Id, CallerKind Kind, IReadOnlySet<string> Roles, string? System)
{
    /// <summary>A caller that presented no valid credential.</summary>
    public static Caller Anonymous { get; } = new("anonymous", CallerKind.Anonymous, new HashSet<string>(StringComparer.Ordinal), null);

    /// <summary>The service itself (scheduled jobs such as the retention sweep).</summary>
    public static Caller ServiceItself { get; } = new("system", CallerKind.ServiceItself, new HashSet<string>(StringComparer.Ordinal), null);
}
