using CustomerNeeds.Api.Tests.Infrastructure;
using CustomerNeeds.Api.V1;
using Google.Protobuf.WellKnownTypes;

namespace CustomerNeeds.Api.Tests.Errors;

/// <summary>INVALID_ARGUMENT on the need, complaint and loyalty RPCs; a rejected call changes nothing.</summary>
[Collection(ApiCollection.Name)]
public sealed class OtherValidationTests(ServerFixture fixture)
{
    private readonly ApiClients api = fixture.Clients;

    private Task CreateNeed(string customerId, Need? need, string needId = "", string actor = "agent:anna") =>
        api.Needs.CreateNeedAsync(new CreateNeedRequest { Parent = TestData.CustomerName(customerId), NeedId = needId, Need = need, Actor = actor }, deadline: Calls.Deadline()).ResponseAsync;

    [Fact]
    public async Task CreateNeed_rejects_bad_fields_and_stores_nothing()
    {
        var (id, _) = await api.CreateCustomerAsync();
        var before = await api.GetCustomerAsync(id);
        var events = await Calls.CountEventsAsync(fixture.Database.DataSource, id);

        var bad = TestData.Need("", importance: 6, urgency: 0, type: NeedType.Unspecified, area: (NeedArea)99);
        await RpcAssert.InvalidAsync(() => CreateNeed(id, bad, "n-1"), "need.title", "need.importance", "need.urgency", "need.type", "need.area");
        await RpcAssert.InvalidAsync(() => CreateNeed(id, TestData.Need("ok", 3, 3), "bad id"), "need_id");
        await RpcAssert.InvalidAsync(() => CreateNeed(id, TestData.Need("ok", 3, 3), "n-2", actor: ""), "actor");
        await RpcAssert.InvalidAsync(() => CreateNeed(id, null, "n-3"), "need");
        var planned = TestData.Need("ok", 3, 3);
        planned.Status = NeedStatus.Planned;
        await RpcAssert.InvalidAsync(() => CreateNeed(id, planned, "n-4"), "need.status");
        var badSource = TestData.Need("ok", 3, 3);
        badSource.Source = new NeedSource { ResearchMethod = ResearchMethod.Unspecified };
        await RpcAssert.InvalidAsync(() => CreateNeed(id, badSource, "n-5"), "need.source.research_method");
        await RpcAssert.InvalidAsync(() => CreateNeed(id, TestData.Need(new string('t', 201), 3, 3), "n-6"), "need.title");

        var after = await api.GetCustomerAsync(id);
        TestData.AssertUnchanged(before, after);
        Assert.Empty(await api.ListAllNeedsAsync(new ListNeedsRequest { Parent = TestData.CustomerName(id) }));
        Assert.Equal(events, await Calls.CountEventsAsync(fixture.Database.DataSource, id));
    }

    [Fact]
    public async Task UpdateNeed_and_ListNeeds_reject_bad_fields()
    {
        var (id, _) = await api.CreateCustomerAsync();
        var need = await api.Needs.CreateNeedAsync(new CreateNeedRequest { Parent = TestData.CustomerName(id), NeedId = "n-1", Need = TestData.Need("x", 3, 3), Actor = "a" }, deadline: Calls.Deadline());

        Task Update(Need n, string actor, string reason, params string[] paths) =>
            api.Needs.UpdateNeedAsync(new UpdateNeedRequest { Need = n, UpdateMask = new FieldMask { Paths = { paths } }, Actor = actor, Reason = reason }, deadline: Calls.Deadline()).ResponseAsync;

        await RpcAssert.InvalidAsync(() => Update(new Need { Name = need.Name, Importance = 9 }, "a", "r", "importance"), "need.importance");
        await RpcAssert.InvalidAsync(() => Update(new Need { Name = need.Name, Status = NeedStatus.Unspecified }, "a", "r", "status"), "need.status");
        await RpcAssert.InvalidAsync(() => Update(new Need { Name = need.Name, Status = (NeedStatus)42 }, "a", "r", "status"), "need.status");
        await RpcAssert.InvalidAsync(() => Update(new Need { Name = need.Name, Importance = 4 }, "", "", "importance"), "actor", "reason");
        await RpcAssert.InvalidAsync(() => Update(new Need { Name = "customers/x/needs", Importance = 4 }, "a", "r", "importance"), "need.name");
        await RpcAssert.InvalidUnderAsync(() => Update(new Need { Name = need.Name, Importance = 4 }, "a", "r", "priority"), "update_mask");
        await RpcAssert.InvalidUnderAsync(() => Update(new Need { Name = need.Name, Importance = 4 }, "a", "r"), "update_mask");
        Assert.Equal(need, await api.Needs.GetNeedAsync(new GetNeedRequest { Name = need.Name }, deadline: Calls.Deadline()));

        Task List(ListNeedsRequest r) => api.Needs.ListNeedsAsync(r, deadline: Calls.Deadline()).ResponseAsync;
        var parent = TestData.CustomerName(id);
        await RpcAssert.InvalidAsync(() => List(new ListNeedsRequest { Parent = parent, PageSize = -5 }), "page_size");
        await RpcAssert.InvalidAsync(() => List(new ListNeedsRequest { Parent = parent, PageToken = "garbage" }), "page_token");
        await RpcAssert.InvalidAsync(() => List(new ListNeedsRequest { Parent = parent, Statuses = { (NeedStatus)99 } }), "statuses[0]");
        await RpcAssert.InvalidAsync(() => List(new ListNeedsRequest { Parent = parent, Areas = { NeedArea.Unspecified } }), "areas[0]");
        await RpcAssert.InvalidAsync(() => List(new ListNeedsRequest { Parent = "nope" }), "parent");
        await RpcAssert.InvalidAsync(() => api.Needs.GetNeedAsync(new GetNeedRequest { Name = parent }, deadline: Calls.Deadline()).ResponseAsync, "name");
    }

    [Fact]
    public async Task Complaint_rpcs_reject_bad_fields_and_change_nothing()
    {
        var (id, _) = await api.CreateCustomerAsync();
        var name = (await api.RecordAsync(id, TestData.Complaint("i-c", TestData.At(TimeSpan.FromHours(1))))).OpenedComplaint;
        var before = await api.Complaints.GetComplaintAsync(new GetComplaintRequest { Name = name }, deadline: Calls.Deadline());

        Task Move(TransitionComplaintRequest r) => api.Complaints.TransitionComplaintAsync(r, deadline: Calls.Deadline()).ResponseAsync;
        await RpcAssert.InvalidAsync(() => Move(new TransitionComplaintRequest { Name = name, TargetStatus = ComplaintStatus.Unspecified, Actor = "a" }), "target_status");
        await RpcAssert.InvalidAsync(() => Move(new TransitionComplaintRequest { Name = name, TargetStatus = (ComplaintStatus)99, Actor = "a" }), "target_status");
        await RpcAssert.InvalidAsync(() => Move(new TransitionComplaintRequest { Name = name, TargetStatus = ComplaintStatus.Accepted, Actor = "" }), "actor");
        await RpcAssert.InvalidAsync(() => Move(new TransitionComplaintRequest { Name = name, TargetStatus = ComplaintStatus.Accepted, Actor = "a", Note = new string('n', 4001) }), "note");
        await RpcAssert.InvalidAsync(() => Move(new TransitionComplaintRequest { Name = name, TargetStatus = ComplaintStatus.Accepted, Actor = "a", ResponsibleParty = "" }), "responsible_party");
        await RpcAssert.InvalidAsync(() => Move(new TransitionComplaintRequest { Name = TestData.CustomerName(id), TargetStatus = ComplaintStatus.Accepted, Actor = "a" }), "name");

        Task List(ListComplaintsRequest r) => api.Complaints.ListComplaintsAsync(r, deadline: Calls.Deadline()).ResponseAsync;
        var parent = TestData.CustomerName(id);
        await RpcAssert.InvalidAsync(() => List(new ListComplaintsRequest { Parent = parent, PageSize = -1 }), "page_size");
        await RpcAssert.InvalidAsync(() => List(new ListComplaintsRequest { Parent = parent, PageToken = "x" }), "page_token");
        await RpcAssert.InvalidAsync(() => List(new ListComplaintsRequest { Parent = parent, Statuses = { (ComplaintStatus)99 } }), "statuses[0]");
        await RpcAssert.InvalidAsync(() => api.Complaints.GetComplaintAsync(new GetComplaintRequest { Name = "customers/x/complaints/" }, deadline: Calls.Deadline()).ResponseAsync, "name");

        Assert.Equal(before, await api.Complaints.GetComplaintAsync(new GetComplaintRequest { Name = name }, deadline: Calls.Deadline()));
    }

    [Fact]
    public async Task Loyalty_rpcs_reject_bad_fields_and_change_nothing()
    {
        var (id, _) = await api.CreateCustomerAsync();
        var before = await api.GetCustomerAsync(id);
        var name = TestData.LoyaltyName(id);

        Task Floor(SetTierFloorRequest r) => api.Loyalty.SetTierFloorAsync(r, deadline: Calls.Deadline()).ResponseAsync;
        await RpcAssert.InvalidAsync(() => Floor(new SetTierFloorRequest { Name = name, Tier = "diamond", Reason = "r", Actor = "a" }), "tier");
        await RpcAssert.InvalidAsync(() => Floor(new SetTierFloorRequest { Name = name, Tier = "gold", Reason = "", Actor = "" }), "reason", "actor");
        await RpcAssert.InvalidAsync(() => Floor(new SetTierFloorRequest { Name = TestData.CustomerName(id), Tier = "gold", Reason = "r", Actor = "a" }), "name");
        await RpcAssert.InvalidAsync(() => api.Loyalty.GetLoyaltyAsync(new GetLoyaltyRequest { Name = $"customers/{id}/loyalty/x" }, deadline: Calls.Deadline()).ResponseAsync, "name");

        var after = await api.GetCustomerAsync(id);
        Assert.Equal(before.Etag, after.Etag);
        Assert.Equal("", (await api.Loyalty.GetLoyaltyAsync(new GetLoyaltyRequest { Name = name }, deadline: Calls.Deadline())).TierFloor);
    }
}
