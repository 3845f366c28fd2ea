using CustomerNeeds.Abstractions;
using CustomerNeeds.Domain.Complaints;
using CustomerNeeds.Domain.Interactions;

namespace CustomerNeeds.Grains.Tests.ComplaintSla;

/// <summary>
/// SLA reminders on PostgreSQL firing for real. A critical complaint has a 1 h response target;
/// opening it "1 h minus a few seconds ago" puts its deadline a few seconds ahead.
/// </summary>
[Collection(SlaClusterCollection.Name)]
public sealed class ComplaintSlaTimerTests(SlaClusterFixture fixture)
{
    private const string Breached = "complaint-sla-breached";
    private const string FollowUpDue = "complaint-follow-up-due";

    private static Interaction CriticalComplaint(string id, DateTimeOffset occurred) => Samples.Complaint(id, 0) with
    {
        OccurTime = occurred,
        ComplaintSeverity = ComplaintSeverity.Critical,
    };

    private async Task<(string CustomerId, ICustomerGrain Grain)> CustomerWithComplaintDueIn(TimeSpan dueIn)
    {
        var id = Samples.NewCustomerId();
        var grain = fixture.Grains.GetGrain<ICustomerGrain>(id);
        await grain.CreateAsync(Samples.Profile());
        var occurred = DateTimeOffset.UtcNow - TimeSpan.FromHours(1) + dueIn;
        await grain.RecordInteractionAsync(CriticalComplaint("i-1", occurred));
        return (id, grain);
    }

    [Fact]
    public async Task A_missed_first_response_is_breached_by_the_reminder_and_escalates()
    {
        var (id, grain) = await CustomerWithComplaintDueIn(TimeSpan.FromSeconds(3));
        Assert.Equal(0, (await grain.GetComplaintAsync("k1")).EscalationLevel);
        Assert.NotNull(await fixture.ReminderStartAsync(id));

        await SlaClusterFixture.EventuallyAsync(async () => (await grain.GetComplaintAsync("k1")).EscalationLevel == 1, "the response breach escalates k1");

        var k1 = await grain.GetComplaintAsync("k1");
        Assert.NotNull(k1.ResponseBreachedAt);
        Assert.True(k1.ResponseBreachedAt >= k1.ResponseDeadline);
        var step = k1.History[^1];
        Assert.Equal((ComplaintStatus.Recorded, "sla", true), (step.ToStatus, step.Actor, step.Escalated));
        Assert.Equal(1, await fixture.CountEventsAsync(id, Breached));
        // The reminder now aims at the resolution deadline (24 h after opening).
        var next = await fixture.ReminderStartAsync(id);
        Assert.NotNull(next);
        Assert.InRange(new DateTimeOffset(next.Value, TimeSpan.Zero), k1.ResolutionDeadline.AddSeconds(-1), k1.ResolutionDeadline.AddSeconds(1));
    }

    [Fact]
    public async Task A_tick_delivered_twice_changes_nothing()
    {
        var (id, grain) = await CustomerWithComplaintDueIn(TimeSpan.FromSeconds(1));
        await SlaClusterFixture.EventuallyAsync(async () => await fixture.CountEventsAsync(id, Breached) == 1, "the breach is committed");
        var before = await grain.GetAsync();

        var remindable = grain.AsReference<IRemindable>();
        await remindable.ReceiveReminder(CustomerGrain.SlaReminderName, new TickStatus(DateTime.UtcNow, TimeSpan.FromSeconds(1), DateTime.UtcNow));
        await remindable.ReceiveReminder(CustomerGrain.SlaReminderName, new TickStatus(DateTime.UtcNow, TimeSpan.FromSeconds(1), DateTime.UtcNow));

        var after = await grain.GetAsync();
        Assert.Equal(before.Etag, after.Etag);
        Assert.Equal(1, await fixture.CountEventsAsync(id, Breached));
        Assert.Equal(1, (await grain.GetComplaintAsync("k1")).EscalationLevel);
    }

    [Fact]
    public async Task An_answered_complaint_is_not_breached_and_its_follow_up_falls_due_after_resolution()
    {
        var (id, grain) = await CustomerWithComplaintDueIn(TimeSpan.FromMinutes(10));
        foreach (var to in new[] { ComplaintStatus.Accepted, ComplaintStatus.Analysed, ComplaintStatus.BeingHandled, ComplaintStatus.Resolved })
        {
            await grain.TransitionComplaintAsync(new TransitionComplaint("k1", to, false, "agent-9", "", null));
        }

        var resolved = await grain.GetComplaintAsync("k1");
        Assert.Equal(resolved.ResolvedAt + SlaClusterFixture.FollowUpDelay, resolved.FollowUpDueAt);

        await SlaClusterFixture.EventuallyAsync(async () => (await grain.GetComplaintAsync("k1")).FollowUpFellDueAt is not null, "the follow-up falls due");

        var k1 = await grain.GetComplaintAsync("k1");
        Assert.Equal((0, ComplaintStatus.Resolved, "sla"), (k1.EscalationLevel, k1.Status, k1.History[^1].Actor));
        Assert.True(k1.FollowUpFellDueAt >= k1.FollowUpDueAt);
        Assert.Equal(1, await fixture.CountEventsAsync(id, FollowUpDue));
        Assert.Equal(0, await fixture.CountEventsAsync(id, Breached));
        // Nothing is pending any more: the reminder is gone.
        await SlaClusterFixture.EventuallyAsync(async () => await fixture.ReminderStartAsync(id) is null, "the reminder is removed");
    }

    [Fact]
    public async Task A_reminder_registered_before_a_restart_fires_in_the_new_cluster()
    {
        var (id, _) = await CustomerWithComplaintDueIn(TimeSpan.FromSeconds(6));
        Assert.NotNull(await fixture.ReminderStartAsync(id));

        await fixture.RestartAsync();

        // No call activates the customer: only the stored reminder can make the breach happen.
        await SlaClusterFixture.EventuallyAsync(async () => await fixture.CountEventsAsync(id, Breached) == 1, "the stored reminder fires after the restart");
        var k1 = await fixture.Grains.GetGrain<ICustomerGrain>(id).GetComplaintAsync("k1");
        Assert.Equal(1, k1.EscalationLevel);
    }

    [Fact]
    public async Task A_lost_reminder_is_registered_again_when_the_customer_activates()
    {
        // The crash window: the complaint is committed but its reminder never made it.
        var (id, _) = await CustomerWithComplaintDueIn(TimeSpan.FromSeconds(2));
        await fixture.RestartAsync(async () =>
        {
            await using var delete = fixture.Database.DataSource.CreateCommand("DELETE FROM orleans_reminders");
            await delete.ExecuteNonQueryAsync();
        });
        Assert.Null(await fixture.ReminderStartAsync(id));
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal(0, await fixture.CountEventsAsync(id, Breached));

        // Any call activates the customer; activation reconciles the reminder, which fires at once.
        await fixture.Grains.GetGrain<ICustomerGrain>(id).GetAsync();

        await SlaClusterFixture.EventuallyAsync(async () => await fixture.CountEventsAsync(id, Breached) == 1, "the reconciled reminder fires");
    }
}
