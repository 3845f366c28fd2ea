using CustomerNeeds.Api.Tests.Infrastructure;
using CustomerNeeds.Api.V1;
using CustomerNeeds.Testing;
using Google.Protobuf.WellKnownTypes;

namespace CustomerNeeds.Api.Tests.Analytics;

/// <summary>
/// The analytics over data written through the real RPCs: customers, interactions, complaint
/// transitions and survey answers go through the write path into the read model, and GetKpis,
/// ListCoreCustomers and GetKanoAnalysis (also restricted to a segment) read them back.
/// </summary>
[Collection(AnalyticsCollection.Name)]
public sealed class AnalyticsEndToEndTests(AnalyticsServerFixture fixture) : IAsyncLifetime
{
    private ApiClients Api => fixture.Clients;

    public Task InitializeAsync() => ReadModelRows.ClearAsync(fixture.DataSource);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Kpis_count_what_the_rpcs_recorded()
    {
        var (vip, _) = await Api.CreateCustomerAsync(VipProfile("Vera"));
        var (other, _) = await Api.CreateCustomerAsync();
        await Api.RecordAsync(vip, TestData.Survey("s1", TestData.At(TimeSpan.FromHours(1)), csat: 5, nps: 10));
        await Api.RecordAsync(vip, TestData.Purchase("p1", TestData.At(TimeSpan.FromHours(2)), TestData.Eur(100)));
        await Api.RecordAsync(vip, TestData.Purchase("p2", TestData.At(TimeSpan.FromHours(3)), TestData.Eur(50)));
        await Api.RecordAsync(other, TestData.Survey("s1", TestData.At(TimeSpan.FromHours(1)), csat: 2, nps: 3));
        await OpenAndResolveAsync(other, "k", TimeSpan.FromHours(4));

        var kpis = await KpisAsync("");

        var t = kpis.Total;
        Assert.Equal((5L, 2L), (t.InteractionCount, t.ActiveCustomerCount));
        Assert.Equal((2L, 3.5), (t.Csat.Count, t.Csat.Mean));
        Assert.Equal((2L, 1L, 1L, 0.0), (t.Nps.AnswerCount, t.Nps.PromoterCount, t.Nps.DetractorCount, t.Nps.Score));
        Assert.Equal((1L, 0.5), (t.ComplainingCustomerCount, t.ComplaintRate));
        Assert.Equal((1L, 1L, 1.0), (t.BuyerCount, t.RepeatBuyerCount, t.RepurchaseRate));
        var k = t.Complaints;
        Assert.Equal((1L, 1L, 1L, 1L), (k.OpenedCount, k.RespondedCount, k.ResolvedCount, k.FirstContactResolvedCount));
        Assert.Equal((1.0, 1.0), (k.ResolutionRate, k.FirstContactResolutionRate));
        Assert.True(k.FirstResponseP50.ToTimeSpan() > TimeSpan.Zero);
        Assert.True(k.ResolutionP90.ToTimeSpan() >= k.FirstResponseP90.ToTimeSpan());
        Assert.Equal(
            [InteractionChannel.Email, InteractionChannel.InStore, InteractionChannel.Survey],
            kpis.Channels.Select(c => c.Channel));
        Assert.Equal(1, kpis.Channels[0].Figures.Complaints.OpenedCount);
        Assert.Equal(2, kpis.Channels[2].Figures.Csat.Count);

        // Only the vip segment: Vera's three interactions.
        await CreateVipSegmentAsync();
        var vipKpis = await KpisAsync("segments/vip");
        Assert.Equal("segments/vip", vipKpis.Segment);
        Assert.Equal((3L, 1L, 5.0, 100.0), (vipKpis.Total.InteractionCount, vipKpis.Total.ActiveCustomerCount, vipKpis.Total.Csat.Mean, vipKpis.Total.Nps.Score));
        Assert.Equal(0, vipKpis.Total.Complaints.OpenedCount);
    }

    [Fact]
    public async Task Referral_churn_and_first_contact_resolution_count_what_the_rpcs_recorded()
    {
        var (ann, _) = await Api.CreateCustomerAsync();
        var (ben, _) = await Api.CreateCustomerAsync();
        var (cai, _) = await Api.CreateCustomerAsync();
        // The previous period [-1 day, 0): Ann and Ben buy. The window [0, 1 day): only Ann buys again.
        await Api.RecordAsync(ann, TestData.Purchase("p0", TestData.At(TimeSpan.FromHours(-20)), TestData.Eur(10)));
        await Api.RecordAsync(ben, TestData.Purchase("p0", TestData.At(TimeSpan.FromHours(-10)), TestData.Eur(10)));
        await Api.RecordAsync(ann, TestData.Purchase("p1", TestData.At(TimeSpan.FromHours(1)), TestData.Eur(10)));
        var referral = new Interaction
        {
            InteractionId = "r1", Channel = InteractionChannel.Phone, Kind = InteractionKind.Referral,
            Direction = InteractionDirection.Inbound, OccurTime = TestData.At(TimeSpan.FromHours(2)), Agent = "agent:anna",
            ReferredCustomer = TestData.CustomerName("friend-of-ann"),
        };
        await Api.RecordAsync(ann, referral);
        // Ben's complaint is resolved, but he gets in touch about it again: not resolved at first contact.
        var bens = await OpenAndResolveAsync(ben, "k", TimeSpan.FromHours(3));
        var again = TestData.Inquiry("q1", TestData.At(TimeSpan.FromHours(8)));
        again.RelatedComplaint = bens;
        await Api.RecordAsync(ben, again);
        // Cai's complaint is resolved; our outbound follow-up call about it does not count against it.
        var cais = await OpenAndResolveAsync(cai, "k", TimeSpan.FromHours(3));
        var followUp = new Interaction
        {
            InteractionId = "f1", Channel = InteractionChannel.Phone, Kind = InteractionKind.FollowUpCall,
            Direction = InteractionDirection.Outbound, OccurTime = TestData.At(TimeSpan.FromHours(9)), Agent = "agent:bob",
            RelatedComplaint = cais,
        };
        await Api.RecordAsync(cai, followUp);

        var kpis = await KpisAsync("");

        var t = kpis.Total;
        Assert.Equal((3L, 1L, 1.0 / 3), (t.ActiveCustomerCount, t.ReferringCustomerCount, t.ReferralRate));
        Assert.Equal((2L, 2.0 / 3), (t.ComplainingCustomerCount, t.ComplaintRate));
        Assert.Equal((1L, 0L, 0.0), (t.BuyerCount, t.RepeatBuyerCount, t.RepurchaseRate));
        Assert.Equal((2L, 2L, 1L, 1.0, 0.5), (t.Complaints.OpenedCount, t.Complaints.ResolvedCount, t.Complaints.FirstContactResolvedCount, t.Complaints.ResolutionRate, t.Complaints.FirstContactResolutionRate));
        Assert.Equal((2L, 1L, 0.5), (kpis.Churn.BaseCustomerCount, kpis.Churn.ChurnedCustomerCount, kpis.Churn.Rate));
        var phone = kpis.Channels.Single(c => c.Channel == InteractionChannel.Phone).Figures;
        Assert.Equal((3L, 1L), (phone.ActiveCustomerCount, phone.ReferringCustomerCount));
    }

    [Fact]
    public async Task The_core_and_the_kano_analysis_read_what_the_rpcs_recorded()
    {
        await Api.Kano.CreateKanoFeatureAsync(new CreateKanoFeatureRequest
        {
            FeatureId = "reorder",
            KanoFeature = new KanoFeature { DisplayName = "Reorder", FunctionalQuestion = "With it?", DysfunctionalQuestion = "Without it?" },
        }, deadline: Calls.Deadline());
        var (vip, _) = await Api.CreateCustomerAsync(VipProfile("Vera"));
        var (b, _) = await Api.CreateCustomerAsync();
        var (c, _) = await Api.CreateCustomerAsync();
        await Api.RecordAsync(vip, TestData.Purchase("p1", TestData.At(TimeSpan.FromHours(1)), TestData.Eur(800)));
        await Api.RecordAsync(b, TestData.Purchase("p1", TestData.At(TimeSpan.FromHours(1)), TestData.Eur(150)));
        await Api.RecordAsync(c, TestData.Purchase("p1", TestData.At(TimeSpan.FromHours(1)), TestData.Eur(50)));
        // Vera: first must-be (neutral / dislike), later one-dimensional (like / dislike): the later answer counts.
        await Api.RecordAsync(vip, Kano("k1", TimeSpan.FromHours(2), KanoAnswer.Neutral, KanoAnswer.Dislike));
        await Api.RecordAsync(vip, Kano("k2", TimeSpan.FromHours(3), KanoAnswer.Like, KanoAnswer.Dislike));
        await Api.RecordAsync(b, Kano("k1", TimeSpan.FromHours(2), KanoAnswer.Like, KanoAnswer.Neutral));
        await Api.RecordAsync(c, Kano("k1", TimeSpan.FromHours(2), KanoAnswer.Like, KanoAnswer.LiveWith));
        await Api.Kano.RecordKanoStaffBeliefAsync(new RecordKanoStaffBeliefRequest
        {
            Parent = "kanoFeatures/reorder", StaffId = "anna", Functional = KanoAnswer.MustBe, Dysfunctional = KanoAnswer.Dislike,
        }, deadline: Calls.Deadline());

        var core = await Api.Analytics.ListCoreCustomersAsync(new ListCoreCustomersRequest(), deadline: Calls.Deadline());
        Assert.Equal([TestData.CustomerName(vip)], core.CoreCustomers.Select(x => x.Customer));
        Assert.Equal((3L, TestData.Eur(1000), 0.8), (core.PopulationCount, core.TotalRevenue, core.CoreCustomers[0].CumulativeRevenueShare));

        var all = (await Api.Analytics.GetKanoAnalysisAsync(new GetKanoAnalysisRequest { Feature = "kanoFeatures/reorder" }, deadline: Calls.Deadline())).Features.Single();
        // Customers: O 1, A 2 -> attractive; better 3/3, worse -1/3. Staff: M -> differs.
        Assert.Equal((3L, 2L, 1L, KanoClass.Attractive), (all.Customers.RespondentCount, all.Customers.AttractiveCount, all.Customers.OneDimensionalCount, all.Customers.KanoClass));
        Assert.Equal(1.0, all.Customers.Better, 12);
        Assert.Equal(-1.0 / 3, all.Customers.Worse, 12);
        Assert.Equal((KanoClass.MustBe, true), (all.Staff.KanoClass, all.Gap.ClassDiffers));

        await CreateVipSegmentAsync();
        var vipOnly = (await Api.Analytics.GetKanoAnalysisAsync(
            new GetKanoAnalysisRequest { Feature = "kanoFeatures/reorder", Segment = "segments/vip" }, deadline: Calls.Deadline())).Features.Single();
        Assert.Equal((1L, KanoClass.OneDimensional), (vipOnly.Customers.RespondentCount, vipOnly.Customers.KanoClass));
        Assert.Equal(1, vipOnly.Staff.RespondentCount);
    }

    private static Customer VipProfile(string name)
    {
        var profile = TestData.MinimalProfile(name);
        profile.Tags.Add("vip");
        return profile;
    }

    private static Interaction Kano(string id, TimeSpan at, KanoAnswer functional, KanoAnswer dysfunctional)
    {
        var survey = TestData.Survey(id, TestData.At(at), csat: null, nps: null);
        survey.KanoAnswers.Add(new KanoFeatureAnswer { Feature = "kanoFeatures/reorder", Functional = functional, Dysfunctional = dysfunctional });
        return survey;
    }

    private async Task CreateVipSegmentAsync()
    {
        await using (var command = fixture.DataSource.CreateCommand("DELETE FROM segments WHERE segment_id = 'vip'"))
        {
            await command.ExecuteNonQueryAsync();
        }

        await Api.Segments.CreateSegmentAsync(new CreateSegmentRequest
        {
            SegmentId = "vip",
            Segment = new Segment { DisplayName = "VIP", Filter = "tags:\"vip\"" },
        }, deadline: Calls.Deadline());
    }

    /// <summary>Records a complaint interaction and walks the opened complaint to RESOLVED; returns its name.</summary>
    private async Task<string> OpenAndResolveAsync(string customerId, string interactionId, TimeSpan at)
    {
        var opened = (await Api.RecordAsync(customerId, TestData.Complaint(interactionId, TestData.At(at)))).OpenedComplaint;
        foreach (var status in new[] { ComplaintStatus.Accepted, ComplaintStatus.Analysed, ComplaintStatus.BeingHandled, ComplaintStatus.Resolved })
        {
            await Api.Complaints.TransitionComplaintAsync(
                new TransitionComplaintRequest { Name = opened, TargetStatus = status, Actor = "agent:bob" }, deadline: Calls.Deadline());
        }

        return opened;
    }

    private async Task<Kpis> KpisAsync(string segment) => await Api.Analytics.GetKpisAsync(new GetKpisRequest
    {
        StartTime = TestData.At(TimeSpan.Zero),
        EndTime = TestData.At(TimeSpan.FromDays(1)),
        Segment = segment,
        IncludeChannels = true,
    }, deadline: Calls.Deadline());
}
