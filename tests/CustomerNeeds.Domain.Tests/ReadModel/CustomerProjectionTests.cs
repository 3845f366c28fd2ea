using CustomerNeeds.Domain.Customers;
using CustomerNeeds.Domain.Events;
using CustomerNeeds.Domain.Interactions;
using CustomerNeeds.Domain.Kano;
using CustomerNeeds.Domain.Loyalty;
using CustomerNeeds.Domain.Needs;
using CustomerNeeds.Domain.ReadModel;
using CustomerNeeds.Domain.Satisfaction;

namespace CustomerNeeds.Domain.Tests.ReadModel;

public sealed class CustomerProjectionTests
{
    private static Interaction Survey(Scenario s, DateTimeOffset at, params KanoFeatureAnswer[] answers) =>
        s.NewInteraction(InteractionKind.SurveyResponse, at) with { KanoAnswers = answers };

    /// <summary>The log sequence of the last event of type <typeparamref name="T"/> matching <paramref name="match"/>.</summary>
    private static long SequenceOf<T>(Scenario s, Func<T, bool> match) =>
        s.Events.FindLastIndex(e => e is T t && match(t)) + 1;

    private static ProjectionChanges Fold(Scenario s)
    {
        // What the rebuild does: replay every event, noting the rows each one changed.
        var changes = new ProjectionChanges();
        var state = new CustomerState();
        foreach (var e in s.Events)
        {
            CustomerEvolution.Apply(state, e);
            changes.Record(state, e);
        }

        return changes;
    }

    [Fact]
    public void AFreshCustomerHasNullsForWhatItDoesNotHave()
    {
        var s = new Scenario();
        s.Create(new CustomerProfile { DisplayName = "Acme", Kind = CustomerKind.External });

        var row = CustomerProjection.SummaryOf(s.State, s.Policy, s.Now);

        Assert.Equal("c-1", row.CustomerId);
        Assert.Equal("Acme", row.DisplayName);
        Assert.Equal((short)CustomerKind.External, row.Kind);
        Assert.Empty(row.ValueTypes);
        Assert.Equal(0, row.RelationshipMode);
        Assert.Null(row.Industry);
        Assert.Null(row.Region);
        Assert.Empty(row.Tags);
        Assert.Empty(row.Attributes);
        Assert.Equal(s.State.Loyalty.Tier, row.Tier);
        Assert.Equal(s.State.Loyalty.TierSince, row.TierSince);
        Assert.Equal((short)LoyaltyStage.Suspect, row.LadderStage);
        Assert.Null(row.CsatMean);
        Assert.Equal(0, row.CsatCount);
        Assert.Null(row.NpsScore);
        Assert.Null(row.LastNps);
        Assert.Null(row.FirstPurchaseAt);
        Assert.Null(row.LastPurchaseAt);
        Assert.Null(row.LastInteractionAt);
        Assert.Equal(0m, row.LifetimeSpend);
        Assert.Equal(Scenario.T0, row.CreatedAt);
        Assert.Equal(Scenario.T0, row.UpdatedAt);
        Assert.Equal(s.Events.Count, row.LastSequence);
    }

    [Fact]
    public void TheSummaryShowsWhatCustomerSummaryShowsAtTheInstant()
    {
        var s = new Scenario();
        s.Create(new CustomerProfile
        {
            DisplayName = "Acme",
            Kind = CustomerKind.Intermediary,
            ValueTypes = [CustomerValueType.Commercial, CustomerValueType.Influence],
            RelationshipMode = RelationshipMode.Relational,
            Industry = "retail",
            Region = "CH-ZH",
            Tags = ["vip", "key-account"],
            Attributes = new Dictionary<string, string> { ["segment"] = "b2b" },
        });
        s.AtDay(1).Purchase(120.50m);
        s.AtDay(2).Purchase(900m);
        s.AtDay(3).Contact(csat: 4, nps: 6);
        s.AtDay(4).Contact(csat: 2, nps: 10, referred: "c-9");
        s.AtDay(5).Complain();
        var instant = s.Now.AddDays(30);

        var row = CustomerProjection.SummaryOf(s.State, s.Policy, instant);
        var summary = CustomerSummary.From(s.State, s.Policy, instant);

        Assert.Equal([(short)CustomerValueType.Commercial, (short)CustomerValueType.Influence], row.ValueTypes);
        Assert.Equal((short)RelationshipMode.Relational, row.RelationshipMode);
        Assert.Equal("retail", row.Industry);
        Assert.Equal("CH-ZH", row.Region);
        Assert.Equal(["vip", "key-account"], row.Tags);
        Assert.Equal("b2b", row.Attributes["segment"]);
        Assert.Equal(summary.Loyalty.Tier, row.Tier);
        Assert.NotNull(row.Tier);
        Assert.Equal(summary.Loyalty.TierSince, row.TierSince);
        Assert.Equal((short)summary.Loyalty.Stage, row.LadderStage);
        Assert.Equal(summary.Loyalty.ChurnRisk.Score, row.ChurnRiskScore);
        Assert.True(row.ChurnRiskScore > 0);
        Assert.Equal((short)summary.Loyalty.ChurnRisk.Level, row.ChurnRiskLevel);
        Assert.Equal(summary.Satisfaction.CsatMean, row.CsatMean);
        Assert.Equal(3.0, row.CsatMean);
        Assert.Equal(2, row.CsatCount);
        Assert.Equal(summary.Satisfaction.Nps, row.NpsScore);
        Assert.Equal(0.0, row.NpsScore);
        Assert.Equal((short)10, row.LastNps);
        Assert.Equal(1, row.OpenComplaintCount);
        Assert.Equal(1, row.ComplaintCount);
        Assert.Equal(5, row.InteractionCount);
        Assert.Equal(2, row.PurchaseCount);
        Assert.Equal(1020.50m, row.LifetimeSpend);
        Assert.Equal(Scenario.T0.AddDays(1), row.FirstPurchaseAt);
        Assert.Equal(Scenario.T0.AddDays(2), row.LastPurchaseAt);
        Assert.Equal(1, row.ReferralCount);
        Assert.Equal(Scenario.T0.AddDays(5), row.LastInteractionAt);
        Assert.Equal(s.State.UpdatedAt, row.UpdatedAt);
        Assert.Equal(instant, row.EvaluatedAt);
        Assert.Equal(s.State.Version, row.LastSequence);
    }

    [Fact]
    public void TimeDrivenValuesFollowTheInstant()
    {
        var s = new Scenario();
        s.Create();
        s.Purchase(10m);

        var soon = CustomerProjection.SummaryOf(s.State, s.Policy, s.Now.AddDays(1));
        var late = CustomerProjection.SummaryOf(s.State, s.Policy, s.Now.AddDays(400));

        Assert.Equal(ChurnRisk.Assess(s.State, s.Policy.Churn, s.Now.AddDays(1)).Score, soon.ChurnRiskScore);
        Assert.Equal(ChurnRisk.Assess(s.State, s.Policy.Churn, s.Now.AddDays(400)).Score, late.ChurnRiskScore);
        Assert.True(late.ChurnRiskScore > soon.ChurnRiskScore);
    }

    [Fact]
    public void NeedRowsAreTheChangedNeedsWithTheSequenceOfTheirLastChangeAndTheirTitleWords()
    {
        var s = new Scenario();
        s.Create();
        s.CreateNeed("n-a", title: "Faster delivery, please");
        s.CreateNeed("n-b", title: "Cheaper prices");
        s.UpdateNeed("n-a", Scenario.NeedWith(title: "24h Delivery") with { KanoClass = KanoClass.MustBe }, "title", "kano_class");

        var projection = CustomerProjection.Of(s.State, s.Policy, s.Now, Fold(s));

        var a = Assert.Single(projection.Needs, n => n.NeedId == "n-a");
        Assert.Equal("24h Delivery", a.Title);
        Assert.Equal(["24h", "delivery"], a.TitleWords);
        Assert.Equal((short)KanoClass.MustBe, a.KanoClass);
        Assert.Equal((short)NeedStatus.Identified, a.Status);
        Assert.Equal((short)NeedType.Explicit, a.Type);
        Assert.Equal((short)NeedArea.Service, a.Area);
        Assert.Equal(SequenceOf<NeedUpdated>(s, e => e.NeedId == "n-a"), a.LastSequence);
        var b = Assert.Single(projection.Needs, n => n.NeedId == "n-b");
        Assert.Equal(SequenceOf<NeedCreated>(s, e => e.NeedId == "n-b"), b.LastSequence);
        Assert.True(a.LastSequence > b.LastSequence);
        Assert.Equal(2, projection.Needs.Count);
    }

    [Fact]
    public void OnlyTheRowsOfTheEventsRecordedAreProjected()
    {
        var s = new Scenario();
        s.Create();
        s.CreateNeed("n-a");
        var before = s.Events.Count;
        s.CreateNeed("n-b");
        var changes = new ProjectionChanges();
        var state = new CustomerState();
        for (var i = 0; i < s.Events.Count; i++)
        {
            CustomerEvolution.Apply(state, s.Events[i]);
            if (i >= before)
            {
                changes.Record(state, s.Events[i]);
            }
        }

        var projection = CustomerProjection.Of(state, s.Policy, s.Now, changes);

        Assert.Equal("n-b", Assert.Single(projection.Needs).NeedId);
        Assert.Empty(projection.KanoAnswers);
    }

    [Fact]
    public void KanoRowsHoldTheLatestAnswerPerFeatureByOccurTimeAndTheirClass()
    {
        var s = new Scenario();
        s.Create();
        var t = Scenario.T0.AddDays(-1);
        s.Record(Survey(s, t.AddHours(2), new KanoFeatureAnswer("f-speed", KanoAnswer.Like, KanoAnswer.Dislike), new KanoFeatureAnswer("f-color", KanoAnswer.Like, KanoAnswer.Neutral)));
        // An older survey (by occur time) recorded later does not replace the held answer for f-speed.
        s.Record(Survey(s, t.AddHours(1), new KanoFeatureAnswer("f-speed", KanoAnswer.Neutral, KanoAnswer.Neutral), new KanoFeatureAnswer("f-price", KanoAnswer.MustBe, KanoAnswer.Dislike)));
        // Same occur time as the first: recorded later, so it wins for f-color.
        s.Record(Survey(s, t.AddHours(2), new KanoFeatureAnswer("f-color", KanoAnswer.Dislike, KanoAnswer.Like)));

        var projection = CustomerProjection.Of(s.State, s.Policy, s.Now, Fold(s));

        var speed = Assert.Single(projection.KanoAnswers, k => k.FeatureId == "f-speed");
        Assert.Equal(((short)KanoAnswer.Like, (short)KanoAnswer.Dislike, (short)KanoClass.OneDimensional), (speed.Functional, speed.Dysfunctional, speed.AnswerClass));
        Assert.Equal("i1", speed.InteractionId);
        Assert.Equal(t.AddHours(2), speed.AnsweredAt);
        Assert.Equal(SequenceOf<InteractionRecorded>(s, e => e.Interaction.InteractionId == "i1"), speed.LastSequence);
        var price = Assert.Single(projection.KanoAnswers, k => k.FeatureId == "f-price");
        Assert.Equal((short)KanoClass.MustBe, price.AnswerClass);
        Assert.Equal(SequenceOf<InteractionRecorded>(s, e => e.Interaction.InteractionId == "i2"), price.LastSequence);
        var color = Assert.Single(projection.KanoAnswers, k => k.FeatureId == "f-color");
        Assert.Equal((short)KanoClass.Reverse, color.AnswerClass);
        Assert.Equal("i3", color.InteractionId);
        Assert.Equal(SequenceOf<InteractionRecorded>(s, e => e.Interaction.InteractionId == "i3"), color.LastSequence);
        Assert.Equal(3, projection.KanoAnswers.Count);
    }

    [Fact]
    public void AnOlderSurveyChangesNoKanoRow()
    {
        var s = new Scenario();
        s.Create();
        s.Record(Survey(s, Scenario.T0.AddHours(-1), new KanoFeatureAnswer("f-speed", KanoAnswer.Like, KanoAnswer.Dislike)));
        var state = s.State.Clone();
        var older = s.Record(Survey(s, Scenario.T0.AddHours(-2), new KanoFeatureAnswer("f-speed", KanoAnswer.Neutral, KanoAnswer.Neutral)));
        var changes = new ProjectionChanges();
        foreach (var e in older)
        {
            CustomerEvolution.Apply(state, e);
            changes.Record(state, e);
        }

        Assert.Empty(changes.KanoFeatures);
        Assert.Equal("i1", s.State.KanoAnswers["f-speed"].InteractionId);
    }

    [Fact]
    public void ACustomerThatDoesNotExistHasNoRow() =>
        Assert.Throws<InvalidOperationException>(() => CustomerProjection.SummaryOf(new CustomerState { Id = "c-0" }, CustomerPolicy.Default, Scenario.T0));

    [Fact]
    public void SatisfactionFiguresAreThoseOfTheSatisfactionSummary()
    {
        var s = new Scenario();
        s.Create();
        s.Contact(csat: 5);
        s.Contact(csat: 4);
        s.Contact(nps: 3);

        var row = CustomerProjection.SummaryOf(s.State, s.Policy, s.Now);
        var satisfaction = SatisfactionSummary.From(s.State.Aggregates);

        Assert.Equal(4.5, row.CsatMean);
        Assert.Equal(satisfaction.Nps, row.NpsScore);
        Assert.Equal(-100.0, row.NpsScore);
        Assert.Equal((short)3, row.LastNps);
    }
}
