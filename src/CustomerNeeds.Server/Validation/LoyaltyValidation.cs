using Contract = CustomerNeeds.Api.V1;

namespace CustomerNeeds.Server.Validation;

/// <summary>The rules of loyalty_service.proto for incoming requests.</summary>
public static class LoyaltyValidation
{
    /// <summary>SetTierFloorRequest; returns the customer id from name.</summary>
    public static string CheckSetTierFloor(FieldViolations v, Contract.SetTierFloorRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var customerId = ResourceName.Loyalty(v, "name", request.Name);
        if (request.Tier.Length > 0 && !v.Policy.Tiers.Contains(request.Tier))
        {
            v.Add("tier", $"must be empty (clear the floor) or a configured tier: {string.Join(", ", v.Policy.Tiers.Tiers.Select(t => t.Name))}");
        }

        v.Required("reason", request.Reason, NeedValidation.MaxReasonLength);
        v.Required("actor", request.Actor, NeedValidation.MaxActorLength);
        return customerId;
    }
}
