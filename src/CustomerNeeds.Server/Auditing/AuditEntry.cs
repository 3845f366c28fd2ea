namespace CustomerNeeds.Server.Auditing;

/// <summary>One audited call, as the access middleware hands it to the <see cref="IAuditTrail"/> (docs/security.md, "Audit log").</summary>
/// <param name="Time">When the call ended.</param>
/// <param name="Caller">The caller's identity (<see cref="Security.Caller.Id"/>).</param>
/// <param name="Roles">The caller's roles.</param>
/// <param name="Method">The full gRPC method, e.g. <c>/customerneeds.v1.CustomerService/UpdateCustomer</c>.</param>
/// <param name="Resource">The resource the call named, with the customer id already replaced by its hash (<see cref="AuditResource"/>); empty if none.</param>
/// <param name="CustomerHash">The hash of the customer id the call named; empty if none.</param>
/// <param name="Outcome">The gRPC status code name, e.g. <c>OK</c>.</param>
/// <param name="Detail">An erasure's reason, or a refused call's status message; empty otherwise.</param>
public sealed record AuditEntry(
    DateTimeOffset Time,
    string Caller,
    IReadOnlyList<string> Roles,
    string Method,
    string Resource,
    string CustomerHash,
    string Outcome,
    string Detail);
