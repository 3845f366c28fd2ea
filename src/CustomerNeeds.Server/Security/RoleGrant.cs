namespace CustomerNeeds.Server.Security;

/// <summary>A scope a role holds; <paramref name="ServedOnly"/> limits it to customers the caller's system serves.</summary>
public sealed record RoleGrant(string Scope, bool ServedOnly = false);
