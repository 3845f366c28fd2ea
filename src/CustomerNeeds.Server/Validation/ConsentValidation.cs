using CustomerNeeds.Domain.Privacy;
using CustomerNeeds.Server.Mapping;
using Contract = CustomerNeeds.Api.V1;

namespace CustomerNeeds.Server.Validation;

/// <summary>The rules of SetConsentRequest (privacy_service.proto, consent.proto).</summary>
public static class ConsentValidation
{
    /// <summary>Checks the request; returns the customer id from <c>customer</c>.</summary>
    public static string CheckSetConsent(FieldViolations v, Contract.SetConsentRequest request)
    {
        ArgumentNullException.ThrowIfNull(v);
        ArgumentNullException.ThrowIfNull(request);
        var customerId = ResourceName.Customer(v, "customer", request.Customer);
        if (request.Purpose.Length == 0)
        {
            v.Add("purpose", "is required");
        }
        else if (!ConsentPurpose.IsValid(request.Purpose))
        {
            v.Add("purpose", ConsentPurpose.Rule);
        }

        v.Enum("status", request.Status, required: true);
        if (v.Timestamp("decision_time", request.DecisionTime, required: false)
            && request.DecisionTime is { } decided && TimeMapper.ToDomain(decided) > v.Now)
        {
            v.Add("decision_time", "must not be in the future");
        }

        v.MaxLength("source", request.Source, ConsentDecisions.MaxSourceLength);
        return customerId;
    }
}
