using CustomerNeeds.Abstractions;
using CustomerNeeds.Domain.Customers;
using CustomerNeeds.Domain.Privacy;
using CustomerNeeds.Server.Mapping;
using CustomerNeeds.Server.Validation;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Contract = CustomerNeeds.Api.V1;

namespace CustomerNeeds.Server.Services;

/// <summary>SetConsent: validate, map, call the customer grain, map back (docs/privacy.md, Consent).</summary>
public sealed partial class PrivacyApi
{
    public override async Task<Contract.Consent> SetConsent(Contract.SetConsentRequest request, ServerCallContext context)
    {
        var time = Services.GetRequiredService<TimeProvider>();
        var v = new FieldViolations(Services.GetRequiredService<CustomerPolicy>(), time);
        var customerId = ConsentValidation.CheckSetConsent(v, request);
        v.ThrowIfAny("SetConsent");

        var command = new SetConsent(
            request.Purpose,
            ConsentMapper.ToDomain(request.Status),
            TimeMapper.ToDomainOrNull(request.DecisionTime),
            request.Source);
        var consent = await Grains.GetGrain<ICustomerGrain>(customerId).SetConsentAsync(command, context.CancellationToken);
        return ConsentMapper.ToProto(consent);
    }
}
