using CustomerNeeds.Api.Tests.Infrastructure;
using CustomerNeeds.Api.V1;
using CustomerNeeds.Testing;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace CustomerNeeds.Api.Tests.Analytics;

/// <summary>KanoService (features, staff beliefs) and AnalyticsService.GetKanoAnalysis through gRPC.</summary>
[Collection(AnalyticsCollection.Name)]
public sealed class KanoServiceTests(AnalyticsServerFixture fixture) : IAsyncLifetime
{
    private ApiClients Api => fixture.Clients;

    public Task InitializeAsync() => ReadModelRows.ClearAsync(fixture.DataSource);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_feature_is_created_read_listed_updated_and_deleted()
    {
        var created = await CreateAsync("reorder", "One-click reorder");
        Assert.Equal("kanoFeatures/reorder", created.Name);
        Assert.Equal(("One-click reorder", "1"), (created.DisplayName, created.Etag));
        Assert.Equal(created.CreateTime, created.UpdateTime);
        await CreateAsync("alerts", "Stock alerts");
        await RpcAssert.FailsAsync(StatusCode.AlreadyExists, () => CreateAsync("reorder", "Again"));

        Assert.Equal(created, await Api.Kano.GetKanoFeatureAsync(new GetKanoFeatureRequest { Name = "kanoFeatures/reorder" }, deadline: Calls.Deadline()));
        var page1 = await Api.Kano.ListKanoFeaturesAsync(new ListKanoFeaturesRequest { PageSize = 1 }, deadline: Calls.Deadline());
        var page2 = await Api.Kano.ListKanoFeaturesAsync(new ListKanoFeaturesRequest { PageSize = 1, PageToken = page1.NextPageToken }, deadline: Calls.Deadline());
        Assert.Equal(["kanoFeatures/alerts"], page1.KanoFeatures.Select(f => f.Name));
        Assert.Equal(["kanoFeatures/reorder"], page2.KanoFeatures.Select(f => f.Name));
        Assert.Equal("", page2.NextPageToken);

        var update = new UpdateKanoFeatureRequest
        {
            KanoFeature = new KanoFeature { Name = "kanoFeatures/reorder", DisplayName = "Reorder in one click", FunctionalQuestion = "ignored", Etag = "1" },
            UpdateMask = new FieldMask { Paths = { "display_name" } },
        };
        var updated = await Api.Kano.UpdateKanoFeatureAsync(update, deadline: Calls.Deadline());
        Assert.Equal(("Reorder in one click", created.FunctionalQuestion, "2"), (updated.DisplayName, updated.FunctionalQuestion, updated.Etag));
        await RpcAssert.FailsAsync(StatusCode.Aborted, () => Api.Kano.UpdateKanoFeatureAsync(update, deadline: Calls.Deadline()).ResponseAsync);

        await RpcAssert.FailsAsync(StatusCode.Aborted, () =>
            Api.Kano.DeleteKanoFeatureAsync(new DeleteKanoFeatureRequest { Name = "kanoFeatures/reorder", Etag = "1" }, deadline: Calls.Deadline()).ResponseAsync);
        await RecordBeliefAsync("reorder", "anna", KanoAnswer.Like, KanoAnswer.Dislike);
        var deleted = await Api.Kano.DeleteKanoFeatureAsync(new DeleteKanoFeatureRequest { Name = "kanoFeatures/reorder", Etag = "2" }, deadline: Calls.Deadline());
        Assert.Equal(1, deleted.DeletedStaffBeliefCount);
        await RpcAssert.FailsAsync(StatusCode.NotFound, () =>
            Api.Kano.GetKanoFeatureAsync(new GetKanoFeatureRequest { Name = "kanoFeatures/reorder" }, deadline: Calls.Deadline()).ResponseAsync);
        await RpcAssert.FailsAsync(StatusCode.NotFound, () =>
            Api.Kano.DeleteKanoFeatureAsync(new DeleteKanoFeatureRequest { Name = "kanoFeatures/reorder" }, deadline: Calls.Deadline()).ResponseAsync);
    }

    [Fact]
    public async Task A_feature_that_customers_answered_cannot_be_deleted()
    {
        await CreateAsync("answered", "Answered");
        await ReadModelRows.KanoAnswerAsync(fixture.DataSource, "c1", "answered", 1, 5);

        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () =>
            Api.Kano.DeleteKanoFeatureAsync(new DeleteKanoFeatureRequest { Name = "kanoFeatures/answered" }, deadline: Calls.Deadline()).ResponseAsync);

        Assert.Equal("kanoFeatures/answered", (await Api.Kano.GetKanoFeatureAsync(new GetKanoFeatureRequest { Name = "kanoFeatures/answered" }, deadline: Calls.Deadline())).Name);
    }

    [Fact]
    public async Task A_staff_belief_is_classified_replaced_on_record_and_listed_by_staff_id()
    {
        await CreateAsync("f", "F");

        var first = await RecordBeliefAsync("f", "zoe", KanoAnswer.Like, KanoAnswer.Dislike);
        await RecordBeliefAsync("f", "anna", KanoAnswer.Neutral, KanoAnswer.Dislike);
        var replaced = await RecordBeliefAsync("f", "zoe", KanoAnswer.Like, KanoAnswer.Neutral);

        Assert.Equal(("kanoFeatures/f/staffBeliefs/zoe", KanoClass.OneDimensional), (first.Name, first.AnswerClass));
        Assert.Equal((KanoAnswer.Like, KanoAnswer.Neutral, KanoClass.Attractive), (replaced.Functional, replaced.Dysfunctional, replaced.AnswerClass));
        var page1 = await Api.Kano.ListKanoStaffBeliefsAsync(new ListKanoStaffBeliefsRequest { Parent = "kanoFeatures/f", PageSize = 1 }, deadline: Calls.Deadline());
        var page2 = await Api.Kano.ListKanoStaffBeliefsAsync(
            new ListKanoStaffBeliefsRequest { Parent = "kanoFeatures/f", PageSize = 1, PageToken = page1.NextPageToken }, deadline: Calls.Deadline());
        Assert.Equal(("kanoFeatures/f/staffBeliefs/anna", KanoClass.MustBe), (page1.KanoStaffBeliefs.Single().Name, page1.KanoStaffBeliefs.Single().AnswerClass));
        Assert.Equal([replaced], page2.KanoStaffBeliefs);
        Assert.Equal("", page2.NextPageToken);
        await RpcAssert.FailsAsync(StatusCode.NotFound, () => RecordBeliefAsync("nope", "zoe", KanoAnswer.Like, KanoAnswer.Like));
        await RpcAssert.FailsAsync(StatusCode.NotFound, () =>
            Api.Kano.ListKanoStaffBeliefsAsync(new ListKanoStaffBeliefsRequest { Parent = "kanoFeatures/nope" }, deadline: Calls.Deadline()).ResponseAsync);
    }

    [Fact]
    public async Task Twenty_five_respondents_one_per_cell_of_the_evaluation_table_count_as_the_table_says()
    {
        await CreateAsync("table", "Every cell");
        for (short f = 1; f <= 5; f++)
        {
            for (short d = 1; d <= 5; d++)
            {
                await ReadModelRows.KanoAnswerAsync(fixture.DataSource, $"r{f}{d}", "table", f, d);
            }
        }

        var result = (await AnalyseAsync("table")).Customers;

        // Row like: Q A A A O; rows must-be, neutral, live-with: R I I I M; row dislike: R R R R Q.
        Assert.Equal(25, result.RespondentCount);
        Assert.Equal((3L, 1L, 3L, 9L, 7L, 2L), (result.AttractiveCount, result.OneDimensionalCount, result.MustBeCount, result.IndifferentCount, result.ReverseCount, result.QuestionableCount));
        Assert.Equal(KanoClass.Indifferent, result.KanoClass);
        Assert.Equal(4.0 / 16, result.Better);
        Assert.Equal(-4.0 / 16, result.Worse);
    }

    [Fact]
    public async Task Better_and_worse_follow_the_counts_and_the_gap_compares_with_staff()
    {
        await CreateAsync("sample", "Sample");
        // Customers: 4 A (like / neutral), 3 O (like / dislike), 2 M (neutral / dislike), 1 I (neutral / neutral), 1 R, 1 Q.
        var answers = new List<(short F, short D)>();
        answers.AddRange(Enumerable.Repeat(((short)1, (short)3), 4));
        answers.AddRange(Enumerable.Repeat(((short)1, (short)5), 3));
        answers.AddRange(Enumerable.Repeat(((short)3, (short)5), 2));
        answers.Add((3, 3));
        answers.Add((5, 1));
        answers.Add((5, 5));
        for (var i = 0; i < answers.Count; i++)
        {
            await ReadModelRows.KanoAnswerAsync(fixture.DataSource, $"s{i}", "sample", answers[i].F, answers[i].D);
        }

        // Staff: two believe must-be, one one-dimensional.
        await RecordBeliefAsync("sample", "anna", KanoAnswer.Neutral, KanoAnswer.Dislike);
        await RecordBeliefAsync("sample", "ben", KanoAnswer.LiveWith, KanoAnswer.Dislike);
        await RecordBeliefAsync("sample", "carl", KanoAnswer.Like, KanoAnswer.Dislike);

        var analysis = await AnalyseAsync("sample");

        // better (4 + 3) / 10 = 0.7, worse -(3 + 2) / 10 = -0.5; R and Q are left out of both.
        Assert.Equal(("kanoFeatures/sample", "Sample"), (analysis.Feature, analysis.DisplayName));
        Assert.Equal((12L, KanoClass.Attractive), (analysis.Customers.RespondentCount, analysis.Customers.KanoClass));
        Assert.Equal(0.7, analysis.Customers.Better, 12);
        Assert.Equal(-0.5, analysis.Customers.Worse, 12);
        // Staff: M 2, O 1: better 1/3, worse -3/3.
        Assert.Equal((3L, 2L, 1L, KanoClass.MustBe), (analysis.Staff.RespondentCount, analysis.Staff.MustBeCount, analysis.Staff.OneDimensionalCount, analysis.Staff.KanoClass));
        Assert.Equal(1.0 / 3, analysis.Staff.Better, 12);
        Assert.Equal(-1.0, analysis.Staff.Worse, 12);
        Assert.True(analysis.Gap.Comparable);
        Assert.True(analysis.Gap.ClassDiffers);
        Assert.Equal(0.7 - (1.0 / 3), analysis.Gap.BetterDifference, 12);
        Assert.Equal(0.5, analysis.Gap.WorseDifference, 12);
    }

    [Fact]
    public async Task A_tie_goes_to_the_class_of_stronger_effect_and_a_side_without_answers_is_not_compared()
    {
        await CreateAsync("tie", "Tie");
        // 2 A, 2 O, 2 M: M wins the tie (M > O > A > I > R > Q).
        (short F, short D)[] answers = [(1, 2), (1, 4), (1, 5), (1, 5), (2, 5), (4, 5)];
        for (var i = 0; i < answers.Length; i++)
        {
            await ReadModelRows.KanoAnswerAsync(fixture.DataSource, $"t{i}", "tie", answers[i].F, answers[i].D);
        }

        var analysis = await AnalyseAsync("tie");

        Assert.Equal(KanoClass.MustBe, analysis.Customers.KanoClass);
        Assert.Equal((0L, KanoClass.Unspecified, false, false), (analysis.Staff.RespondentCount, analysis.Staff.KanoClass, analysis.Staff.HasBetter, analysis.Staff.HasWorse));
        Assert.Equal((false, false, false, false), (analysis.Gap.Comparable, analysis.Gap.ClassDiffers, analysis.Gap.HasBetterDifference, analysis.Gap.HasWorseDifference));
    }

    [Fact]
    public async Task The_analysis_of_all_features_pages_in_feature_id_order_and_an_unknown_feature_is_not_found()
    {
        foreach (var id in new[] { "b", "a", "c" })
        {
            await CreateAsync(id, id.ToUpperInvariant());
        }

        var first = await Api.Analytics.GetKanoAnalysisAsync(new GetKanoAnalysisRequest { PageSize = 2 }, deadline: Calls.Deadline());
        var second = await Api.Analytics.GetKanoAnalysisAsync(new GetKanoAnalysisRequest { PageSize = 2, PageToken = first.NextPageToken }, deadline: Calls.Deadline());

        Assert.Equal(["kanoFeatures/a", "kanoFeatures/b"], first.Features.Select(f => f.Feature));
        Assert.Equal(["kanoFeatures/c"], second.Features.Select(f => f.Feature));
        Assert.Equal("", second.NextPageToken);
        Assert.All(first.Features, f => Assert.Equal(0, f.Customers.RespondentCount));
        await RpcAssert.FailsAsync(StatusCode.NotFound, () => AnalyseAsync("zzz"));
    }

    private Task<KanoFeature> CreateAsync(string id, string displayName) =>
        Api.Kano.CreateKanoFeatureAsync(new CreateKanoFeatureRequest
        {
            FeatureId = id,
            KanoFeature = new KanoFeature
            {
                DisplayName = displayName,
                FunctionalQuestion = $"How do you feel if the product has {displayName}?",
                DysfunctionalQuestion = $"How do you feel if it does not have {displayName}?",
            },
        }, deadline: Calls.Deadline()).ResponseAsync;

    private Task<KanoStaffBelief> RecordBeliefAsync(string featureId, string staffId, KanoAnswer functional, KanoAnswer dysfunctional) =>
        Api.Kano.RecordKanoStaffBeliefAsync(new RecordKanoStaffBeliefRequest
        {
            Parent = "kanoFeatures/" + featureId,
            StaffId = staffId,
            Functional = functional,
            Dysfunctional = dysfunctional,
        }, deadline: Calls.Deadline()).ResponseAsync;

    private async Task<KanoFeatureAnalysis> AnalyseAsync(string featureId) =>
        (await Api.Analytics.GetKanoAnalysisAsync(new GetKanoAnalysisRequest { Feature = "kanoFeatures/" + featureId }, deadline: Calls.Deadline())).Features.Single();
}
