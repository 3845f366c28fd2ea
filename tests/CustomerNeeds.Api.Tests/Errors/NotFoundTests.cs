using CustomerNeeds.Api.Tests.Infrastructure;
using CustomerNeeds.Api.V1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace CustomerNeeds.Api.Tests.Errors;

/// <summary>NOT_FOUND for unknown customers and unknown children, and nothing created by such a call.</summary>
[Collection(ApiCollection.Name)]
public sealed class NotFoundTests(ServerFixture fixture)
{
    private readonly ApiClients api = fixture.Clients;

    [Fact]
    public async Task Every_rpc_answers_not_found_for_an_unknown_customer_and_creates_nothing()
    {
        var id = TestData.NewCustomerId();
        var name = TestData.CustomerName(id);
        const StatusCode notFound = StatusCode.NotFound;

        await RpcAssert.FailsAsync(notFound, () => api.GetCustomerAsync(id));
        await RpcAssert.FailsAsync(notFound, () => api.Customers.UpdateCustomerAsync(
            new UpdateCustomerRequest { Customer = new Customer { Name = name, DisplayName = "X" }, UpdateMask = new FieldMask { Paths = { "display_name" } } }, deadline: Calls.Deadline()).ResponseAsync);
        await RpcAssert.FailsAsync(notFound, () => api.RecordAsync(id, TestData.Inquiry("i-1", TestData.At(TimeSpan.Zero))));
        await RpcAssert.FailsAsync(notFound, () => api.GetInteractionAsync(id, "i-1"));
        await RpcAssert.FailsAsync(notFound, () => api.Interactions.ListInteractionsAsync(new ListInteractionsRequest { Parent = name }, deadline: Calls.Deadline()).ResponseAsync);
        await RpcAssert.FailsAsync(notFound, () => api.Needs.CreateNeedAsync(new CreateNeedRequest { Parent = name, Need = TestData.Need("x", 3, 3), Actor = "a" }, deadline: Calls.Deadline()).ResponseAsync);
        await RpcAssert.FailsAsync(notFound, () => api.Needs.GetNeedAsync(new GetNeedRequest { Name = TestData.NeedName(id, "n-1") }, deadline: Calls.Deadline()).ResponseAsync);
        await RpcAssert.FailsAsync(notFound, () => api.Needs.ListNeedsAsync(new ListNeedsRequest { Parent = name }, deadline: Calls.Deadline()).ResponseAsync);
        await RpcAssert.FailsAsync(notFound, () => api.Complaints.GetComplaintAsync(new GetComplaintRequest { Name = $"{name}/complaints/k-1" }, deadline: Calls.Deadline()).ResponseAsync);
        await RpcAssert.FailsAsync(notFound, () => api.Complaints.ListComplaintsAsync(new ListComplaintsRequest { Parent = name }, deadline: Calls.Deadline()).ResponseAsync);
        await RpcAssert.FailsAsync(notFound, () => api.Complaints.TransitionComplaintAsync(
            new TransitionComplaintRequest { Name = $"{name}/complaints/k-1", TargetStatus = ComplaintStatus.Accepted, Actor = "a" }, deadline: Calls.Deadline()).ResponseAsync);
        await RpcAssert.FailsAsync(notFound, () => api.Loyalty.GetLoyaltyAsync(new GetLoyaltyRequest { Name = TestData.LoyaltyName(id) }, deadline: Calls.Deadline()).ResponseAsync);
        await RpcAssert.FailsAsync(notFound, () => api.Loyalty.SetTierFloorAsync(
            new SetTierFloorRequest { Name = TestData.LoyaltyName(id), Tier = "gold", Reason = "r", Actor = "a" }, deadline: Calls.Deadline()).ResponseAsync);

        await RpcAssert.FailsAsync(notFound, () => api.GetCustomerAsync(id));
        Assert.Equal(0, await Calls.CountEventsAsync(fixture.Database.DataSource, id));
    }

    [Fact]
    public async Task Unknown_children_of_an_existing_customer_are_not_found()
    {
        var (id, _) = await api.CreateCustomerAsync();
        var before = await api.GetCustomerAsync(id);
        var events = await Calls.CountEventsAsync(fixture.Database.DataSource, id);

        await RpcAssert.FailsAsync(StatusCode.NotFound, () => api.GetInteractionAsync(id, "no-such-interaction"));
        await RpcAssert.FailsAsync(StatusCode.NotFound, () => api.Needs.GetNeedAsync(new GetNeedRequest { Name = TestData.NeedName(id, "no-such-need") }, deadline: Calls.Deadline()).ResponseAsync);
        await RpcAssert.FailsAsync(StatusCode.NotFound, () => api.Needs.UpdateNeedAsync(new UpdateNeedRequest
        {
            Need = new Need { Name = TestData.NeedName(id, "no-such-need"), Importance = 3 },
            UpdateMask = new FieldMask { Paths = { "importance" } },
            Actor = "a",
            Reason = "r",
        }, deadline: Calls.Deadline()).ResponseAsync);
        await RpcAssert.FailsAsync(StatusCode.NotFound, () => api.Complaints.GetComplaintAsync(new GetComplaintRequest { Name = $"customers/{id}/complaints/no-such" }, deadline: Calls.Deadline()).ResponseAsync);
        await RpcAssert.FailsAsync(StatusCode.NotFound, () => api.Complaints.TransitionComplaintAsync(
            new TransitionComplaintRequest { Name = $"customers/{id}/complaints/no-such", TargetStatus = ComplaintStatus.Accepted, Actor = "a" }, deadline: Calls.Deadline()).ResponseAsync);

        // References to unknown children inside a write.
        var withNeed = TestData.Inquiry("i-1", TestData.At(TimeSpan.Zero));
        withNeed.RelatedNeeds.Add(TestData.NeedName(id, "no-such-need"));
        await RpcAssert.FailsAsync(StatusCode.NotFound, () => api.RecordAsync(id, withNeed));
        var withComplaint = TestData.Inquiry("i-2", TestData.At(TimeSpan.Zero));
        withComplaint.RelatedComplaint = $"customers/{id}/complaints/no-such";
        await RpcAssert.FailsAsync(StatusCode.NotFound, () => api.RecordAsync(id, withComplaint));
        var need = TestData.Need("x", 3, 3);
        need.Source = new NeedSource { Interaction = TestData.InteractionName(id, "no-such"), ResearchMethod = ResearchMethod.Survey };
        await RpcAssert.FailsAsync(StatusCode.NotFound, () => api.Needs.CreateNeedAsync(new CreateNeedRequest { Parent = TestData.CustomerName(id), Need = need, Actor = "a" }, deadline: Calls.Deadline()).ResponseAsync);

        TestData.AssertUnchanged(before, await api.GetCustomerAsync(id));
        Assert.Equal(events, await Calls.CountEventsAsync(fixture.Database.DataSource, id));
    }
}
