using CustomerNeeds.Api.Tests.Infrastructure;
using CustomerNeeds.Api.V1;
using Grpc.Core;
using static CustomerNeeds.Api.Tests.ReadModel.ReadModelDatabase;

namespace CustomerNeeds.Api.Tests.ReadModel;

/// <summary>KANO answers on survey interactions through gRPC: mapping both ways, idempotency, validation, the feature check.</summary>
[Collection(ApiCollection.Name)]
public sealed class KanoSurveyAnswerTests(ServerFixture fixture)
{
    private readonly ApiClients api = fixture.Clients;

    private static KanoFeatureAnswer Answer(string feature, KanoAnswer functional = KanoAnswer.Like, KanoAnswer dysfunctional = KanoAnswer.Dislike) =>
        new() { Feature = "kanoFeatures/" + feature, Functional = functional, Dysfunctional = dysfunctional };

    private static Interaction Survey(string interactionId, params KanoFeatureAnswer[] answers)
    {
        var survey = TestData.Survey(interactionId, TestData.At(TimeSpan.FromHours(1)), csat: null, nps: null);
        survey.KanoAnswers.Add(answers);
        return survey;
    }

    private async Task<(string Customer, string Speed, string Color)> CustomerWithFeaturesAsync()
    {
        var (id, _) = await api.CreateCustomerAsync();
        var speed = TestData.NewId("f-speed");
        var color = TestData.NewId("f-color");
        await AddKanoFeaturesAsync(fixture.Database.DataSource, speed, color);
        return (id, speed, color);
    }

    [Fact]
    public async Task Answers_come_back_as_sent_and_take_part_in_the_idempotency_check()
    {
        var (id, speed, color) = await CustomerWithFeaturesAsync();
        var survey = Survey("i-kano", Answer(speed), Answer(color, KanoAnswer.MustBe, KanoAnswer.LiveWith));

        var recorded = await api.RecordAsync(id, survey);
        var read = await api.GetInteractionAsync(id, "i-kano");
        var replay = await api.RecordAsync(id, survey);

        Assert.Equal(survey.KanoAnswers, recorded.Interaction.KanoAnswers);
        Assert.Equal(survey.KanoAnswers, read.KanoAnswers);
        Assert.True(replay.Replayed);
        Assert.Equal(survey.KanoAnswers, replay.Interaction.KanoAnswers);
        var changed = Survey("i-kano", Answer(speed, KanoAnswer.Neutral), Answer(color, KanoAnswer.MustBe, KanoAnswer.LiveWith));
        await RpcAssert.FailsAsync(StatusCode.AlreadyExists, () => api.RecordAsync(id, changed));
        var plain = TestData.Survey("i-plain", TestData.At(TimeSpan.FromHours(2)), csat: 5, nps: null);
        Assert.Empty((await api.RecordAsync(id, plain)).Interaction.KanoAnswers);
    }

    [Fact]
    public async Task Answers_on_another_kind_are_refused()
    {
        var (id, speed, _) = await CustomerWithFeaturesAsync();
        var inquiry = TestData.Inquiry("i-inquiry", TestData.At(TimeSpan.FromHours(1)));
        inquiry.KanoAnswers.Add(Answer(speed));

        await RpcAssert.InvalidAsync(() => api.RecordAsync(id, inquiry), "interaction.kano_answers");

        await RpcAssert.FailsAsync(StatusCode.NotFound, () => api.GetInteractionAsync(id, "i-inquiry"));
    }

    [Fact]
    public async Task Each_bad_answer_gets_its_own_field_violation()
    {
        var (id, speed, _) = await CustomerWithFeaturesAsync();
        var survey = Survey(
            "i-bad",
            Answer(speed),
            Answer(speed, KanoAnswer.Unspecified),
            new KanoFeatureAnswer { Feature = "features/x", Functional = KanoAnswer.Like, Dysfunctional = (KanoAnswer)9 },
            new KanoFeatureAnswer { Feature = "kanoFeatures/" + new string('x', 129), Functional = KanoAnswer.Like, Dysfunctional = KanoAnswer.Like });

        var error = await RpcAssert.InvalidAsync(
            () => api.RecordAsync(id, survey),
            "interaction.kano_answers[1].feature",
            "interaction.kano_answers[1].functional",
            "interaction.kano_answers[2].feature",
            "interaction.kano_answers[2].dysfunctional",
            "interaction.kano_answers[3].feature");

        Assert.Contains(RpcAssert.Violations(error), v => v.Field == "interaction.kano_answers[1].feature" && v.Description == "duplicate feature");
    }

    [Fact]
    public async Task More_than_100_answers_are_refused_and_100_are_accepted()
    {
        var (id, _, _) = await CustomerWithFeaturesAsync();
        var features = Enumerable.Range(0, 101).Select(n => TestData.NewId("f" + n)).ToArray();
        await AddKanoFeaturesAsync(fixture.Database.DataSource, features);

        await RpcAssert.InvalidAsync(() => api.RecordAsync(id, Survey("i-101", features.Select(f => Answer(f)).ToArray())), "interaction.kano_answers");
        var recorded = await api.RecordAsync(id, Survey("i-100", features.Take(100).Select(f => Answer(f)).ToArray()));

        Assert.Equal(100, recorded.Interaction.KanoAnswers.Count);
        Assert.Equal(100, (await RowsAsync(fixture.Database.DataSource, "SELECT 1 FROM kano_answers WHERE customer_id = $1", id)).Count);
    }

    [Fact]
    public async Task An_unknown_feature_is_refused_and_nothing_is_recorded()
    {
        var (id, speed, _) = await CustomerWithFeaturesAsync();
        var before = await api.GetCustomerAsync(id);

        var error = await RpcAssert.InvalidAsync(
            () => api.RecordAsync(id, Survey("i-unknown", Answer(speed), Answer("no-such-feature"))),
            "interaction.kano_answers[1].feature");

        Assert.Equal("no such KANO feature", Assert.Single(RpcAssert.Violations(error)).Description);
        await RpcAssert.FailsAsync(StatusCode.NotFound, () => api.GetInteractionAsync(id, "i-unknown"));
        Assert.Equal(before.Etag, (await api.GetCustomerAsync(id)).Etag);
        Assert.Empty(await RowsAsync(fixture.Database.DataSource, "SELECT 1 FROM kano_answers WHERE customer_id = $1", id));
    }

    [Fact]
    public async Task The_in_memory_mode_does_not_check_features()
    {
        await using var server = await ServerProcess.StartAsync(null);
        var (id, _) = await server.Clients.CreateCustomerAsync();

        var recorded = await server.Clients.RecordAsync(id, Survey("i-mem", Answer("anything")));

        Assert.Equal("kanoFeatures/anything", Assert.Single(recorded.Interaction.KanoAnswers).Feature);
    }
}
