using CustomerNeeds.Api.Tests.Infrastructure;
using CustomerNeeds.Api.V1;
using Google.Protobuf.WellKnownTypes;

namespace CustomerNeeds.Api.Tests.Rpc;

/// <summary>RecordInteraction, GetInteraction and ListInteractions happy paths.</summary>
[Collection(ApiCollection.Name)]
public sealed class InteractionServiceTests(ServerFixture fixture)
{
    private readonly ApiClients api = fixture.Clients;

    [Fact]
    public async Task A_purchase_in_eur_is_recorded_and_read_back()
    {
        var (id, _) = await api.CreateCustomerAsync();
        var input = TestData.Purchase("i-1", TestData.At(TimeSpan.FromHours(1)), TestData.Eur(12, 500_000_000));
        input.Sentiment = Sentiment.Positive;

        var response = await api.RecordAsync(id, input);

        Assert.False(response.Replayed);
        Assert.Equal("", response.OpenedComplaint);
        var stored = response.Interaction;
        Assert.Equal(TestData.InteractionName(id, "i-1"), stored.Name);
        Assert.NotNull(stored.RecordTime);
        var expected = input.Clone();
        expected.Name = stored.Name;
        expected.RecordTime = stored.RecordTime;
        Assert.Equal(expected, stored);

        Assert.Equal(stored, await api.GetInteractionAsync(id, "i-1"));

        var customer = await api.GetCustomerAsync(id);
        Assert.Equal(1, customer.Lifetime.InteractionCount);
        Assert.Equal(1, customer.Lifetime.PurchaseCount);
        Assert.Equal(TestData.Eur(12, 500_000_000), customer.Lifetime.LifetimeSpend);
        Assert.Equal(stored, Assert.Single(customer.RecentInteractions));
    }

    [Fact]
    public async Task Csat_nps_sentiment_and_related_needs_are_kept()
    {
        var (id, _) = await api.CreateCustomerAsync();
        var need = await api.Needs.CreateNeedAsync(new CreateNeedRequest
        {
            Parent = TestData.CustomerName(id),
            NeedId = "n-1",
            Need = TestData.Need("Spare parts", 3, 3),
            Actor = "agent:anna",
        }, deadline: Calls.Deadline());
        var input = TestData.Survey("i-s", TestData.At(TimeSpan.FromHours(2)), csat: 4, nps: 9);
        input.Sentiment = Sentiment.Neutral;
        input.RelatedNeeds.Add(need.Name);

        var stored = (await api.RecordAsync(id, input)).Interaction;

        Assert.Equal(4, stored.Csat);
        Assert.Equal(9, stored.Nps);
        Assert.True(stored.HasCsat);
        Assert.True(stored.HasNps);
        Assert.Equal(Sentiment.Neutral, stored.Sentiment);
        Assert.Equal(new[] { need.Name }, stored.RelatedNeeds);

        var plain = (await api.RecordAsync(id, TestData.Inquiry("i-plain", TestData.At(TimeSpan.FromHours(3))))).Interaction;
        Assert.False(plain.HasCsat);
        Assert.False(plain.HasNps);
    }

    [Fact]
    public async Task A_complaint_opens_a_case_named_in_the_response()
    {
        var (id, _) = await api.CreateCustomerAsync();
        var input = TestData.Complaint("i-c", TestData.At(TimeSpan.FromHours(5)), ComplaintSeverity.High);

        var response = await api.RecordAsync(id, input);

        Assert.Matches($"^customers/{id}/complaints/[A-Za-z0-9._-]+$", response.OpenedComplaint);
        var complaint = await api.Complaints.GetComplaintAsync(new GetComplaintRequest { Name = response.OpenedComplaint }, deadline: Calls.Deadline());
        Assert.Equal(response.OpenedComplaint, complaint.Name);
        Assert.Equal(ComplaintStatus.Recorded, complaint.Status);
        Assert.Equal(ComplaintSeverity.High, complaint.Severity);
        Assert.Equal(input.Summary, complaint.Summary);
        Assert.Equal(response.Interaction.Name, complaint.SourceInteraction);
        Assert.Equal(input.OccurTime, complaint.OpenTime);
        Assert.NotNull(complaint.ResponseSlaDeadline);
        Assert.NotNull(complaint.ResolutionSlaDeadline);
        Assert.True(complaint.ResponseSlaDeadline > complaint.OpenTime);
        Assert.Null(complaint.FirstResponseTime);
        var opening = Assert.Single(complaint.History);
        Assert.Equal(ComplaintStatus.Unspecified, opening.FromStatus);
        Assert.Equal(ComplaintStatus.Recorded, opening.ToStatus);
        Assert.Equal("agent:bob", opening.Actor);

        var customer = await api.GetCustomerAsync(id);
        Assert.Equal(1, customer.OpenComplaintCount);
        Assert.Equal(1, customer.Lifetime.ComplaintCount);
    }

    [Fact]
    public async Task A_referral_names_the_referred_customer_and_counts()
    {
        var (id, _) = await api.CreateCustomerAsync();
        var referred = TestData.CustomerName(TestData.NewCustomerId());
        var input = new Interaction
        {
            InteractionId = "i-ref",
            Channel = InteractionChannel.Phone,
            Kind = InteractionKind.Referral,
            Direction = InteractionDirection.Inbound,
            OccurTime = TestData.At(TimeSpan.FromHours(1)),
            Summary = "Recommended us to a friend.",
            ReferredCustomer = referred,
        };

        var stored = (await api.RecordAsync(id, input)).Interaction;

        Assert.Equal(InteractionKind.Referral, stored.Kind);
        Assert.Equal(referred, stored.ReferredCustomer);
        Assert.Equal(stored, await api.GetInteractionAsync(id, "i-ref"));
        var customer = await api.GetCustomerAsync(id);
        Assert.Equal(1, customer.Lifetime.ReferralCount);
        Assert.Equal(1, customer.Lifetime.InteractionCount);
    }

    [Fact]
    public async Task List_is_newest_first_and_filters_by_channel_kind_and_time_range()
    {
        var (id, _) = await api.CreateCustomerAsync();
        // Recorded out of order; occur times h0..h5 hours after the base time.
        var inputs = new[]
        {
            TestData.Inquiry("i-3", TestData.At(TimeSpan.FromHours(3)), InteractionChannel.Email),
            TestData.Purchase("i-1", TestData.At(TimeSpan.FromHours(1)), TestData.Eur(10)),
            TestData.Inquiry("i-5", TestData.At(TimeSpan.FromHours(5)), InteractionChannel.Chat),
            TestData.Inquiry("i-0", TestData.At(TimeSpan.Zero), InteractionChannel.Phone),
            TestData.Purchase("i-4", TestData.At(TimeSpan.FromHours(4)), TestData.Eur(20)),
            TestData.Inquiry("i-2", TestData.At(TimeSpan.FromHours(2)), InteractionChannel.Email),
        };
        foreach (var input in inputs)
        {
            await api.RecordAsync(id, input);
        }

        async Task<string[]> Ids(Action<ListInteractionsRequest> filter, int pageSize = 2)
        {
            var request = new ListInteractionsRequest { Parent = TestData.CustomerName(id), PageSize = pageSize };
            filter(request);
            var (items, _) = await api.ListAllInteractionsAsync(request);
            Calls.AssertNewestFirst(items);
            return items.Select(i => i.InteractionId).ToArray();
        }

        Assert.Equal(new[] { "i-5", "i-4", "i-3", "i-2", "i-1", "i-0" }, await Ids(_ => { }));
        Assert.Equal(new[] { "i-5", "i-4", "i-3", "i-2", "i-1", "i-0" }, await Ids(_ => { }, pageSize: 0));
        Assert.Equal(new[] { "i-3", "i-2" }, await Ids(r => r.Channels.Add(InteractionChannel.Email)));
        Assert.Equal(new[] { "i-5", "i-3", "i-2" }, await Ids(r => r.Channels.Add([InteractionChannel.Email, InteractionChannel.Chat])));
        Assert.Equal(new[] { "i-4", "i-1" }, await Ids(r => r.Kinds.Add(InteractionKind.Purchase)));
        Assert.Equal(new[] { "i-4", "i-3", "i-2" }, await Ids(r =>
        {
            r.OccurStartTime = TestData.At(TimeSpan.FromHours(2));   // inclusive
            r.OccurEndTime = TestData.At(TimeSpan.FromHours(5));     // exclusive
        }));
        Assert.Equal(new[] { "i-5", "i-4" }, await Ids(r => r.OccurStartTime = TestData.At(TimeSpan.FromHours(4))));
        Assert.Equal(new[] { "i-1", "i-0" }, await Ids(r => r.OccurEndTime = TestData.At(TimeSpan.FromHours(2))));
        Assert.Equal(new[] { "i-4" }, await Ids(r =>
        {
            r.Kinds.Add(InteractionKind.Purchase);
            r.OccurStartTime = TestData.At(TimeSpan.FromHours(2));
        }));
        Assert.Empty(await Ids(r => r.Channels.Add(InteractionChannel.Letter)));
    }

    [Fact]
    public async Task Equal_occur_times_list_most_recently_recorded_first()
    {
        var (id, _) = await api.CreateCustomerAsync();
        var at = TestData.At(TimeSpan.FromHours(7));
        foreach (var name in new[] { "first", "second", "third" })
        {
            await api.RecordAsync(id, TestData.Inquiry(name, at));
        }

        var listed = await api.ListAllInteractionsAsync(id, pageSize: 1);
        Assert.Equal(new[] { "third", "second", "first" }, listed.Select(i => i.InteractionId));
    }

    [Fact]
    public async Task Record_time_is_the_server_clock_and_occur_time_may_be_slightly_in_the_future()
    {
        var (id, _) = await api.CreateCustomerAsync();
        var before = DateTimeOffset.UtcNow.AddSeconds(-30);
        var soon = Timestamp.FromDateTimeOffset(DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.AddMinutes(2).ToUnixTimeMilliseconds()));
        var stored = (await api.RecordAsync(id, TestData.Inquiry("i-soon", soon))).Interaction;
        Assert.Equal(soon, stored.OccurTime);
        Assert.True(stored.RecordTime.ToDateTimeOffset() >= before);
        Assert.True(stored.RecordTime.ToDateTimeOffset() <= DateTimeOffset.UtcNow.AddSeconds(30));
    }
}
