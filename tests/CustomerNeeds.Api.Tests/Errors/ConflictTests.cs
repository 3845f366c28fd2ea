using CustomerNeeds.Api.Tests.Infrastructure;
using CustomerNeeds.Api.V1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace CustomerNeeds.Api.Tests.Errors;

/// <summary>ALREADY_EXISTS, FAILED_PRECONDITION and ABORTED, each leaving the state as it was.</summary>
[Collection(ApiCollection.Name)]
public sealed class ConflictTests(ServerFixture fixture)
{
    private readonly ApiClients api = fixture.Clients;

    [Fact]
    public async Task Creating_a_customer_twice_is_already_exists_and_keeps_the_first()
    {
        var (id, created) = await api.CreateCustomerAsync(TestData.MinimalProfile("First"));
        var events = await Calls.CountEventsAsync(fixture.Database.DataSource, id);
        await RpcAssert.FailsAsync(StatusCode.AlreadyExists, () => api.CreateCustomerAsync(TestData.MinimalProfile("Second"), id));
        await RpcAssert.FailsAsync(StatusCode.AlreadyExists, () => api.CreateCustomerAsync(TestData.MinimalProfile("First"), id));

        var read = await api.GetCustomerAsync(id);
        Assert.Equal("First", read.DisplayName);
        Assert.Equal(created.Etag, read.Etag);
        Assert.Equal(events, await Calls.CountEventsAsync(fixture.Database.DataSource, id));
    }

    [Fact]
    public async Task The_same_interaction_id_with_other_content_is_already_exists_and_keeps_the_first()
    {
        var (id, _) = await api.CreateCustomerAsync();
        var original = TestData.Purchase("i-1", TestData.At(TimeSpan.FromHours(1)), TestData.Eur(10));
        var stored = (await api.RecordAsync(id, original)).Interaction;

        var otherAmount = original.Clone();
        otherAmount.Amount = TestData.Eur(11);
        await RpcAssert.FailsAsync(StatusCode.AlreadyExists, () => api.RecordAsync(id, otherAmount));
        var otherSummary = original.Clone();
        otherSummary.Summary += "!";
        await RpcAssert.FailsAsync(StatusCode.AlreadyExists, () => api.RecordAsync(id, otherSummary));
        var otherKind = TestData.Inquiry("i-1", original.OccurTime);
        await RpcAssert.FailsAsync(StatusCode.AlreadyExists, () => api.RecordAsync(id, otherKind));
        var withCsat = original.Clone();
        withCsat.Csat = 5;
        await RpcAssert.FailsAsync(StatusCode.AlreadyExists, () => api.RecordAsync(id, withCsat));

        Assert.Equal(stored, await api.GetInteractionAsync(id, "i-1"));
        var customer = await api.GetCustomerAsync(id);
        Assert.Equal(1, customer.Lifetime.InteractionCount);
        Assert.Equal(TestData.Eur(10), customer.Lifetime.LifetimeSpend);
        Assert.Single(await api.ListAllInteractionsAsync(id));
        Assert.Equal(1, await Calls.CountInteractionRowsAsync(fixture.Database.DataSource, id));
    }

    [Fact]
    public async Task Creating_a_need_with_a_taken_id_is_already_exists()
    {
        var (id, _) = await api.CreateCustomerAsync();
        var request = new CreateNeedRequest { Parent = TestData.CustomerName(id), NeedId = "n-1", Need = TestData.Need("first", 3, 3), Actor = "a" };
        var first = await api.Needs.CreateNeedAsync(request, deadline: Calls.Deadline());
        request.Need.Title = "second";
        await RpcAssert.FailsAsync(StatusCode.AlreadyExists, () => api.Needs.CreateNeedAsync(request, deadline: Calls.Deadline()).ResponseAsync);
        Assert.Equal(first, await api.Needs.GetNeedAsync(new GetNeedRequest { Name = first.Name }, deadline: Calls.Deadline()));
    }

    [Theory]
    [InlineData(NeedStatus.Planned)]       // skips ANALYSED
    [InlineData(NeedStatus.Satisfied)]     // skips three steps
    public async Task An_illegal_need_status_move_is_failed_precondition(NeedStatus target)
    {
        var (id, _) = await api.CreateCustomerAsync();
        var need = await api.Needs.CreateNeedAsync(new CreateNeedRequest { Parent = TestData.CustomerName(id), Need = TestData.Need("x", 3, 3), Actor = "a" }, deadline: Calls.Deadline());

        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () => api.Needs.UpdateNeedAsync(Rpc.NeedServiceTests.StatusChange(need, target), deadline: Calls.Deadline()).ResponseAsync);
        Assert.Equal(need, await api.Needs.GetNeedAsync(new GetNeedRequest { Name = need.Name }, deadline: Calls.Deadline()));
    }

    [Fact]
    public async Task A_final_need_status_cannot_be_left()
    {
        var (id, _) = await api.CreateCustomerAsync();
        var need = await api.Needs.CreateNeedAsync(new CreateNeedRequest { Parent = TestData.CustomerName(id), Need = TestData.Need("x", 3, 3), Actor = "a" }, deadline: Calls.Deadline());
        var rejected = await api.Needs.UpdateNeedAsync(Rpc.NeedServiceTests.StatusChange(need, NeedStatus.Rejected), deadline: Calls.Deadline());

        foreach (var target in new[] { NeedStatus.Identified, NeedStatus.Analysed, NeedStatus.Withdrawn, NeedStatus.Satisfied })
        {
            await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () => api.Needs.UpdateNeedAsync(Rpc.NeedServiceTests.StatusChange(rejected, target), deadline: Calls.Deadline()).ResponseAsync);
        }

        Assert.Equal(rejected, await api.Needs.GetNeedAsync(new GetNeedRequest { Name = need.Name }, deadline: Calls.Deadline()));
    }

    [Fact]
    public async Task Illegal_complaint_transitions_are_failed_precondition()
    {
        var (id, _) = await api.CreateCustomerAsync();
        var name = (await api.RecordAsync(id, TestData.Complaint("i-c", TestData.At(TimeSpan.FromHours(1))))).OpenedComplaint;
        Task Move(ComplaintStatus target, bool escalate = false) =>
            api.Complaints.TransitionComplaintAsync(Rpc.ComplaintServiceTests.Transition(name, target, escalate), deadline: Calls.Deadline()).ResponseAsync;

        var opened = await api.Complaints.GetComplaintAsync(new GetComplaintRequest { Name = name }, deadline: Calls.Deadline());
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () => Move(ComplaintStatus.Resolved));      // skips steps
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () => Move(ComplaintStatus.Closed));
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () => Move(ComplaintStatus.Recorded));      // same status, no escalation
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () => Move(ComplaintStatus.BeingHandled));  // not a reopen
        Assert.Equal(opened, await api.Complaints.GetComplaintAsync(new GetComplaintRequest { Name = name }, deadline: Calls.Deadline()));

        foreach (var step in new[] { ComplaintStatus.Accepted, ComplaintStatus.Analysed, ComplaintStatus.BeingHandled, ComplaintStatus.Resolved, ComplaintStatus.FollowUpDone, ComplaintStatus.Closed })
        {
            await Move(step);
        }

        var closed = await api.Complaints.GetComplaintAsync(new GetComplaintRequest { Name = name }, deadline: Calls.Deadline());
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () => Move(ComplaintStatus.Closed, escalate: true));    // a closed case cannot be escalated
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () => Move(ComplaintStatus.Accepted));                  // backwards, not a reopen
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () => Move(ComplaintStatus.Recorded));
        Assert.Equal(closed, await api.Complaints.GetComplaintAsync(new GetComplaintRequest { Name = name }, deadline: Calls.Deadline()));
    }

    [Fact]
    public async Task A_stale_etag_is_aborted_and_changes_nothing()
    {
        var (id, created) = await api.CreateCustomerAsync();
        var mask = new FieldMask { Paths = { "display_name" } };
        var first = await api.Customers.UpdateCustomerAsync(
            new UpdateCustomerRequest { Customer = new Customer { Name = TestData.CustomerName(id), DisplayName = "One", Etag = created.Etag }, UpdateMask = mask }, deadline: Calls.Deadline());

        await RpcAssert.FailsAsync(StatusCode.Aborted, () => api.Customers.UpdateCustomerAsync(
            new UpdateCustomerRequest { Customer = new Customer { Name = TestData.CustomerName(id), DisplayName = "Two", Etag = created.Etag }, UpdateMask = mask }, deadline: Calls.Deadline()).ResponseAsync);
        await RpcAssert.FailsAsync(StatusCode.Aborted, () => api.Customers.UpdateCustomerAsync(
            new UpdateCustomerRequest { Customer = new Customer { Name = TestData.CustomerName(id), DisplayName = "Two", Etag = "garbage" }, UpdateMask = mask }, deadline: Calls.Deadline()).ResponseAsync);

        var read = await api.GetCustomerAsync(id);
        Assert.Equal("One", read.DisplayName);
        Assert.Equal(first.Etag, read.Etag);

        // An interaction changes the etag too: the etag read before it is stale.
        await api.RecordAsync(id, TestData.Inquiry("i-1", TestData.At(TimeSpan.Zero)));
        await RpcAssert.FailsAsync(StatusCode.Aborted, () => api.Customers.UpdateCustomerAsync(
            new UpdateCustomerRequest { Customer = new Customer { Name = TestData.CustomerName(id), DisplayName = "Three", Etag = first.Etag }, UpdateMask = mask }, deadline: Calls.Deadline()).ResponseAsync);
        Assert.Equal("One", (await api.GetCustomerAsync(id)).DisplayName);
    }

    [Fact]
    public async Task A_stale_need_etag_is_aborted()
    {
        var (id, _) = await api.CreateCustomerAsync();
        var need = await api.Needs.CreateNeedAsync(new CreateNeedRequest { Parent = TestData.CustomerName(id), Need = TestData.Need("x", 3, 3), Actor = "a" }, deadline: Calls.Deadline());
        var mask = new FieldMask { Paths = { "importance" } };
        var updated = await api.Needs.UpdateNeedAsync(new UpdateNeedRequest { Need = new Need { Name = need.Name, Importance = 4, Etag = need.Etag }, UpdateMask = mask, Actor = "a", Reason = "r" }, deadline: Calls.Deadline());
        await RpcAssert.FailsAsync(StatusCode.Aborted, () => api.Needs.UpdateNeedAsync(
            new UpdateNeedRequest { Need = new Need { Name = need.Name, Importance = 5, Etag = need.Etag }, UpdateMask = mask, Actor = "a", Reason = "r" }, deadline: Calls.Deadline()).ResponseAsync);
        Assert.Equal(updated, await api.Needs.GetNeedAsync(new GetNeedRequest { Name = need.Name }, deadline: Calls.Deadline()));
    }
}
