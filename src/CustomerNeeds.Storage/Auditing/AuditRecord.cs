namespace CustomerNeeds.Storage.Auditing;

/// <summary>One row of <c>audit_events</c> (docs/audit-log.md): an audited call, with its customer already replaced by a hash.</summary>
/// <param name="Time">When the call ended.</param>
/// <param name="Caller">Who called (<c>apiKeys/{key}</c>, <c>jwt:{issuer}#{subject}</c>, <c>anonymous</c>, <c>system</c>).</param>
/// <param name="Roles">The caller's roles.</param>
/// <param name="Method">The full gRPC method.</param>
/// <param name="Resource">The resource, customer id replaced by its hash; empty if none.</param>
/// <param name="CustomerHash">The SHA-256 hex of the customer id; empty if none.</param>
/// <param name="Outcome">The gRPC status code name, e.g. <c>OK</c>.</param>
/// <param name="Detail">An erasure's reason or a refused call's message; empty otherwise.</param>
public sealed record AuditRecord(
    DateTimeOffset Time,
    string Caller,
    IReadOnlyList<string> Roles,
    string Method,
    string Resource,
    string CustomerHash,
    string Outcome,
    string Detail);
