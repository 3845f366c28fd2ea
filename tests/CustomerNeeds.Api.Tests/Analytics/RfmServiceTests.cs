using CustomerNeeds.Api.Tests.Infrastructure;
using CustomerNeeds.Api.V1;
using CustomerNeeds.Testing;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace CustomerNeeds.Api.Tests.Analytics;

/// <summary>GetRfmScore, GetRfmDistribution and ListCoreCustomers through gRPC on read-model rows written with SQL.</summary>
[Collection(AnalyticsCollection.Name)]
public sealed class RfmServiceTests(AnalyticsServerFixture fixture) : IAsyncLifetime
{
    private static readonly DateTimeOffset Computed = new(2031, 5, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset LastPurchase = new(2031, 4, 20, 9, 30, 0, TimeSpan.Zero);

    private ApiClients Api => fixture.Clients;

    public Task InitializeAsync() => ReadModelRows.ClearAsync(fixture.DataSource);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_scored_customer_reads_its_quintiles_and_current_raw_values()
    {
        await ReadModelRows.SummaryAsync(fixture.DataSource, "rfm-1", purchaseCount: 4, lifetimeSpend: 1234.5m, lastPurchaseAt: LastPurchase);
        await ReadModelRows.RfmAsync(fixture.DataSource, "rfm-1", 5, 3, 4, Computed);

        var score = await Api.Analytics.GetRfmScoreAsync(new GetRfmScoreRequest { Name = "customers/rfm-1/rfmScore" }, deadline: Calls.Deadline());

        Assert.Equal("customers/rfm-1/rfmScore", score.Name);
        Assert.Equal((5, 3, 4), (score.Recency, score.Frequency, score.Monetary));
        Assert.Equal(Timestamp.FromDateTimeOffset(Computed), score.ComputeTime);
        Assert.Equal(Timestamp.FromDateTimeOffset(LastPurchase), score.LastPurchaseTime);
        Assert.Equal(4, score.PurchaseCount);
        Assert.Equal(TestData.Eur(1234, 500_000_000), score.LifetimeSpend);
    }

    [Fact]
    public async Task An_unknown_customer_and_a_customer_not_yet_scored_are_not_found()
    {
        await ReadModelRows.SummaryAsync(fixture.DataSource, "rfm-new");

        var unknown = await RpcAssert.FailsAsync(StatusCode.NotFound, () =>
            Api.Analytics.GetRfmScoreAsync(new GetRfmScoreRequest { Name = "customers/nobody/rfmScore" }, deadline: Calls.Deadline()).ResponseAsync);
        var unscored = await RpcAssert.FailsAsync(StatusCode.NotFound, () =>
            Api.Analytics.GetRfmScoreAsync(new GetRfmScoreRequest { Name = "customers/rfm-new/rfmScore" }, deadline: Calls.Deadline()).ResponseAsync);

        Assert.Contains("not in the read model", unknown.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("no RFM score yet", unscored.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_distribution_counts_per_dimension_and_per_cell()
    {
        (string Id, short R, short F, short M)[] scores = [("d1", 5, 5, 5), ("d2", 5, 1, 2), ("d3", 1, 1, 1), ("d4", 1, 1, 1)];
        foreach (var (id, r, f, m) in scores)
        {
            await ReadModelRows.SummaryAsync(fixture.DataSource, id);
            await ReadModelRows.RfmAsync(fixture.DataSource, id, r, f, m, id == "d4" ? Computed.AddMinutes(5) : Computed);
        }

        await ReadModelRows.SummaryAsync(fixture.DataSource, "d5");

        var distribution = await Api.Analytics.GetRfmDistributionAsync(new GetRfmDistributionRequest(), deadline: Calls.Deadline());

        Assert.Equal((4L, 5L), (distribution.ScoredCustomerCount, distribution.CustomerCount));
        Assert.Equal(Timestamp.FromDateTimeOffset(Computed), distribution.OldestComputeTime);
        Assert.Equal(Timestamp.FromDateTimeOffset(Computed.AddMinutes(5)), distribution.NewestComputeTime);
        Assert.Equal([2L, 0, 0, 0, 2], distribution.RecencyCounts);
        Assert.Equal([3L, 0, 0, 0, 1], distribution.FrequencyCounts);
        Assert.Equal([2L, 1, 0, 0, 1], distribution.MonetaryCounts);
        Assert.Equal(
            ["5/5/5:1", "5/1/2:1", "1/1/1:2"],
            distribution.Cells.Select(c => $"{c.Recency}/{c.Frequency}/{c.Monetary}:{c.CustomerCount}"));
    }

    [Fact]
    public async Task The_core_reaches_eighty_percent_by_default_with_shares_money_and_totals()
    {
        // Total 200: a 100 (0.5), b 60 (0.8: reaches the default 80%), c 30, d 10, e 0.
        await SpendsAsync(("a", 100), ("b", 60), ("c", 30), ("d", 10), ("e", 0));

        var core = await Api.Analytics.ListCoreCustomersAsync(new ListCoreCustomersRequest(), deadline: Calls.Deadline());

        Assert.Equal(0.8, core.RevenueShare);
        Assert.Equal((2L, 5L, 0.4), (core.CoreCustomerCount, core.PopulationCount, core.CorePopulationShare));
        Assert.Equal((TestData.Eur(200), TestData.Eur(160)), (core.TotalRevenue, core.CoreRevenue));
        Assert.Equal("", core.NextPageToken);
        Assert.Equal(
            [
                new CoreCustomer { Customer = "customers/a", DisplayName = "Customer a", Rank = 1, LifetimeSpend = TestData.Eur(100), CumulativeRevenueShare = 0.5 },
                new CoreCustomer { Customer = "customers/b", DisplayName = "Customer b", Rank = 2, LifetimeSpend = TestData.Eur(60), CumulativeRevenueShare = 0.8 },
            ],
            core.CoreCustomers);
    }

    [Fact]
    public async Task Core_pages_follow_their_tokens_and_a_token_is_bound_to_its_share()
    {
        await SpendsAsync(("a", 100), ("b", 60), ("c", 30), ("d", 10));

        var first = await Api.Analytics.ListCoreCustomersAsync(new ListCoreCustomersRequest { RevenueShare = 0.95, PageSize = 2 }, deadline: Calls.Deadline());
        var second = await Api.Analytics.ListCoreCustomersAsync(
            new ListCoreCustomersRequest { RevenueShare = 0.95, PageSize = 2, PageToken = first.NextPageToken }, deadline: Calls.Deadline());

        Assert.Equal(["customers/a", "customers/b"], first.CoreCustomers.Select(c => c.Customer));
        Assert.NotEqual("", first.NextPageToken);
        Assert.Equal(["customers/c"], second.CoreCustomers.Select(c => c.Customer));
        Assert.Equal("", second.NextPageToken);
        Assert.Equal(3, second.CoreCustomerCount);
        await RpcAssert.InvalidAsync(
            () => Api.Analytics.ListCoreCustomersAsync(new ListCoreCustomersRequest { RevenueShare = 0.5, PageToken = first.NextPageToken }, deadline: Calls.Deadline()).ResponseAsync,
            "page_token");
    }

    [Fact]
    public async Task An_empty_population_has_no_core_and_no_population_share()
    {
        var core = await Api.Analytics.ListCoreCustomersAsync(new ListCoreCustomersRequest { RevenueShare = 1 }, deadline: Calls.Deadline());

        Assert.Empty(core.CoreCustomers);
        Assert.Equal((0L, 0L, false), (core.CoreCustomerCount, core.PopulationCount, core.HasCorePopulationShare));
        Assert.Equal(TestData.Eur(0), core.TotalRevenue);
    }

    private async Task SpendsAsync(params (string Id, decimal Spend)[] customers)
    {
        foreach (var (id, spend) in customers)
        {
            await ReadModelRows.SummaryAsync(fixture.DataSource, id, purchaseCount: spend > 0 ? 1 : 0, lifetimeSpend: spend, lastPurchaseAt: spend > 0 ? LastPurchase : null);
        }
    }
}
