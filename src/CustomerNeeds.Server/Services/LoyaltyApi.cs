using CustomerNeeds.Abstractions;
using CustomerNeeds.Domain.Customers;
using CustomerNeeds.Domain.Loyalty;
using CustomerNeeds.Server.Mapping;
using CustomerNeeds.Server.Validation;
using Grpc.Core;
using Contract = CustomerNeeds.Api.V1;

namespace CustomerNeeds.Server.Services;

/// <summary>LoyaltyService: validate, map, call the customer grain, map back.</summary>
public sealed class LoyaltyApi(IGrainFactory grains, CustomerPolicy policy, TimeProvider time) : Contract.LoyaltyService.LoyaltyServiceBase
{
    public override async Task<Contract.Loyalty> GetLoyalty(Contract.GetLoyaltyRequest request, ServerCallContext context)
    {
        var v = new FieldViolations(policy, time);
        var customerId = ResourceName.Loyalty(v, "name", request.Name);
        v.ThrowIfAny("GetLoyalty");

        var assessment = await grains.GetGrain<ICustomerGrain>(customerId).GetLoyaltyAsync(context.CancellationToken);
        return LoyaltyMapper.ToProto(customerId, assessment, time.GetUtcNow());
    }

    public override async Task<Contract.Loyalty> SetTierFloor(Contract.SetTierFloorRequest request, ServerCallContext context)
    {
        var v = new FieldViolations(policy, time);
        var customerId = LoyaltyValidation.CheckSetTierFloor(v, request);
        v.ThrowIfAny("SetTierFloor");

        var command = new SetTierFloor(request.Tier.Length > 0 ? request.Tier : null, request.Reason, request.Actor);
        var assessment = await grains.GetGrain<ICustomerGrain>(customerId).SetTierFloorAsync(command, context.CancellationToken);
        return LoyaltyMapper.ToProto(customerId, assessment, time.GetUtcNow());
    }
}
