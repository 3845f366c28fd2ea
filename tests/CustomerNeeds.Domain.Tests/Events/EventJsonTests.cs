using System.Text.Json;
using CustomerNeeds.Domain.Complaints;
using CustomerNeeds.Domain.Customers;
using CustomerNeeds.Domain.Events;
using CustomerNeeds.Domain.Interactions;
using CustomerNeeds.Domain.Kano;
using CustomerNeeds.Domain.Loyalty;
using CustomerNeeds.Domain.Merging;
using CustomerNeeds.Domain.Needs;
using CustomerNeeds.Domain.Privacy;

namespace CustomerNeeds.Domain.Tests.Events;

public sealed class EventJsonTests
{
    private static readonly DateTimeOffset At = new(2025, 3, 4, 5, 6, 7, 890, TimeSpan.FromHours(2));

    private static readonly CustomerProfile Profile = new()
    {
        DisplayName = "Acme",
        ContactPoints = new ContactPoints { Phones = ["1"], Emails = ["a@b"], ExternalIds = new Dictionary<string, string> { ["shop"] = "u-1" } },
        ContactPersons = [new ContactPerson { Name = "Dana", Role = DecisionRole.DelegatedDecisionMaker, Title = "CTO" }],
        Kind = CustomerKind.Intermediary,
        ValueTypes = [CustomerValueType.Brand, CustomerValueType.Influence],
        RelationshipMode = RelationshipMode.Relational,
        ValuePropositions = [ValueProposition.SavesThinking],
        Attributes = new Dictionary<string, string> { ["segment"] = "smb" },
        Tags = ["vip"],
    };

    private static readonly NeedFields Fields = new()
    {
        Title = "24h delivery",
        Description = "needs parts next day",
        Type = NeedType.Latent,
        Area = NeedArea.Service,
        KanoClass = KanoClass.OneDimensional,
        Importance = 4,
        Urgency = 5,
        Source = new NeedSource("i-7", ResearchMethod.Complaint),
        Status = NeedStatus.Identified,
        MaslowLevel = MaslowLevel.Safety,
    };

    private static readonly Interaction Interaction = new()
    {
        InteractionId = "i-7",
        Channel = Channel.Chat,
        Kind = InteractionKind.Complaint,
        Direction = Direction.Inbound,
        OccurTime = At.AddHours(-1),
        Agent = "bot",
        Summary = "late",
        Amount = new Money(12.5m, "EUR"),
        Csat = 2,
        Nps = 4,
        Sentiment = Sentiment.Negative,
        RelatedNeedIds = ["n1", "n2"],
        RelatedComplaintId = "k0",
        ReferredCustomerId = "c-2",
        ComplaintSeverity = ComplaintSeverity.High,
    };

    public static TheoryData<CustomerEvent> Samples() => new()
    {
        new CustomerCreated("c-1", Profile) { OccurredAt = At },
        new ProfileUpdated(Profile, ["display_name", "tags"]) { OccurredAt = At },
        new NeedCreated("n1", Fields, ["title", "type"], "agent") { OccurredAt = At },
        new NeedUpdated("n1", Fields with { Status = NeedStatus.Analysed }, ["status"], NeedStatus.Identified, NeedStatus.Analysed, "agent", "why") { OccurredAt = At },
        new InteractionRecorded(Interaction, "k1") { OccurredAt = At },
        new ComplaintOpened("k1", "i-7", ComplaintSeverity.High, "late", "bot", At, At.AddHours(4), At.AddHours(72)) { OccurredAt = At },
        new ComplaintTransitioned("k1", ComplaintStatus.Resolved, ComplaintStatus.BeingHandled, true, true, "qa", "agent", "again", null, null) { OccurredAt = At },
        new ComplaintTransitioned(
            "k1", ComplaintStatus.Closed, ComplaintStatus.BeingHandled, false, true, null, "agent", "", At.AddDays(3),
            new ComplaintCase
            {
                Id = "k1", Status = ComplaintStatus.Closed, Severity = ComplaintSeverity.Low, OpenedAt = At, ClosedAt = At,
                History = [new ComplaintTransition(ComplaintStatus.Unspecified, ComplaintStatus.Recorded, "bot", "", At, false, null)],
            }) { OccurredAt = At },
        new TierChanged("silver", "gold", "qualifies for gold", null) { OccurredAt = At },
        new TierChanged(null, "bronze", "initial", "m") { OccurredAt = At },
        new TierFloorSet("gold", "key account", "manager") { OccurredAt = At },
        new TierFloorSet(null, "", "manager") { OccurredAt = At },
        new TierGracePeriodChanged(At, "below gold") { OccurredAt = At },
        new TierGracePeriodChanged(null, "qualifies again") { OccurredAt = At },
        new DormancyChanged(Dormancy.Active, Dormancy.SemiDormant, At.AddDays(-95), 95, "no contact for 95 days") { OccurredAt = At },
        new DormancyChanged(Dormancy.Dormant, Dormancy.Active, null, null, "no contact yet: active") { OccurredAt = At },
        new ChurnRiskChanged(ChurnRiskLevel.Low, ChurnRiskLevel.Medium, 0.4, [new ChurnFactor("recency", 0.4, 0.4, "300 days")], "silence") { OccurredAt = At },
        new CustomerMergedInto("c-2", ["k1"], "agent") { OccurredAt = At },
        new CustomerAbsorbed(
            "c-0",
            12,
            [new Need { Id = "n9", Title = "t", History = [], MergedFrom = new MergedFrom("c-0", "n1") }],
            [new ComplaintCase { Id = "k4", Status = ComplaintStatus.Accepted, OpenedAt = At, MergedFrom = new MergedFrom("c-0", "k1") }],
            new CustomerAggregates { InteractionCount = 3, LifetimeSpend = 12.5m },
            1,
            [Interaction],
            new Dictionary<string, DateTimeOffset> { ["i-7"] = At },
            [new LatestKanoAnswer("f", KanoAnswer.Like, KanoAnswer.Dislike, "i-7", At)],
            ["c-0", "c-00"],
            "agent") { OccurredAt = At },
        new ComplaintSlaBreached("k1", SlaTarget.FirstResponse, ComplaintSeverity.High, ComplaintStatus.Recorded, At.AddHours(-1), At, 0, 1) { OccurredAt = At },
        new ComplaintFollowUpDue("k1", At.AddDays(-3), At, "logistics") { OccurredAt = At },
        new ConsentChanged("marketing-email", ConsentStatus.Granted, ConsentStatus.Revoked, At.AddMinutes(-5), "call-center") { OccurredAt = At },
        new InteractionsAnonymised(At.AddDays(-365), 3) { OccurredAt = At },
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public void Every_event_round_trips_through_System_Text_Json(CustomerEvent e)
    {
        var json = JsonSerializer.Serialize<CustomerEvent>(e);
        var back = JsonSerializer.Deserialize<CustomerEvent>(json)!;

        Assert.IsType(e.GetType(), back);
        Assert.Equal(json, JsonSerializer.Serialize(back));
        Assert.Equal(e.OccurredAt, back.OccurredAt);
        Assert.StartsWith($"{{\"$type\":\"{CustomerEventJson.TypeName(e)}\"", json);
        Assert.Equal(json, CustomerEventJson.Serialize(CustomerEventJson.Deserialize(json)));
    }

    [Fact]
    public void The_samples_cover_every_event_type()
    {
        var covered = ((IEnumerable<object[]>)Samples()).Select(row => row[0].GetType()).ToHashSet();
        var all = typeof(CustomerEvent).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(CustomerEvent)) && !t.IsAbstract).ToHashSet();

        Assert.Equal(18, all.Count);
        Assert.Subset(covered, all);
        Assert.Equal(all.Count, CustomerEventJson.TypeNames.Count);
    }

    [Theory]
    [InlineData(typeof(CustomerCreated), "customer-created")]
    [InlineData(typeof(ProfileUpdated), "profile-updated")]
    [InlineData(typeof(NeedCreated), "need-created")]
    [InlineData(typeof(NeedUpdated), "need-updated")]
    [InlineData(typeof(InteractionRecorded), "interaction-recorded")]
    [InlineData(typeof(ComplaintOpened), "complaint-opened")]
    [InlineData(typeof(ComplaintTransitioned), "complaint-transitioned")]
    [InlineData(typeof(TierChanged), "tier-changed")]
    [InlineData(typeof(TierFloorSet), "tier-floor-set")]
    [InlineData(typeof(TierGracePeriodChanged), "tier-grace-period-changed")]
    [InlineData(typeof(DormancyChanged), "dormancy-changed")]
    [InlineData(typeof(ChurnRiskChanged), "churn-risk-changed")]
    [InlineData(typeof(ConsentChanged), "consent-changed")]
    public void Discriminators_are_stable(Type type, string name) => Assert.Equal(name, CustomerEventJson.TypeNames[type]);

    [Fact]
    public void A_stored_event_from_an_earlier_version_still_reads()
    {
        const string stored = """
            {"$type":"tier-changed","FromTier":"silver","ToTier":"gold","Reason":"r","Actor":null,"OccurredAt":"2025-01-01T12:00:00+00:00"}
            """;
        var e = Assert.IsType<TierChanged>(CustomerEventJson.Deserialize(stored));

        Assert.Equal(("silver", "gold", "r"), (e.FromTier, e.ToTier, e.Reason));
        Assert.Equal(Scenario.T0, e.OccurredAt);
    }
}
