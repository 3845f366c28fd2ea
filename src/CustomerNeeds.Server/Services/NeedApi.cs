using System.Globalization;
using CustomerNeeds.Abstractions;
using CustomerNeeds.Abstractions.Customers;
using CustomerNeeds.Domain.Customers;
using CustomerNeeds.Domain.Needs;
using CustomerNeeds.Server.Mapping;
using CustomerNeeds.Server.Validation;
using Grpc.Core;
using Contract = CustomerNeeds.Api.V1;

namespace CustomerNeeds.Server.Services;

/// <summary>NeedService: validate, map, call the customer grain, map back.</summary>
public sealed class NeedApi(IGrainFactory grains, CustomerPolicy policy, TimeProvider time) : Contract.NeedService.NeedServiceBase
{
    public override async Task<Contract.Need> CreateNeed(Contract.CreateNeedRequest request, ServerCallContext context)
    {
        var v = new FieldViolations(policy, time);
        var (customerId, sourceInteractionId) = NeedValidation.CheckCreate(v, request);
        v.ThrowIfAny("CreateNeed");

        var command = new CreateNeed(
            request.NeedId.Length > 0 ? request.NeedId : null,
            NeedMapper.ToFields(request.Need, sourceInteractionId),
            request.Actor);
        var need = await grains.GetGrain<ICustomerGrain>(customerId).CreateNeedAsync(command, context.CancellationToken);
        return NeedMapper.ToProto(customerId, need);
    }

    public override async Task<Contract.Need> GetNeed(Contract.GetNeedRequest request, ServerCallContext context)
    {
        var v = new FieldViolations(policy, time);
        var (customerId, needId) = ResourceName.Need(v, "name", request.Name);
        v.ThrowIfAny("GetNeed");

        var need = await grains.GetGrain<ICustomerGrain>(customerId).GetNeedAsync(needId, context.CancellationToken);
        return NeedMapper.ToProto(customerId, need);
    }

    public override async Task<Contract.ListNeedsResponse> ListNeeds(Contract.ListNeedsRequest request, ServerCallContext context)
    {
        var v = new FieldViolations(policy, time);
        var customerId = ResourceName.Customer(v, "parent", request.Parent);
        var pageSize = v.PageSize(request.PageSize);
        NeedValidation.CheckFilters(v, request);
        var fingerprint = PageToken.FingerprintOf(
            "ListNeeds",
            request.Parent,
            Join(request.Statuses),
            Join(request.Types_),
            Join(request.Areas),
            Join(request.KanoClasses));
        var token = PageToken.Decode(v, request.PageToken, fingerprint);
        if (token is not null && token.Offset is not >= 0)
        {
            v.Add("page_token", "is not a page token of ListNeeds");
        }

        v.ThrowIfAny("ListNeeds");

        var query = new NeedQuery(
            pageSize,
            token?.Offset ?? 0,
            request.Statuses.Select(EnumMapper.ToDomain).ToArray(),
            request.Types_.Select(EnumMapper.ToDomain).ToArray(),
            request.Areas.Select(EnumMapper.ToDomain).ToArray(),
            request.KanoClasses.Select(EnumMapper.ToDomain).ToArray());
        var page = await grains.GetGrain<ICustomerGrain>(customerId).ListNeedsAsync(query, context.CancellationToken);

        var response = new Contract.ListNeedsResponse
        {
            NextPageToken = page.NextOffset is { } next ? new PageToken { Fingerprint = fingerprint, Offset = next }.Encode() : "",
        };
        response.Needs.AddRange(page.Needs.Select(n => NeedMapper.ToProto(customerId, n)));
        return response;
    }

    public override async Task<Contract.Need> UpdateNeed(Contract.UpdateNeedRequest request, ServerCallContext context)
    {
        var v = new FieldViolations(policy, time);
        var (customerId, needId, paths, sourceInteractionId) = NeedValidation.CheckUpdate(v, request);
        v.ThrowIfAny("UpdateNeed");

        var command = new UpdateNeed(
            needId,
            NeedMapper.ToFields(request.Need, sourceInteractionId, paths),
            paths,
            request.Actor,
            request.Reason,
            request.Need.Etag.Length > 0 ? request.Need.Etag : null);
        var need = await grains.GetGrain<ICustomerGrain>(customerId).UpdateNeedAsync(command, context.CancellationToken);
        return NeedMapper.ToProto(customerId, need);
    }

    private static string Join<TEnum>(IEnumerable<TEnum> values)
        where TEnum : struct, System.Enum =>
        string.Join(",", values.Select(x => Convert.ToInt64(x, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture)));
}
