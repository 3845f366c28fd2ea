using CustomerNeeds.Abstractions.Errors;
using CustomerNeeds.Domain.Customers;
using CustomerNeeds.Search.Customers;
using CustomerNeeds.Server.Hosting;
using CustomerNeeds.Server.Mapping;
using CustomerNeeds.Server.Services.Search;
using CustomerNeeds.Server.Validation;
using CustomerNeeds.Storage.ReadModel;
using CustomerNeeds.Storage.Segments;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Contract = CustomerNeeds.Api.V1;

namespace CustomerNeeds.Server.Services;

/// <summary>SegmentService: validate, map, read or write the segments table and the read model, map back.</summary>
public sealed class SegmentApi(
    CustomerPolicy policy, TimeProvider time, ReadModelStorage readModel, CustomerFilterChecker checker, SegmentFilters segmentFilters, CustomerPageReader pages)
    : Contract.SegmentService.SegmentServiceBase
{
    public override async Task<Contract.Segment> CreateSegment(Contract.CreateSegmentRequest request, ServerCallContext context)
    {
        var store = new PostgresSegmentStore(readModel.Require("CreateSegment"));
        var v = new FieldViolations(policy, time);
        SegmentValidation.CheckCreate(v, checker, request);
        v.ThrowIfAny("CreateSegment");

        var segment = request.Segment;
        var created = await store.CreateAsync(
            request.SegmentId, segment.DisplayName, segment.Description, segment.Filter, time.GetUtcNow().UtcDateTime, context.CancellationToken)
            ?? throw new CustomerOperationException(CustomerErrorCode.AlreadyExists, $"Segment '{request.SegmentId}' already exists.");
        return SegmentMapper.ToProto(created);
    }

    public override async Task<Contract.Segment> GetSegment(Contract.GetSegmentRequest request, ServerCallContext context)
    {
        var store = new PostgresSegmentStore(readModel.Require("GetSegment"));
        var v = new FieldViolations(policy, time);
        var id = SegmentName.Parse(v, "name", request.Name);
        v.ThrowIfAny("GetSegment");

        return SegmentMapper.ToProto(await SegmentFilters.FindAsync(store, id, context.CancellationToken));
    }

    public override async Task<Contract.ListSegmentsResponse> ListSegments(Contract.ListSegmentsRequest request, ServerCallContext context)
    {
        var store = new PostgresSegmentStore(readModel.Require("ListSegments"));
        var v = new FieldViolations(policy, time);
        var pageSize = v.PageSize(request.PageSize);
        var fingerprint = PageToken.FingerprintOf("ListSegments");
        var token = PageToken.Decode(v, request.PageToken, fingerprint);
        if (token is not null && token.Id is null)
        {
            v.Add("page_token", "is not a page token of ListSegments");
        }

        v.ThrowIfAny("ListSegments");

        var page = await store.ListAsync(token?.Id, pageSize, context.CancellationToken);
        var response = new Contract.ListSegmentsResponse
        {
            NextPageToken = page.NextAfterId is { } next ? new PageToken { Fingerprint = fingerprint, Id = next }.Encode() : "",
        };
        response.Segments.AddRange(page.Segments.Select(SegmentMapper.ToProto));
        return response;
    }

    public override async Task<Contract.Segment> UpdateSegment(Contract.UpdateSegmentRequest request, ServerCallContext context)
    {
        var store = new PostgresSegmentStore(readModel.Require("UpdateSegment"));
        var v = new FieldViolations(policy, time);
        var (id, paths, etag) = SegmentValidation.CheckUpdate(v, checker, request);
        v.ThrowIfAny("UpdateSegment");

        var segment = request.Segment;
        var changes = new SegmentChanges(
            paths.Contains("display_name") ? segment.DisplayName : null,
            paths.Contains("description") ? segment.Description : null,
            paths.Contains("filter") ? segment.Filter : null);
        var (outcome, updated) = await store.UpdateAsync(id, changes, etag, time.GetUtcNow().UtcDateTime, context.CancellationToken);
        ThrowIfRefused(outcome, id, etag);
        return SegmentMapper.ToProto(updated!);
    }

    public override async Task<Empty> DeleteSegment(Contract.DeleteSegmentRequest request, ServerCallContext context)
    {
        var store = new PostgresSegmentStore(readModel.Require("DeleteSegment"));
        var v = new FieldViolations(policy, time);
        var id = SegmentName.Parse(v, "name", request.Name);
        var etag = SegmentValidation.Etag(v, "etag", request.Etag);
        v.ThrowIfAny("DeleteSegment");

        ThrowIfRefused(await store.DeleteAsync(id, etag, context.CancellationToken), id, etag);
        return new Empty();
    }

    public override async Task<Contract.ListSegmentMembersResponse> ListSegmentMembers(Contract.ListSegmentMembersRequest request, ServerCallContext context)
    {
        var store = new PostgresSegmentStore(readModel.Require("ListSegmentMembers"));
        var search = new PostgresCustomerSearch(readModel.Require("ListSegmentMembers"));
        var v = new FieldViolations(policy, time);
        var id = SegmentName.Parse(v, "segment", request.Segment);
        // Everything but the token first, so that a bad request is INVALID_ARGUMENT whether or not the segment exists.
        SearchValidation.Paging(v, "", null, request.OrderBy, request.PageSize, pageToken: null, request.View, request.IncludeTotalSize);
        v.ThrowIfAny("ListSegmentMembers");

        var (segment, filter) = await segmentFilters.ResolveAsync(store, id, context.CancellationToken);
        var (query, fingerprint) = SearchValidation.Paging(
            v, $"ListSegmentMembers\u001f{id}\u001f{segment.Filter}", filter, request.OrderBy, request.PageSize, request.PageToken, request.View, request.IncludeTotalSize);
        v.ThrowIfAny("ListSegmentMembers");

        return await pages.ReadAsync<Contract.ListSegmentMembersResponse>(search, query, request.View, fingerprint, context.CancellationToken);
    }

    public override async Task<Contract.CheckSegmentMembershipResponse> CheckSegmentMembership(
        Contract.CheckSegmentMembershipRequest request, ServerCallContext context)
    {
        var store = new PostgresSegmentStore(readModel.Require("CheckSegmentMembership"));
        var search = new PostgresCustomerSearch(readModel.Require("CheckSegmentMembership"));
        var v = new FieldViolations(policy, time);
        var id = SegmentName.Parse(v, "segment", request.Segment);
        var customerId = ResourceName.Customer(v, "customer", request.Customer);
        v.ThrowIfAny("CheckSegmentMembership");

        var (_, filter) = await segmentFilters.ResolveAsync(store, id, context.CancellationToken);
        var member = await search.MatchesAsync(customerId, filter, context.CancellationToken)
            ?? throw new CustomerOperationException(CustomerErrorCode.NotFound, $"Customer '{customerId}' not found.");
        return new Contract.CheckSegmentMembershipResponse { IsMember = member };
    }

    private static void ThrowIfRefused(SegmentWriteOutcome outcome, string id, long? etag)
    {
        switch (outcome)
        {
            case SegmentWriteOutcome.Done:
                return;
            case SegmentWriteOutcome.NotFound:
                throw new CustomerOperationException(CustomerErrorCode.NotFound, $"Segment '{id}' not found.");
            case SegmentWriteOutcome.EtagMismatch:
                throw new CustomerOperationException(CustomerErrorCode.Aborted, $"Segment '{id}' has changed: etag {etag} is stale; reread and retry.");
            default:
                throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "unknown outcome");
        }
    }
}
