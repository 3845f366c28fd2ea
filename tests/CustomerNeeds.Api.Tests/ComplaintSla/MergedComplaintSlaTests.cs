using CustomerNeeds.Api.Tests.Durability;
using CustomerNeeds.Api.Tests.Infrastructure;
using CustomerNeeds.Api.Tests.Merge;
using CustomerNeeds.Api.Tests.Watching;
using CustomerNeeds.Api.V1;

namespace CustomerNeeds.Api.Tests.ComplaintSla;

/// <summary>The SLA of a complaint that a merge moved: timed by the target, breached once, seen by the target's watchers.</summary>
[Collection(DurabilityCollection.Name)]
public sealed class MergedComplaintSlaTests
{
    [Fact]
    public async Task A_complaint_moved_by_a_merge_is_breached_once_by_the_target_and_its_watchers_see_it()
    {
        await using var own = await SlaServer.StartAsync();
        var api = own.Clients;
        var source = await SlaServer.ComplaintDueInAsync(api, ComplaintSeverity.Critical, TimeSpan.FromSeconds(6));
        var (target, _) = await api.CreateCustomerAsync();
        await api.MergeAsync(source, target);

        using var watch = api.Watch(target);
        await watch.NextCurrentAsync();

        await SlaServer.EventuallyAsync(async () => (await SlaServer.AllBreachesAsync(api, new ListBreachesRequest())).Count > 0, "the moved complaint's breach is listed");

        // Give a second (wrong) timer on the source the time to fire as well, then look again.
        await Task.Delay(TimeSpan.FromSeconds(3));
        var breach = Assert.Single(await SlaServer.AllBreachesAsync(api, new ListBreachesRequest()));
        Assert.StartsWith($"customers/{target}/complaints/", breach.Complaint.Name, StringComparison.Ordinal);
        Assert.Equal(source, breach.Complaint.MergedFrom.Customer.Split('/')[^1]);

        CustomerChange change;
        do
        {
            change = await watch.NextChangeAsync();
        }
        while (change.EventType != "complaint-sla-breached");
        Assert.Equal(1, change.Event.Fields["EscalationLevelAfter"].NumberValue);
    }

    [Fact]
    public async Task A_breach_recorded_before_a_merge_is_listed_once_under_the_target()
    {
        await using var own = await SlaServer.StartAsync();
        var api = own.Clients;
        var source = await SlaServer.ComplaintDueInAsync(api, ComplaintSeverity.Critical, TimeSpan.FromSeconds(2));
        await SlaServer.EventuallyAsync(async () => (await SlaServer.AllBreachesAsync(api, new ListBreachesRequest())).Count > 0, "the breach is listed");
        Assert.Equal(SlaServer.K1(source), Assert.Single(await SlaServer.AllBreachesAsync(api, new ListBreachesRequest())).Complaint.Name);

        var (target, _) = await api.CreateCustomerAsync();
        await api.MergeAsync(source, target);

        var breach = Assert.Single(await SlaServer.AllBreachesAsync(api, new ListBreachesRequest()));
        Assert.StartsWith($"customers/{target}/complaints/", breach.Complaint.Name, StringComparison.Ordinal);
        Assert.NotNull(breach.Complaint.ResponseBreachTime);
        Assert.Equal(1, breach.Complaint.EscalationLevel);
    }
}
