using CustomerNeeds.Api.Tests.Infrastructure;
using CustomerNeeds.Api.V1;
using Grpc.Core;
using static CustomerNeeds.Api.Tests.Auditing.AuditEventRows;

namespace CustomerNeeds.Api.Tests.Auditing;

/// <summary>Calls through the access layer reach the audit log by the server's background writer and are listed.</summary>
[Collection(ApiCollection.Name)]
public sealed class AuditedCallTests(ServerFixture fixture)
{
    private AuditService.AuditServiceClient Audit => new(fixture.Server.Channel);

    [Fact]
    public async Task A_write_is_recorded_with_the_caller_and_the_hash_of_its_customer()
    {
        var (id, _) = await fixture.Clients.CreateCustomerAsync();

        var recorded = await EventuallyListedAsync(new ListAuditEventsRequest
        {
            Customer = $"customers/{id}",
            Method = "/customerneeds.v1.CustomerService/CreateCustomer",
        });

        var audited = Assert.Single(recorded);
        Assert.Equal($"jwt:{TestTokens.Issuer}#api-tests", audited.Caller);
        Assert.Equal(["admin", "agent", "analyst"], audited.Roles);
        Assert.Equal("OK", audited.Outcome);
        Assert.Equal(Hash(id), audited.CustomerHash);
        Assert.Equal($"customers/#{Hash(id)}", audited.Resource);
    }

    [Fact]
    public async Task A_refused_call_is_recorded_with_its_outcome()
    {
        var id = "c-audit-refused-" + Guid.NewGuid().ToString("N")[..8];
        var subject = "audit-analyst-" + Guid.NewGuid().ToString("N")[..8];
        using var channel = fixture.Server.NewChannel(TestTokens.Create(["analyst"], subject: subject));
        var customers = new CustomerService.CustomerServiceClient(channel);
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => customers.CreateCustomerAsync(new CreateCustomerRequest
        {
            CustomerId = id,
            Customer = new Customer { DisplayName = "Refused" },
        }).ResponseAsync);

        var recorded = await EventuallyListedAsync(new ListAuditEventsRequest { Caller = $"jwt:{TestTokens.Issuer}#{subject}" });

        var audited = Assert.Single(recorded);
        Assert.Equal("PERMISSION_DENIED", audited.Outcome);
        Assert.Equal(["analyst"], audited.Roles);
        Assert.Equal("/customerneeds.v1.CustomerService/CreateCustomer", audited.Method);
    }

    private async Task<IReadOnlyList<AuditEvent>> EventuallyListedAsync(ListAuditEventsRequest request)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var response = await Audit.ListAuditEventsAsync(request);
            if (response.AuditEvents.Count > 0 || DateTime.UtcNow > deadline)
            {
                return response.AuditEvents;
            }

            await Task.Delay(50);
        }
    }
}
