using CustomerNeeds.Domain.Customers;
using CustomerNeeds.Server.Hosting;
using CustomerNeeds.Server.Mapping;
using CustomerNeeds.Server.Validation;
using CustomerNeeds.Storage.Auditing;
using Grpc.Core;
using Contract = CustomerNeeds.Api.V1;

namespace CustomerNeeds.Server.Services;

/// <summary>AuditService: reads the audit log from PostgreSQL (docs/audit-log.md); FAILED_PRECONDITION in memory.</summary>
public sealed class AuditApi(CustomerPolicy policy, TimeProvider time, ReadModelStorage storage) : Contract.AuditService.AuditServiceBase
{
    public override async Task<Contract.ListAuditEventsResponse> ListAuditEvents(Contract.ListAuditEventsRequest request, ServerCallContext context)
    {
        var v = new FieldViolations(policy, time);
        var query = AuditValidation.Query(v, request, out var fingerprint);
        v.ThrowIfAny("ListAuditEvents");

        var log = new PostgresAuditLog(storage.Require("ListAuditEvents"));
        var page = await log.ListAsync(query, context.CancellationToken);

        var response = new Contract.ListAuditEventsResponse
        {
            NextPageToken = page.NextBeforeSequence is { } next ? AuditValidation.Token(fingerprint, next) : "",
        };
        response.AuditEvents.AddRange(page.Records.Select(AuditMapper.ToProto));
        return response;
    }
}
