using CustomerNeeds.Abstractions;
using CustomerNeeds.Abstractions.Customers;
using CustomerNeeds.Abstractions.Errors;
using CustomerNeeds.Domain.Complaints;
using CustomerNeeds.Domain.Customers;
using CustomerNeeds.Domain.Needs;

namespace CustomerNeeds.Grains.Tests;

[Collection(InMemoryClusterCollection.Name)]
public sealed class CustomerGrainTests(InMemoryClusterFixture fixture)
{
    private ICustomerGrain NewCustomer() => fixture.Grains.GetGrain<ICustomerGrain>(Samples.NewCustomerId());

    [Fact]
    public async Task Create_then_get_returns_the_profile_and_a_version_etag()
    {
        var customer = NewCustomer();
        var created = await customer.CreateAsync(Samples.Profile("Grace"));
        var read = await customer.GetAsync();

        Assert.Equal("Grace", read.Profile.DisplayName);
        Assert.Equal(created.Etag, read.Etag);
        Assert.Equal(0, read.InteractionCount);
    }

    [Fact]
    public async Task Operations_on_an_unknown_customer_are_not_found_and_create_twice_already_exists()
    {
        var customer = NewCustomer();
        var missing = await Assert.ThrowsAsync<CustomerOperationException>(() => customer.GetAsync());
        Assert.Equal(CustomerErrorCode.NotFound, missing.Code);

        await customer.CreateAsync(Samples.Profile());
        var again = await Assert.ThrowsAsync<CustomerOperationException>(() => customer.CreateAsync(Samples.Profile()));
        Assert.Equal(CustomerErrorCode.AlreadyExists, again.Code);
    }

    [Fact]
    public async Task Stale_etag_is_aborted_and_changes_nothing()
    {
        var customer = NewCustomer();
        var created = await customer.CreateAsync(Samples.Profile("Before"));
        await customer.UpdateProfileAsync(new UpdateProfile(Samples.Profile("Middle"), ["display_name"], created.Etag));

        var stale = await Assert.ThrowsAsync<CustomerOperationException>(() =>
            customer.UpdateProfileAsync(new UpdateProfile(Samples.Profile("After"), ["display_name"], created.Etag)));

        Assert.Equal(CustomerErrorCode.Aborted, stale.Code);
        Assert.Equal("Middle", (await customer.GetAsync()).Profile.DisplayName);
    }

    [Fact]
    public async Task Interactions_count_once_and_a_retry_is_answered_from_the_store()
    {
        var customer = NewCustomer();
        await customer.CreateAsync(Samples.Profile());

        var first = await customer.RecordInteractionAsync(Samples.Purchase("p-1", 1, 25m));
        var retry = await customer.RecordInteractionAsync(Samples.Purchase("p-1", 1, 25m));
        var conflict = await Assert.ThrowsAsync<CustomerOperationException>(() => customer.RecordInteractionAsync(Samples.Purchase("p-1", 1, 26m)));

        Assert.False(first.Replayed);
        Assert.True(retry.Replayed);
        Assert.Equal(first.RecordedAt, retry.RecordedAt);
        Assert.Equal(CustomerErrorCode.AlreadyExists, conflict.Code);
        var summary = await customer.GetAsync();
        Assert.Equal(1, summary.InteractionCount);
        Assert.Equal(1, summary.PurchaseCount);
        Assert.Equal(25m, summary.LifetimeSpend.Amount);
    }

    [Fact]
    public async Task A_complaint_interaction_opens_a_case_that_moves_through_the_workflow_and_stays_readable_when_closed()
    {
        var customer = NewCustomer();
        await customer.CreateAsync(Samples.Profile());
        var recorded = await customer.RecordInteractionAsync(Samples.Complaint("k-1", 1));
        var complaintId = Assert.IsType<string>(recorded.OpenedComplaintId);

        foreach (var status in new[] { ComplaintStatus.Accepted, ComplaintStatus.Analysed, ComplaintStatus.BeingHandled, ComplaintStatus.Resolved, ComplaintStatus.FollowUpDone, ComplaintStatus.Closed })
        {
            await customer.TransitionComplaintAsync(new TransitionComplaint(complaintId, status, false, "agent-7", "step", null));
        }

        var closed = await customer.GetComplaintAsync(complaintId);
        Assert.Equal(ComplaintStatus.Closed, closed.Status);
        Assert.NotNull(closed.FirstResponseAt);
        Assert.NotNull(closed.ResolvedAt);
        Assert.Equal(0, (await customer.GetAsync()).OpenComplaintCount);

        var illegal = await Assert.ThrowsAsync<CustomerOperationException>(() =>
            customer.TransitionComplaintAsync(new TransitionComplaint(complaintId, ComplaintStatus.Accepted, false, "agent-7", "", null)));
        Assert.Equal(CustomerErrorCode.FailedPrecondition, illegal.Code);

        var reopened = await customer.TransitionComplaintAsync(new TransitionComplaint(complaintId, ComplaintStatus.BeingHandled, false, "agent-7", "broke again", null));
        Assert.Equal(1, reopened.ReopenCount);
        var page = await customer.ListComplaintsAsync(new ComplaintQuery(10, [ComplaintStatus.BeingHandled], null));
        Assert.Equal(complaintId, Assert.Single(page.Complaints).Id);
    }

    [Fact]
    public async Task Needs_list_by_priority_and_illegal_moves_are_failed_precondition()
    {
        var customer = NewCustomer();
        await customer.CreateAsync(Samples.Profile());
        var low = await customer.CreateNeedAsync(new CreateNeed(null, new NeedFields { Title = "low", Type = NeedType.Explicit, Area = NeedArea.Price, Importance = 1, Urgency = 2 }, "analyst"));
        var high = await customer.CreateNeedAsync(new CreateNeed(null, new NeedFields { Title = "high", Type = NeedType.Latent, Area = NeedArea.Service, Importance = 5, Urgency = 4 }, "analyst"));

        var page = await customer.ListNeedsAsync(new NeedQuery(10, 0, [], [], [], []));
        Assert.Equal([high.Id, low.Id], page.Needs.Select(n => n.Id));

        var illegal = await Assert.ThrowsAsync<CustomerOperationException>(() => customer.UpdateNeedAsync(
            new UpdateNeed(low.Id, new NeedFields { Status = NeedStatus.Satisfied }, ["status"], "analyst", "jump", null)));
        Assert.Equal(CustomerErrorCode.FailedPrecondition, illegal.Code);
    }

    [Fact]
    public async Task Sixty_four_concurrent_writers_on_one_customer_keep_every_counter_exact()
    {
        var customer = NewCustomer();
        await customer.CreateAsync(Samples.Profile());

        await Task.WhenAll(Enumerable.Range(0, 64).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < 5; i++)
            {
                await customer.RecordInteractionAsync(Samples.Purchase($"w{w}-{i}", (w * 5) + i, 2m));
            }
        })));

        var summary = await customer.GetAsync();
        Assert.Equal(320, summary.InteractionCount);
        Assert.Equal(320, summary.PurchaseCount);
        Assert.Equal(640m, summary.LifetimeSpend.Amount);
        Assert.Equal(20, summary.RecentInteractions.Count);
    }

    [Fact]
    public async Task References_to_unknown_interactions_or_complaints_are_not_found_and_record_nothing()
    {
        var customer = NewCustomer();
        await customer.CreateAsync(Samples.Profile());

        var need = await Assert.ThrowsAsync<CustomerOperationException>(() => customer.CreateNeedAsync(new CreateNeed(
            null, new NeedFields { Title = "t", Type = NeedType.Explicit, Area = NeedArea.Price, Importance = 1, Urgency = 1, Source = new NeedSource("nope", ResearchMethod.Survey) }, "analyst")));
        var interaction = await Assert.ThrowsAsync<CustomerOperationException>(() =>
            customer.RecordInteractionAsync(Samples.Purchase("p-1", 1) with { RelatedComplaintId = "k404" }));

        Assert.Equal(CustomerErrorCode.NotFound, need.Code);
        Assert.Equal(CustomerErrorCode.NotFound, interaction.Code);
        var summary = await customer.GetAsync();
        Assert.Equal(0, summary.InteractionCount);
        Assert.Empty((await customer.ListNeedsAsync(new NeedQuery(10, 0, [], [], [], []))).Needs);
    }

    [Fact]
    public async Task A_referral_counts_with_or_without_the_referred_customer()
    {
        var customer = NewCustomer();
        await customer.CreateAsync(Samples.Profile());
        var referral = Samples.Purchase("r-1", 1) with { Kind = Domain.Interactions.InteractionKind.Referral, Amount = null };

        await customer.RecordInteractionAsync(referral);
        await customer.RecordInteractionAsync(referral with { InteractionId = "r-2", ReferredCustomerId = "c-friend" });

        Assert.Equal(2, (await customer.GetLoyaltyAsync()).ReferralCount);
    }

    [Fact]
    public async Task A_retry_of_an_interaction_older_than_the_recent_twenty_is_answered_from_the_log()
    {
        var customer = NewCustomer();
        await customer.CreateAsync(Samples.Profile());
        var first = await customer.RecordInteractionAsync(Samples.Purchase("old", 0, 7m));
        for (var i = 1; i <= 25; i++)
        {
            await customer.RecordInteractionAsync(Samples.Purchase($"p-{i}", i));
        }

        var retry = await customer.RecordInteractionAsync(Samples.Purchase("old", 0, 7m));
        var conflict = await Assert.ThrowsAsync<CustomerOperationException>(() => customer.RecordInteractionAsync(Samples.Purchase("old", 0, 8m)));

        Assert.True(retry.Replayed);
        Assert.Equal(first.RecordedAt, retry.RecordedAt);
        Assert.Equal(CustomerErrorCode.AlreadyExists, conflict.Code);
        var summary = await customer.GetAsync();
        Assert.DoesNotContain(summary.RecentInteractions, i => i.InteractionId == "old");
        Assert.Equal(26, summary.InteractionCount);
        Assert.Equal(257m, summary.LifetimeSpend.Amount);
    }
}
