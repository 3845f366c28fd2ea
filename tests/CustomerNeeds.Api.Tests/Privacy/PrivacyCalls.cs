using CustomerNeeds.Api.Tests.Infrastructure;
using CustomerNeeds.Api.V1;
using Google.Protobuf.WellKnownTypes;

namespace CustomerNeeds.Api.Tests.Privacy;

/// <summary>Calls of the privacy tests, over the shared channel of <see cref="ApiClients"/>.</summary>
internal static class PrivacyCalls
{
    public static PrivacyService.PrivacyServiceClient Privacy(this ApiClients api) => new(api.Invoker);

    public static Task<Consent> SetConsentAsync(
        this ApiClients api, string customerId, string purpose, ConsentStatus status, Timestamp? decisionTime = null, string source = "") =>
        api.Privacy().SetConsentAsync(
            new SetConsentRequest
            {
                Customer = TestData.CustomerName(customerId),
                Purpose = purpose,
                Status = status,
                DecisionTime = decisionTime,
                Source = source,
            },
            deadline: Calls.Deadline()).ResponseAsync;

    /// <summary>Every message of an export, in stream order.</summary>
    public static async Task<List<ExportCustomerResponse>> ExportAsync(this ApiClients api, string customerId)
    {
        using var call = api.Privacy().ExportCustomer(
            new ExportCustomerRequest { Name = TestData.CustomerName(customerId) }, deadline: Calls.Deadline(120));
        var items = new List<ExportCustomerResponse>();
        while (await call.ResponseStream.MoveNext(CancellationToken.None))
        {
            items.Add(call.ResponseStream.Current);
        }

        return items;
    }
}
