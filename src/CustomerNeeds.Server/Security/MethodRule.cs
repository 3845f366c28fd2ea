namespace CustomerNeeds.Server.Security;

/// <summary>One row of the matrix: the scope a method needs and when its calls are audited.</summary>
/// <param name="Scope">The one scope the method needs (<see cref="Security.Scope"/>).</param>
/// <param name="Audit">When its calls are audited.</param>
/// <param name="Streaming">Whether the method streams (counts against the caller's concurrent streams).</param>
public sealed record MethodRule(string Scope, AuditKind Audit, bool Streaming = false);
