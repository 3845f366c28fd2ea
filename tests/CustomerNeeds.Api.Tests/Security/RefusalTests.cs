using CustomerNeeds.Api.Tests.Infrastructure;
using CustomerNeeds.Api.V1;
using Grpc.Core;

namespace CustomerNeeds.Api.Tests.Security;

/// <summary>Calls refused before their message is read leave the connection healthy for the caller's other calls.</summary>
[Collection(ApiCollection.Name)]
public sealed class RefusalTests(ServerFixture fixture)
{
    [Fact]
    public async Task Many_refusals_while_their_requests_are_still_arriving_do_not_break_the_connection()
    {
        // Each refused call sends a large message; answered before it was read, Kestrel reset the streams
        // and, after many, answered ENHANCE_YOUR_CALM to the connection's other calls (found by the fuzz run).
        using var channel = fixture.Server.NewChannel();
        var customers = new CustomerService.CustomerServiceClient(channel);
        var both = new Metadata { { "x-api-key", "cnk_abcdefghijkl_" + new string('A', 43) } };
        var large = new CreateCustomerRequest { CustomerId = "c-large", Customer = new Customer { DisplayName = new string('x', 200_000) } };
        var statuses = new System.Collections.Concurrent.ConcurrentBag<StatusCode>();
        await Calls.ForAllAsync(400, 16, async _ =>
        {
            try
            {
                await customers.CreateCustomerAsync(large, both);
                statuses.Add(StatusCode.OK);
            }
            catch (RpcException e)
            {
                statuses.Add(e.StatusCode);
            }
        });

        Assert.All(statuses, s => Assert.Equal(StatusCode.Unauthenticated, s));
        var (id, _) = await new ApiClients(channel).CreateCustomerAsync();
        Assert.Equal(TestData.CustomerName(id), (await new ApiClients(channel).GetCustomerAsync(id)).Name);
    }

    [Fact]
    public async Task A_customer_name_with_an_empty_id_is_invalid_argument_and_audited_not_an_http_error()
    {
        // Handing "customers//needs/x" to the audit log threw (an empty id to replace) after the call was
        // answered, and the client saw HTTP 500, UNKNOWN (found by the fuzz run).
        var needs = new NeedService.NeedServiceClient(fixture.Server.Channel);
        await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => needs.UpdateNeedAsync(new UpdateNeedRequest
        {
            Need = new Need { Name = "customers//needs/x", Title = "t" },
            UpdateMask = new Google.Protobuf.WellKnownTypes.FieldMask { Paths = { "title" } },
        }).ResponseAsync);
        var erase = new PrivacyService.PrivacyServiceClient(fixture.Server.Channel);
        await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => erase.EraseCustomerAsync(new EraseCustomerRequest { Name = "customers//x", Reason = "test" }).ResponseAsync);
    }
}
