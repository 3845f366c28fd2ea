using System.Text.Json;
using CustomerNeeds.Domain.Customers;
using CustomerNeeds.Domain.Errors;
using CustomerNeeds.Domain.Events;
using CustomerNeeds.Domain.Interactions;
using CustomerNeeds.Domain.Kano;

namespace CustomerNeeds.Domain.Tests.Interactions;

public sealed class KanoAnswerRulesTests
{
    private static readonly KanoFeatureAnswer Speed = new("f-speed", KanoAnswer.Like, KanoAnswer.Dislike);

    private static DomainValidationException Refused(Scenario s, Interaction i) =>
        Assert.Throws<DomainValidationException>(() => s.Record(i));

    [Fact]
    public void ASurveyResponseRecordsItsAnswers()
    {
        var s = new Scenario();
        s.Create();

        s.Record(s.NewInteraction(InteractionKind.SurveyResponse) with { KanoAnswers = [Speed] });

        var held = s.State.KanoAnswers["f-speed"];
        Assert.Equal((KanoAnswer.Like, KanoAnswer.Dislike, "i1", Scenario.T0), (held.Functional, held.Dysfunctional, held.InteractionId, held.AnsweredAt));
        Assert.Equal(KanoClass.OneDimensional, held.Class());
    }

    [Fact]
    public void AnswersOnAnotherKindAreRefused()
    {
        var s = new Scenario();
        s.Create();

        var e = Refused(s, s.NewInteraction(InteractionKind.Feedback) with { KanoAnswers = [Speed] });

        Assert.Contains(e.Fields, f => f.Field == "interaction.kano_answers");
        Assert.Empty(s.State.KanoAnswers);
    }

    [Fact]
    public void DuplicateFeaturesUnspecifiedAnswersAndBadIdsAreRefusedPerAnswer()
    {
        var s = new Scenario();
        s.Create();

        var e = Refused(s, s.NewInteraction(InteractionKind.SurveyResponse) with
        {
            KanoAnswers =
            [
                Speed,
                Speed with { Functional = KanoAnswer.Unspecified },
                new KanoFeatureAnswer("bad id", KanoAnswer.Like, (KanoAnswer)9),
            ],
        });

        Assert.Contains(e.Fields, f => f.Field == "interaction.kano_answers[1].feature" && f.Description.Contains("duplicate", StringComparison.Ordinal));
        Assert.Contains(e.Fields, f => f.Field == "interaction.kano_answers[1].functional");
        Assert.Contains(e.Fields, f => f.Field == "interaction.kano_answers[2].feature");
        Assert.Contains(e.Fields, f => f.Field == "interaction.kano_answers[2].dysfunctional");
        Assert.DoesNotContain(e.Fields, f => f.Field.StartsWith("interaction.kano_answers[0]", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public void AnEmptyListOrMoreThan100AnswersAreRefused(int count)
    {
        var s = new Scenario();
        s.Create();
        var answers = Enumerable.Range(0, count).Select(n => Speed with { FeatureId = "f" + n }).ToArray();

        var e = Refused(s, s.NewInteraction(InteractionKind.SurveyResponse) with { KanoAnswers = answers });

        Assert.Equal("interaction.kano_answers", Assert.Single(e.Fields).Field);
    }

    [Fact]
    public void OneHundredAnswersAreAccepted()
    {
        var s = new Scenario();
        s.Create();

        s.Record(s.NewInteraction(InteractionKind.SurveyResponse) with { KanoAnswers = Enumerable.Range(0, 100).Select(n => Speed with { FeatureId = "f" + n }).ToArray() });

        Assert.Equal(100, s.State.KanoAnswers.Count);
    }

    [Fact]
    public void AnInteractionWithoutAnswersKeepsItsJsonFormSoStoredContentHashesStillMatch()
    {
        var s = new Scenario();
        var plain = s.NewInteraction();

        var json = JsonSerializer.Serialize(plain);

        Assert.DoesNotContain("KanoAnswers", json, StringComparison.Ordinal);
        Assert.Contains("\"KanoAnswers\":[{\"FeatureId\":\"f-speed\",\"Functional\":1,\"Dysfunctional\":5}]", JsonSerializer.Serialize(plain with { KanoAnswers = [Speed] }), StringComparison.Ordinal);
    }

    [Fact]
    public void AnswersSurviveTheEventLogAndTheSnapshot()
    {
        var s = new Scenario();
        s.Create();
        s.Record(s.NewInteraction(InteractionKind.SurveyResponse) with { KanoAnswers = [Speed] });

        var replayed = CustomerEvolution.Replay(s.Events.Select(e => CustomerEventJson.Deserialize(CustomerEventJson.Serialize(e))));
        var restored = JsonSerializer.Deserialize<CustomerState>(JsonSerializer.Serialize(s.State))!;

        Assert.Equal(s.State.KanoAnswers["f-speed"], replayed.KanoAnswers["f-speed"]);
        Assert.Equal(s.State.KanoAnswers["f-speed"], restored.KanoAnswers["f-speed"]);
        Assert.Equal(Scenario.Json(s.State), Scenario.Json(s.State.Clone()));
    }
}
