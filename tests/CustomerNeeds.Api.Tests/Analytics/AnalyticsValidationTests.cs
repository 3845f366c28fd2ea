using CustomerNeeds.Api.Tests.Infrastructure;
using CustomerNeeds.Api.V1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace CustomerNeeds.Api.Tests.Analytics;

/// <summary>Bad AnalyticsService and KanoService requests get INVALID_ARGUMENT with the exact field violations; an unknown segment NOT_FOUND.</summary>
[Collection(AnalyticsCollection.Name)]
public sealed class AnalyticsValidationTests(AnalyticsServerFixture fixture)
{
    private static readonly DateTimeOffset Start = new(2031, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private ApiClients Api => fixture.Clients;

    public static TheoryData<string, Timestamp?, Timestamp?, string, string[]> BadKpiRequests => new()
    {
        { "no window", null, null, "", ["start_time", "end_time"] },
        { "no end", Timestamp.FromDateTimeOffset(Start), null, "", ["end_time"] },
        { "end before start", Timestamp.FromDateTimeOffset(Start), Timestamp.FromDateTimeOffset(Start.AddSeconds(-1)), "", ["end_time"] },
        { "empty window", Timestamp.FromDateTimeOffset(Start), Timestamp.FromDateTimeOffset(Start), "", ["end_time"] },
        { "367 days", Timestamp.FromDateTimeOffset(Start), Timestamp.FromDateTimeOffset(Start.AddDays(366).AddSeconds(1)), "", ["end_time"] },
        { "bad nanos", new Timestamp { Seconds = 0, Nanos = -1 }, Timestamp.FromDateTimeOffset(Start), "", ["start_time"] },
        { "bad segment", Timestamp.FromDateTimeOffset(Start), Timestamp.FromDateTimeOffset(Start.AddDays(1)), "segment/x", ["segment"] },
    };

    [Theory]
    [MemberData(nameof(BadKpiRequests))]
    public Task GetKpis_rejects(string because, Timestamp? start, Timestamp? end, string segment, string[] fields)
    {
        Assert.NotEmpty(because);
        return RpcAssert.InvalidAsync(
            () => Api.Analytics.GetKpisAsync(new GetKpisRequest { StartTime = start, EndTime = end, Segment = segment }, deadline: Calls.Deadline()).ResponseAsync,
            fields);
    }

    [Fact]
    public async Task GetKpis_accepts_a_window_of_exactly_366_days()
    {
        var kpis = await Api.Analytics.GetKpisAsync(
            new GetKpisRequest { StartTime = Timestamp.FromDateTimeOffset(Start), EndTime = Timestamp.FromDateTimeOffset(Start.AddDays(366)) }, deadline: Calls.Deadline());

        Assert.Equal(Timestamp.FromDateTimeOffset(Start.AddDays(366)), kpis.EndTime);
    }

    [Fact]
    public async Task An_unknown_segment_is_not_found()
    {
        await RpcAssert.FailsAsync(StatusCode.NotFound, () => Api.Analytics.GetKpisAsync(new GetKpisRequest
        {
            StartTime = Timestamp.FromDateTimeOffset(Start),
            EndTime = Timestamp.FromDateTimeOffset(Start.AddDays(1)),
            Segment = "segments/no-such-segment",
        }, deadline: Calls.Deadline()).ResponseAsync);
        await RpcAssert.FailsAsync(StatusCode.NotFound, () =>
            Api.Analytics.GetKanoAnalysisAsync(new GetKanoAnalysisRequest { Segment = "segments/no-such-segment" }, deadline: Calls.Deadline()).ResponseAsync);
    }

    [Theory]
    [InlineData(1.5)]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    [InlineData(double.Epsilon)] // found by the fuzz run: a share that rounds to decimal 0 was INTERNAL
    [InlineData(1e-30)]
    public Task ListCoreCustomers_rejects_a_share_outside_zero_to_one(double share) =>
        RpcAssert.InvalidAsync(
            () => Api.Analytics.ListCoreCustomersAsync(new ListCoreCustomersRequest { RevenueShare = share }, deadline: Calls.Deadline()).ResponseAsync,
            "revenue_share");

    [Fact]
    public Task ListCoreCustomers_rejects_a_negative_page_size_and_a_foreign_token() =>
        RpcAssert.InvalidAsync(
            () => Api.Analytics.ListCoreCustomersAsync(new ListCoreCustomersRequest { PageSize = -1, PageToken = "not-a-token" }, deadline: Calls.Deadline()).ResponseAsync,
            "page_size",
            "page_token");

    [Theory]
    [InlineData("customers/c1")]
    [InlineData("customers/c1/loyalty")]
    [InlineData("customers/bad id/rfmScore")]
    [InlineData("")]
    public Task GetRfmScore_rejects_a_malformed_name(string name) =>
        RpcAssert.InvalidAsync(() => Api.Analytics.GetRfmScoreAsync(new GetRfmScoreRequest { Name = name }, deadline: Calls.Deadline()).ResponseAsync, "name");

    [Fact]
    public Task GetKanoAnalysis_rejects_a_malformed_feature_and_segment() =>
        RpcAssert.InvalidAsync(
            () => Api.Analytics.GetKanoAnalysisAsync(new GetKanoAnalysisRequest { Feature = "features/x", Segment = "segments/" }, deadline: Calls.Deadline()).ResponseAsync,
            "feature",
            "segment");

    [Fact]
    public Task CreateKanoFeature_rejects_a_bad_id_and_missing_questions() =>
        RpcAssert.InvalidAsync(
            () => Api.Kano.CreateKanoFeatureAsync(new CreateKanoFeatureRequest
            {
                FeatureId = "no spaces",
                KanoFeature = new KanoFeature { DisplayName = new string('x', 201), FunctionalQuestion = " " },
            }, deadline: Calls.Deadline()).ResponseAsync,
            "feature_id",
            "kano_feature.display_name",
            "kano_feature.functional_question",
            "kano_feature.dysfunctional_question");

    [Fact]
    public Task UpdateKanoFeature_rejects_unknown_paths_an_emptied_field_and_a_foreign_etag() =>
        RpcAssert.InvalidAsync(
            () => Api.Kano.UpdateKanoFeatureAsync(new UpdateKanoFeatureRequest
            {
                KanoFeature = new KanoFeature { Name = "kanoFeatures/f", DisplayName = "", Etag = "W/1" },
                UpdateMask = new FieldMask { Paths = { "display_name", "create_time" } },
            }, deadline: Calls.Deadline()).ResponseAsync,
            "update_mask",
            "kano_feature.display_name",
            "kano_feature.etag");

    [Fact]
    public Task RecordKanoStaffBelief_rejects_a_bad_parent_staff_id_and_missing_answers() =>
        RpcAssert.InvalidAsync(
            () => Api.Kano.RecordKanoStaffBeliefAsync(new RecordKanoStaffBeliefRequest
            {
                Parent = "kanoFeatures/f/x",
                StaffId = "",
                Functional = KanoAnswer.Unspecified,
                Dysfunctional = (KanoAnswer)9,
            }, deadline: Calls.Deadline()).ResponseAsync,
            "parent",
            "staff_id",
            "functional",
            "dysfunctional");

    [Fact]
    public Task The_kano_lists_reject_a_negative_page_size_and_a_bad_parent() =>
        RpcAssert.InvalidAsync(
            () => Api.Kano.ListKanoStaffBeliefsAsync(new ListKanoStaffBeliefsRequest { Parent = "kanoFeatures", PageSize = -5 }, deadline: Calls.Deadline()).ResponseAsync,
            "parent",
            "page_size");
}
