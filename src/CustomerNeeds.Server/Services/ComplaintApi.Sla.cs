using System.Text.Json;
using CustomerNeeds.Domain.Complaints;
using CustomerNeeds.Server.Mapping;
using CustomerNeeds.Server.Validation;
using CustomerNeeds.Storage.ComplaintSla;
using Grpc.Core;
using Contract = CustomerNeeds.Api.V1;

namespace CustomerNeeds.Server.Services;

/// <summary>ListBreaches and ListDueFollowUps: across customers, from the read model (docs/complaint-slas.md).</summary>
public sealed partial class ComplaintApi
{
    public override async Task<Contract.ListBreachesResponse> ListBreaches(Contract.ListBreachesRequest request, ServerCallContext context)
    {
        var v = new FieldViolations(policy, time);
        var query = ComplaintSlaValidation.Breaches(v, request, out var fingerprint);
        v.ThrowIfAny("ListBreaches");

        var reader = new PostgresComplaintSlaReader(readModel.Require("ListBreaches"));
        var page = await reader.ListBreachesAsync(query, context.CancellationToken);

        var response = new Contract.ListBreachesResponse
        {
            NextPageToken = page.Next is { } next ? ComplaintSlaValidation.Token(fingerprint, next) : "",
        };
        foreach (var row in page.Breaches)
        {
            var complaint = Case(row.PayloadJson, row.ComplaintId);
            var target = (SlaTarget)row.Target;
            response.Breaches.Add(new Contract.SlaBreach
            {
                Complaint = ComplaintMapper.ToProto(row.CustomerId, complaint),
                Target = target == SlaTarget.FirstResponse ? Contract.SlaTarget.FirstResponse : Contract.SlaTarget.Resolution,
                Deadline = TimeMapper.ToProto(target == SlaTarget.FirstResponse ? complaint.ResponseDeadline : complaint.ResolutionDeadline),
                DetectTime = TimeMapper.ToProto(row.DetectedAt),
            });
        }

        return response;
    }

    public override async Task<Contract.ListDueFollowUpsResponse> ListDueFollowUps(Contract.ListDueFollowUpsRequest request, ServerCallContext context)
    {
        var v = new FieldViolations(policy, time);
        var query = ComplaintSlaValidation.DueFollowUps(v, request, out var fingerprint);
        v.ThrowIfAny("ListDueFollowUps");

        var reader = new PostgresComplaintSlaReader(readModel.Require("ListDueFollowUps"));
        var page = await reader.ListDueFollowUpsAsync(query, context.CancellationToken);

        var response = new Contract.ListDueFollowUpsResponse
        {
            NextPageToken = page.Next is { } next ? ComplaintSlaValidation.Token(fingerprint, next) : "",
        };
        response.Complaints.AddRange(page.Complaints.Select(row => ComplaintMapper.ToProto(row.CustomerId, Case(row.PayloadJson, row.ComplaintId))));
        return response;
    }

    private static ComplaintCase Case(string payloadJson, string complaintId) =>
        JsonSerializer.Deserialize<ComplaintCase>(payloadJson)
        ?? throw new InvalidOperationException($"Complaint row {complaintId} has an empty payload.");
}
