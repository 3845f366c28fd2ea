using CustomerNeeds.Api.Tests.Infrastructure;
using CustomerNeeds.Api.V1;
using Grpc.Core;

namespace CustomerNeeds.Api.Tests.Merge;

/// <summary>MergeCustomers through the real RPCs on PostgreSQL (docs/merge.md).</summary>
[Collection(ApiCollection.Name)]
public sealed class MergeCustomersTests(ServerFixture fixture)
{
    private readonly ApiClients api = fixture.Clients;

    [Fact]
    public async Task Needs_complaints_and_history_move_to_the_target_with_their_provenance()
    {
        var (source, _) = await api.CreateCustomerAsync(TestData.MinimalProfile("Anna Meier (web)"));
        var (target, _) = await api.CreateCustomerAsync(TestData.MinimalProfile("Anna Meier"));
        await CreateNeedAsync(source, "delivery", "Faster delivery");
        await CreateNeedAsync(source, "warranty", "Longer warranty");
        await CreateNeedAsync(target, "delivery", "Delivery on Saturdays");
        await api.RecordAsync(source, TestData.Inquiry("s-1", TestData.At(TimeSpan.FromHours(1))));
        await api.RecordAsync(source, TestData.Purchase("s-2", TestData.At(TimeSpan.FromHours(2)), TestData.Eur(120)));
        var opened = await api.RecordAsync(source, TestData.Complaint("s-3", TestData.At(TimeSpan.FromHours(3))));
        await api.RecordAsync(target, TestData.Inquiry("t-1", TestData.At(TimeSpan.FromHours(4))));
        var targetComplaint = await api.RecordAsync(target, TestData.Complaint("t-2", TestData.At(TimeSpan.FromHours(5))));

        var merged = await api.MergeAsync(source, target);

        Assert.Equal(TestData.CustomerName(target), merged.Name);
        Assert.Equal(5, merged.Lifetime.InteractionCount);
        Assert.Equal(2, merged.OpenComplaintCount);

        var needs = await api.ListAllNeedsAsync(new ListNeedsRequest { Parent = TestData.CustomerName(target), PageSize = 50 });
        Assert.Equal(3, needs.Count);
        var own = Assert.Single(needs, n => n.Name == TestData.NeedName(target, "delivery"));
        Assert.Equal("Delivery on Saturdays", own.Title);
        Assert.Null(own.MergedFrom);
        var moved = Assert.Single(needs, n => n.Title == "Faster delivery");
        Assert.NotEqual(TestData.NeedName(target, "delivery"), moved.Name);
        Assert.Equal(TestData.CustomerName(source), moved.MergedFrom.Customer);
        Assert.Equal("delivery", moved.MergedFrom.Id);
        var kept = Assert.Single(needs, n => n.Title == "Longer warranty");
        Assert.Equal(TestData.NeedName(target, "warranty"), kept.Name);
        Assert.Equal("warranty", kept.MergedFrom.Id);

        var complaints = await api.ListAllComplaintsAsync(target);
        Assert.Equal(2, complaints.Count);
        Assert.Contains(complaints, k => k.Name == targetComplaint.OpenedComplaint && k.MergedFrom is null);
        var movedComplaint = Assert.Single(complaints, k => k.MergedFrom is not null);
        Assert.Equal(TestData.CustomerName(source), movedComplaint.MergedFrom.Customer);
        Assert.Equal(opened.OpenedComplaint.Split('/')[^1], movedComplaint.MergedFrom.Id);
        Assert.NotEqual(targetComplaint.OpenedComplaint, movedComplaint.Name);
        Assert.StartsWith(TestData.CustomerName(target) + "/complaints/", movedComplaint.Name);

        // The moved case goes on through the target's workflow.
        var accepted = await api.Complaints.TransitionComplaintAsync(
            new TransitionComplaintRequest { Name = movedComplaint.Name, TargetStatus = ComplaintStatus.Accepted, Actor = "agent:mia" },
            deadline: Calls.Deadline());
        Assert.Equal(ComplaintStatus.Accepted, accepted.Status);

        var history = await api.ListAllInteractionsAsync(target, pageSize: 2);
        Assert.Equal(["t-2", "t-1", "s-3", "s-2", "s-1"], history.Select(i => i.InteractionId));
        Assert.All(history.Where(i => i.InteractionId.StartsWith("s-", StringComparison.Ordinal)), i => Assert.Equal(TestData.CustomerName(source), i.OriginCustomer));
        Assert.All(history.Where(i => i.InteractionId.StartsWith("t-", StringComparison.Ordinal)), i => Assert.Equal("", i.OriginCustomer));
        var fromSource = await api.GetInteractionAsync(target, "s-2");
        Assert.Equal(TestData.CustomerName(source), fromSource.OriginCustomer);
        Assert.Equal(120, fromSource.Amount.Units);
    }

    [Fact]
    public async Task The_source_id_is_an_alias_for_reads_and_writes_and_a_repeat_changes_nothing()
    {
        var (source, _) = await api.CreateCustomerAsync();
        var (target, _) = await api.CreateCustomerAsync();
        var first = await api.RecordAsync(source, TestData.Inquiry("a-1", TestData.At(TimeSpan.FromHours(1))));
        await api.MergeAsync(source, target);

        var throughAlias = await api.GetCustomerAsync(source);
        Assert.Equal(TestData.CustomerName(target), throughAlias.Name);

        var written = await api.RecordAsync(source, TestData.Inquiry("a-2", TestData.At(TimeSpan.FromHours(2))));
        Assert.False(written.Replayed);
        Assert.Equal("a-2", (await api.GetInteractionAsync(target, "a-2")).InteractionId);
        Assert.Equal("", (await api.GetInteractionAsync(target, "a-2")).OriginCustomer);

        // A retry of an interaction first recorded on the source, sent to either id, is a replay.
        var retryToSource = await api.RecordAsync(source, TestData.Inquiry("a-1", TestData.At(TimeSpan.FromHours(1))));
        var retryToTarget = await api.RecordAsync(target, TestData.Inquiry("a-1", TestData.At(TimeSpan.FromHours(1))));
        Assert.True(retryToSource.Replayed);
        Assert.True(retryToTarget.Replayed);
        Assert.Equal(first.Interaction.RecordTime, retryToTarget.Interaction.RecordTime);
        var changed = TestData.Inquiry("a-1", TestData.At(TimeSpan.FromHours(1)));
        changed.Summary = "Other content.";
        await RpcAssert.FailsAsync(StatusCode.AlreadyExists, () => api.RecordAsync(target, changed));

        var before = await api.GetCustomerAsync(target);
        var again = await api.MergeAsync(source, target);
        Assert.Equal(TestData.CustomerName(target), again.Name);
        Assert.Equal(before.Etag, again.Etag);
        Assert.Equal(2, again.Lifetime.InteractionCount);
        Assert.Equal(["a-2", "a-1"], (await api.ListAllInteractionsAsync(source)).Select(i => i.InteractionId));
    }

    [Fact]
    public async Task A_closed_complaint_of_the_source_is_read_through_the_target_under_an_id_of_its_own()
    {
        var (source, _) = await api.CreateCustomerAsync();
        var (target, _) = await api.CreateCustomerAsync();
        var closedName = (await api.RecordAsync(source, TestData.Complaint("c-1", TestData.At(TimeSpan.FromHours(1))))).OpenedComplaint;
        foreach (var step in new[] { ComplaintStatus.Accepted, ComplaintStatus.Analysed, ComplaintStatus.BeingHandled, ComplaintStatus.Resolved, ComplaintStatus.FollowUpDone, ComplaintStatus.Closed })
        {
            await api.Complaints.TransitionComplaintAsync(Rpc.ComplaintServiceTests.Transition(closedName, step), deadline: Calls.Deadline());
        }

        var own = (await api.RecordAsync(target, TestData.Complaint("c-2", TestData.At(TimeSpan.FromHours(2))))).OpenedComplaint;
        var closedId = closedName.Split('/')[^1];
        Assert.Equal(closedId, own.Split('/')[^1]);

        await api.MergeAsync(source, target);

        var complaints = await api.ListAllComplaintsAsync(target, pageSize: 1);
        Assert.Equal(2, complaints.Count);
        Assert.Equal(2, complaints.Select(k => k.Name).Distinct().Count());
        var history = Assert.Single(complaints, k => k.Status == ComplaintStatus.Closed);
        Assert.Equal(TestData.CustomerName(target) + $"/complaints/{closedId}.{source}", history.Name);
        Assert.Equal(TestData.CustomerName(source), history.MergedFrom.Customer);
        Assert.Equal(closedId, history.MergedFrom.Id);
        var read = await api.Complaints.GetComplaintAsync(new GetComplaintRequest { Name = history.Name }, deadline: Calls.Deadline());
        Assert.Equal(ComplaintStatus.Closed, read.Status);
        Assert.Equal(7, read.History.Count);
        var opening = await api.Interactions.GetInteractionAsync(new GetInteractionRequest { Name = read.SourceInteraction }, deadline: Calls.Deadline());
        Assert.Equal(TestData.CustomerName(source), opening.OriginCustomer);
        Assert.Equal(ComplaintStatus.Recorded, (await api.Complaints.GetComplaintAsync(new GetComplaintRequest { Name = own }, deadline: Calls.Deadline())).Status);
        Assert.Single(await api.ListAllComplaintsAsync(target), k => k.Name == own && k.MergedFrom is null);
    }

    [Fact]
    public async Task Interactions_of_equal_time_and_sequence_on_both_customers_page_without_loss_or_repeat()
    {
        var (source, _) = await api.CreateCustomerAsync();
        var (target, _) = await api.CreateCustomerAsync();
        for (var n = 1; n <= 4; n++)
        {
            // The same occur time and, both being the n-th interaction, the same log sequence.
            await api.RecordAsync(source, TestData.Inquiry($"s-{n}", TestData.At(TimeSpan.FromMinutes(n))));
            await api.RecordAsync(target, TestData.Inquiry($"t-{n}", TestData.At(TimeSpan.FromMinutes(n))));
        }

        await api.MergeAsync(source, target);

        var later = string.CompareOrdinal(source, target) > 0 ? "s" : "t";
        var earlier = later == "s" ? "t" : "s";
        var expected = Enumerable.Range(1, 4).Reverse().SelectMany(n => new[] { $"{later}-{n}", $"{earlier}-{n}" }).ToArray();
        foreach (var pageSize in new[] { 1, 2, 3, 100 })
        {
            Assert.Equal(expected, (await api.ListAllInteractionsAsync(target, pageSize)).Select(i => i.InteractionId));
        }
    }

    [Fact]
    public async Task Bad_merges_get_exact_statuses_and_change_nothing()
    {
        var (a, _) = await api.CreateCustomerAsync();
        var (b, _) = await api.CreateCustomerAsync();
        var (c, _) = await api.CreateCustomerAsync();

        await RpcAssert.InvalidAsync(() => api.MergeAsync(a, a), "target");
        await RpcAssert.InvalidAsync(
            () => api.Customers.MergeCustomersAsync(new MergeCustomersRequest { Source = "people/x", Target = "" }, deadline: Calls.Deadline()).ResponseAsync,
            "source", "target");
        await RpcAssert.FailsAsync(StatusCode.NotFound, () => api.MergeAsync(TestData.NewCustomerId(), b));
        await RpcAssert.FailsAsync(StatusCode.NotFound, () => api.MergeAsync(a, TestData.NewCustomerId()));

        await api.MergeAsync(a, b);
        // Into a customer that was merged itself; the merged source into another target; back into its source.
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () => api.MergeAsync(c, a));
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () => api.MergeAsync(a, c));
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () => api.MergeAsync(b, a));
        Assert.Equal(TestData.CustomerName(c), (await api.GetCustomerAsync(c)).Name);
        Assert.Equal(TestData.CustomerName(b), (await api.GetCustomerAsync(b)).Name);
    }

    private Task<Need> CreateNeedAsync(string customerId, string needId, string title) =>
        api.Needs.CreateNeedAsync(
            new CreateNeedRequest { Parent = TestData.CustomerName(customerId), NeedId = needId, Need = TestData.Need(title, 3, 3), Actor = "agent:mia" },
            deadline: Calls.Deadline()).ResponseAsync;
}
