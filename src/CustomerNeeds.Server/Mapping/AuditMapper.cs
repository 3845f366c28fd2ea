using CustomerNeeds.Storage.Auditing;
using Contract = CustomerNeeds.Api.V1;

namespace CustomerNeeds.Server.Mapping;

/// <summary>Maps audit rows to the contract's AuditEvent.</summary>
public static class AuditMapper
{
    public static Contract.AuditEvent ToProto(StoredAuditRecord stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var record = stored.Record;
        var proto = new Contract.AuditEvent
        {
            Sequence = stored.Sequence,
            Time = TimeMapper.ToProto(record.Time),
            Caller = record.Caller,
            Method = record.Method,
            Resource = record.Resource,
            CustomerHash = record.CustomerHash,
            Outcome = record.Outcome,
            Detail = record.Detail,
        };
        proto.Roles.AddRange(record.Roles);
        return proto;
    }
}
