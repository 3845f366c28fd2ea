using System.Globalization;
using CustomerNeeds.Abstractions;
using CustomerNeeds.Abstractions.Customers;
using CustomerNeeds.Domain;
using CustomerNeeds.Domain.Complaints;
using CustomerNeeds.Domain.Customers;
using CustomerNeeds.Server.Hosting;
using CustomerNeeds.Server.Mapping;
using CustomerNeeds.Server.Validation;
using Grpc.Core;
using Contract = CustomerNeeds.Api.V1;

namespace CustomerNeeds.Server.Services;

/// <summary>ComplaintService: validate, map, call the customer grain, map back.</summary>
public sealed partial class ComplaintApi(IGrainFactory grains, CustomerPolicy policy, TimeProvider time, ReadModelStorage readModel)
    : Contract.ComplaintService.ComplaintServiceBase
{
    public override async Task<Contract.Complaint> GetComplaint(Contract.GetComplaintRequest request, ServerCallContext context)
    {
        var v = new FieldViolations(policy, time);
        var (customerId, complaintId) = ResourceName.Complaint(v, "name", request.Name);
        v.ThrowIfAny("GetComplaint");

        var complaint = await grains.GetGrain<ICustomerGrain>(customerId).GetComplaintAsync(complaintId, context.CancellationToken);
        return ComplaintMapper.ToProto(customerId, complaint);
    }

    public override async Task<Contract.ListComplaintsResponse> ListComplaints(Contract.ListComplaintsRequest request, ServerCallContext context)
    {
        var v = new FieldViolations(policy, time);
        var customerId = ResourceName.Customer(v, "parent", request.Parent);
        var pageSize = v.PageSize(request.PageSize);
        ComplaintValidation.CheckFilters(v, request);
        var fingerprint = PageToken.FingerprintOf(
            "ListComplaints",
            request.Parent,
            string.Join(",", request.Statuses.Select(s => ((int)s).ToString(CultureInfo.InvariantCulture))));
        var token = PageToken.Decode(v, request.PageToken, fingerprint);
        ComplaintPosition? after = null;
        if (token is not null)
        {
            if (token.TimeTicks is { } ticks && ticks >= DateTimeOffset.MinValue.UtcTicks && ticks <= DateTimeOffset.MaxValue.UtcTicks
                && ResourceId.IsValid(token.Id))
            {
                after = new ComplaintPosition(new DateTimeOffset(ticks, TimeSpan.Zero), token.Id!, token.CustomerId);
            }
            else
            {
                v.Add("page_token", "is not a page token of ListComplaints");
            }
        }

        v.ThrowIfAny("ListComplaints");

        var query = new ComplaintQuery(pageSize, request.Statuses.Select(EnumMapper.ToDomain).ToArray(), after);
        var page = await grains.GetGrain<ICustomerGrain>(customerId).ListComplaintsAsync(query, context.CancellationToken);

        var response = new Contract.ListComplaintsResponse
        {
            NextPageToken = page.Next is { } next
                ? new PageToken { Fingerprint = fingerprint, TimeTicks = next.OpenedAt.UtcTicks, Id = next.ComplaintId, CustomerId = next.CustomerId }.Encode()
                : "",
        };
        response.Complaints.AddRange(page.Complaints.Select(k => ComplaintMapper.ToProto(customerId, k)));
        return response;
    }

    public override async Task<Contract.Complaint> TransitionComplaint(Contract.TransitionComplaintRequest request, ServerCallContext context)
    {
        var v = new FieldViolations(policy, time);
        var (customerId, complaintId) = ComplaintValidation.CheckTransition(v, request);
        v.ThrowIfAny("TransitionComplaint");

        var command = new TransitionComplaint(
            complaintId,
            EnumMapper.ToDomain(request.TargetStatus),
            request.Escalate,
            request.Actor,
            request.Note,
            request.HasResponsibleParty ? request.ResponsibleParty : null);
        var complaint = await grains.GetGrain<ICustomerGrain>(customerId).TransitionComplaintAsync(command, context.CancellationToken);
        return ComplaintMapper.ToProto(customerId, complaint);
    }
}
