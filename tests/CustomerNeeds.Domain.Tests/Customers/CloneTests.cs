using System.Text.Json;
using CustomerNeeds.Domain.Complaints;
using CustomerNeeds.Domain.Customers;
using CustomerNeeds.Domain.Needs;

namespace CustomerNeeds.Domain.Tests.Customers;

/// <summary>
/// The write pipeline decides a group of writes on a clone of the committed state; the clone
/// must hold everything (no forgotten property) and share nothing mutable.
/// </summary>
public sealed class CloneTests
{
    [Fact]
    public void A_clone_serializes_exactly_like_its_original()
    {
        var state = ReplayTests.BusyYear().State;

        var clone = state.Clone();

        Assert.Equal(JsonSerializer.Serialize(state), JsonSerializer.Serialize(clone));
        Assert.NotEmpty(clone.Needs);
        Assert.NotEmpty(clone.OpenComplaints);
        Assert.NotEmpty(clone.RecentInteractions);
        Assert.NotEmpty(clone.Loyalty.History);
    }

    [Fact]
    public void Changing_a_clone_leaves_the_original_as_it_was()
    {
        var scenario = ReplayTests.BusyYear();
        var before = JsonSerializer.Serialize(scenario.State);

        var clone = scenario.State.Clone();
        var need = clone.Needs["n1"];
        need.Title = "changed";
        need.History.Add(new NeedChange(NeedStatus.Analysed, NeedStatus.Satisfied, [], "x", "", States.Now));
        clone.Needs["n9"] = new Need { Id = "n9" };
        var complaint = clone.OpenComplaints.Values.First();
        complaint.History.Add(complaint.History[0]);
        complaint.Status = ComplaintStatus.Closed;
        clone.Aggregates.PurchaseBuckets.Clear();
        clone.Aggregates.RecentCsat.Clear();
        clone.Loyalty.History.Clear();
        clone.RecentInteractions.Clear();
        clone.RecentRecordTimes.Clear();
        clone.Version++;

        Assert.Equal(before, JsonSerializer.Serialize(scenario.State));
    }

    [Fact]
    public void Summary_needs_are_copies_that_later_changes_do_not_reach()
    {
        var scenario = ReplayTests.BusyYear();
        var summary = CustomerSummary.From(scenario.State, scenario.Policy, scenario.Now);
        var title = summary.TopNeeds[0].Title;

        scenario.State.Needs[summary.TopNeeds[0].Id].Title = "changed later";

        Assert.Equal(title, summary.TopNeeds[0].Title);
    }
}
