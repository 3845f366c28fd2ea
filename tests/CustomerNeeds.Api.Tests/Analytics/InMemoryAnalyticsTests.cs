using CustomerNeeds.Api.Tests.Infrastructure;
using CustomerNeeds.Api.V1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace CustomerNeeds.Api.Tests.Analytics;

/// <summary>A server started in memory answers every analytics RPC with FAILED_PRECONDITION: the read model lives in PostgreSQL.</summary>
public sealed class InMemoryAnalyticsTests : IAsyncLifetime
{
    private ServerProcess? server;

    private ApiClients Api => (server ?? throw new InvalidOperationException("Not started.")).Clients;

    public async Task InitializeAsync() => server = await ServerProcess.StartAsync(connectionString: null);

    public async Task DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }

    [Fact]
    public async Task Every_analytics_rpc_requires_postgres()
    {
        var start = Timestamp.FromDateTimeOffset(new DateTimeOffset(2031, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var end = Timestamp.FromDateTimeOffset(new DateTimeOffset(2031, 1, 2, 0, 0, 0, TimeSpan.Zero));
        var feature = new KanoFeature { DisplayName = "F", FunctionalQuestion = "f?", DysfunctionalQuestion = "d?" };
        Func<Task>[] calls =
        [
            () => Api.Analytics.GetKpisAsync(new GetKpisRequest { StartTime = start, EndTime = end }).ResponseAsync,
            () => Api.Analytics.GetRfmScoreAsync(new GetRfmScoreRequest { Name = "customers/c1/rfmScore" }).ResponseAsync,
            () => Api.Analytics.GetRfmDistributionAsync(new GetRfmDistributionRequest()).ResponseAsync,
            () => Api.Analytics.ListCoreCustomersAsync(new ListCoreCustomersRequest()).ResponseAsync,
            () => Api.Analytics.GetKanoAnalysisAsync(new GetKanoAnalysisRequest()).ResponseAsync,
            () => Api.Kano.CreateKanoFeatureAsync(new CreateKanoFeatureRequest { FeatureId = "f", KanoFeature = feature }).ResponseAsync,
            () => Api.Kano.GetKanoFeatureAsync(new GetKanoFeatureRequest { Name = "kanoFeatures/f" }).ResponseAsync,
            () => Api.Kano.ListKanoFeaturesAsync(new ListKanoFeaturesRequest()).ResponseAsync,
            () => Api.Kano.DeleteKanoFeatureAsync(new DeleteKanoFeatureRequest { Name = "kanoFeatures/f" }).ResponseAsync,
            () => Api.Kano.RecordKanoStaffBeliefAsync(new RecordKanoStaffBeliefRequest
            {
                Parent = "kanoFeatures/f", StaffId = "s", Functional = KanoAnswer.Like, Dysfunctional = KanoAnswer.Dislike,
            }).ResponseAsync,
            () => Api.Kano.ListKanoStaffBeliefsAsync(new ListKanoStaffBeliefsRequest { Parent = "kanoFeatures/f" }).ResponseAsync,
        ];

        foreach (var call in calls)
        {
            var ex = await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, call);
            Assert.Contains("requires PostgreSQL storage", ex.Status.Detail, StringComparison.Ordinal);
        }
    }
}
