using CustomerNeeds.Api.Tests.Infrastructure;
using CustomerNeeds.Api.V1;

namespace CustomerNeeds.Api.Tests.Rpc;

/// <summary>GetComplaint, ListComplaints and TransitionComplaint happy paths.</summary>
[Collection(ApiCollection.Name)]
public sealed class ComplaintServiceTests(ServerFixture fixture)
{
    private readonly ApiClients api = fixture.Clients;

    private async Task<string> OpenAsync(string customerId, string interactionId, TimeSpan at, ComplaintSeverity severity = ComplaintSeverity.Medium) =>
        (await api.RecordAsync(customerId, TestData.Complaint(interactionId, TestData.At(at), severity))).OpenedComplaint;

    private Task<Complaint> MoveAsync(string name, ComplaintStatus target, bool escalate = false, string? responsible = null, string note = "") =>
        api.Complaints.TransitionComplaintAsync(Transition(name, target, escalate, responsible, note), deadline: Calls.Deadline()).ResponseAsync;

    internal static TransitionComplaintRequest Transition(string name, ComplaintStatus target, bool escalate = false, string? responsible = null, string note = "")
    {
        var request = new TransitionComplaintRequest { Name = name, TargetStatus = target, Actor = "agent:carla", Note = note, Escalate = escalate };
        if (responsible is not null)
        {
            request.ResponsibleParty = responsible;
        }

        return request;
    }

    [Fact]
    public async Task The_whole_workflow_records_response_resolve_close_times_escalation_and_reopen()
    {
        var (id, _) = await api.CreateCustomerAsync();
        var name = await OpenAsync(id, "i-c", TimeSpan.FromHours(1));

        var accepted = await MoveAsync(name, ComplaintStatus.Accepted, responsible: "team:logistics", note: "called back");
        Assert.Equal(ComplaintStatus.Accepted, accepted.Status);
        Assert.NotNull(accepted.FirstResponseTime);
        Assert.Equal("team:logistics", accepted.ResponsibleParty);
        Assert.Equal(2, accepted.History.Count);
        var step = accepted.History[1];
        Assert.Equal(ComplaintStatus.Recorded, step.FromStatus);
        Assert.Equal(ComplaintStatus.Accepted, step.ToStatus);
        Assert.Equal("agent:carla", step.Actor);
        Assert.Equal("called back", step.Note);
        Assert.Equal("team:logistics", step.ResponsibleParty);
        Assert.NotNull(step.TransitionTime);

        // Escalate without a status change.
        var escalated = await MoveAsync(name, ComplaintStatus.Accepted, escalate: true, note: "customer threatens to leave");
        Assert.Equal(ComplaintStatus.Accepted, escalated.Status);
        Assert.True(escalated.Escalated);
        Assert.Equal(1, escalated.EscalationLevel);
        Assert.True(escalated.History[^1].Escalated);
        Assert.Equal(ComplaintStatus.Accepted, escalated.History[^1].FromStatus);
        Assert.Equal(ComplaintStatus.Accepted, escalated.History[^1].ToStatus);
        Assert.Equal(accepted.FirstResponseTime, escalated.FirstResponseTime);
        Assert.Equal("team:logistics", escalated.ResponsibleParty);

        var analysed = await MoveAsync(name, ComplaintStatus.Analysed);
        // Move and escalate in one step.
        var handled = await MoveAsync(name, ComplaintStatus.BeingHandled, escalate: true);
        Assert.Equal(ComplaintStatus.BeingHandled, handled.Status);
        Assert.Equal(2, handled.EscalationLevel);
        Assert.Equal(accepted.FirstResponseTime, handled.FirstResponseTime);
        Assert.Null(handled.ResolveTime);

        var resolved = await MoveAsync(name, ComplaintStatus.Resolved);
        Assert.NotNull(resolved.ResolveTime);
        Assert.NotNull(resolved.FollowUpDueTime);
        Assert.True(resolved.FollowUpDueTime >= resolved.ResolveTime);
        Assert.Equal(1, (await api.GetCustomerAsync(id)).OpenComplaintCount);

        var reopened = await MoveAsync(name, ComplaintStatus.BeingHandled, note: "the replacement is broken too");
        Assert.Equal(ComplaintStatus.BeingHandled, reopened.Status);
        Assert.Equal(1, reopened.ReopenCount);
        Assert.Null(reopened.ResolveTime);
        Assert.Null(reopened.FollowUpDueTime);
        Assert.Null(reopened.CloseTime);

        await MoveAsync(name, ComplaintStatus.Resolved);
        await MoveAsync(name, ComplaintStatus.FollowUpDone);
        var closed = await MoveAsync(name, ComplaintStatus.Closed);
        Assert.Equal(ComplaintStatus.Closed, closed.Status);
        Assert.NotNull(closed.CloseTime);
        Assert.NotNull(closed.ResolveTime);
        Assert.Equal(10, closed.History.Count); // opening + 9 steps
        Assert.Equal(ComplaintStatus.Analysed, analysed.Status);

        var customer = await api.GetCustomerAsync(id);
        Assert.Equal(0, customer.OpenComplaintCount);
        Assert.Equal(1, customer.Lifetime.ComplaintCount);

        // Reopen from CLOSED.
        var again = await MoveAsync(name, ComplaintStatus.BeingHandled);
        Assert.Equal(2, again.ReopenCount);
        Assert.Null(again.CloseTime);
        Assert.Equal(1, (await api.GetCustomerAsync(id)).OpenComplaintCount);

        var read = await api.Complaints.GetComplaintAsync(new GetComplaintRequest { Name = name }, deadline: Calls.Deadline());
        Assert.Equal(again, read);
    }

    [Fact]
    public async Task List_filters_by_status_newest_open_time_first()
    {
        var (id, _) = await api.CreateCustomerAsync();
        var older = await OpenAsync(id, "i-c1", TimeSpan.FromHours(1));
        var newer = await OpenAsync(id, "i-c2", TimeSpan.FromHours(2));
        var newest = await OpenAsync(id, "i-c3", TimeSpan.FromHours(3));
        await MoveAsync(newer, ComplaintStatus.Accepted);

        async Task<string[]> Names(params ComplaintStatus[] statuses)
        {
            var request = new ListComplaintsRequest { Parent = TestData.CustomerName(id), PageSize = 1 };
            request.Statuses.Add(statuses);
            return (await api.ListAllComplaintsAsync(request)).Select(c => c.Name).ToArray();
        }

        Assert.Equal(new[] { newest, newer, older }, await Names());
        Assert.Equal(new[] { newest, older }, await Names(ComplaintStatus.Recorded));
        Assert.Equal(new[] { newer }, await Names(ComplaintStatus.Accepted));
        Assert.Equal(new[] { newest, newer, older }, await Names(ComplaintStatus.Recorded, ComplaintStatus.Accepted));
        Assert.Empty(await Names(ComplaintStatus.Closed));

        var customer = await api.GetCustomerAsync(id);
        Assert.Equal(3, customer.OpenComplaintCount);
        Assert.Equal(3, customer.Lifetime.ComplaintCount);
    }
}
