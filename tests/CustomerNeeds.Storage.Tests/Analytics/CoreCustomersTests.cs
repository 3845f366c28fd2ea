using CustomerNeeds.Storage.Analytics;
using CustomerNeeds.Testing;

namespace CustomerNeeds.Storage.Tests.Analytics;

/// <summary>The revenue core on hand-computed populations: the 80% cut, ties by id, other shares, paging, no revenue.</summary>
public sealed class CoreCustomersTests(MigratedDatabase db) : IClassFixture<MigratedDatabase>, IAsyncLifetime
{
    public Task InitializeAsync() => ReadModelRows.ClearAsync(db.DataSource);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_core_stops_at_the_customer_whose_spend_reaches_eighty_percent()
    {
        // Total 100: a 50 (cumulative 50), b 30 (80: reaches 80, the last of the core), c 10, d 5, e 5, f 0.
        await SpendsAsync(("a", 50), ("b", 30), ("c", 10), ("d", 5), ("e", 5), ("f", 0));

        var page = await new CoreCustomers(db.DataSource).ListAsync(0.8m, 0, 50, CancellationToken.None);

        Assert.Equal(6, page.PopulationCount);
        Assert.Equal(100m, page.TotalRevenue);
        Assert.Equal(2, page.CoreCount);
        Assert.Equal(80m, page.CoreRevenue);
        Assert.Equal(
            [new CoreCustomerRow("a", "Customer a", 1, 50m, 50m), new CoreCustomerRow("b", "Customer b", 2, 30m, 80m)],
            page.Customers);
        Assert.False(page.HasMore);
    }

    [Fact]
    public async Task A_customer_whose_predecessors_fall_short_by_a_cent_is_in_the_core()
    {
        // Total 100: 79.99 before the second customer, so it is needed to reach 80.
        await SpendsAsync(("a", 79.99m), ("b", 0.02m), ("c", 19.99m));

        var page = await new CoreCustomers(db.DataSource).ListAsync(0.8m, 0, 50, CancellationToken.None);

        // Order: a 79.99, c 19.99 (cumulative 99.98), b 0.02.
        Assert.Equal(2, page.CoreCount);
        Assert.Equal(["a", "c"], page.Customers.Select(c => c.CustomerId));
    }

    [Fact]
    public async Task Equal_spend_is_ordered_by_customer_id_and_the_cut_falls_between_them()
    {
        // y and x spend 40 each, z 20: order x, y, z (ties by id). Share 0.4 (target 40): x alone reaches it.
        await SpendsAsync(("y", 40), ("x", 40), ("z", 20));
        var core = new CoreCustomers(db.DataSource);

        var forty = await core.ListAsync(0.4m, 0, 50, CancellationToken.None);
        var half = await core.ListAsync(0.5m, 0, 50, CancellationToken.None);

        Assert.Equal(["x"], forty.Customers.Select(c => c.CustomerId));
        Assert.Equal(["x", "y"], half.Customers.Select(c => c.CustomerId));
        Assert.Equal(80m, half.CoreRevenue);
    }

    [Fact]
    public async Task The_whole_revenue_takes_every_customer_with_spend_and_no_customer_without()
    {
        await SpendsAsync(("a", 3), ("b", 2), ("c", 1), ("d", 0), ("e", 0));

        var page = await new CoreCustomers(db.DataSource).ListAsync(1m, 0, 50, CancellationToken.None);

        Assert.Equal(["a", "b", "c"], page.Customers.Select(c => c.CustomerId));
        Assert.Equal(5, page.PopulationCount);
        Assert.Equal(6m, page.Customers[^1].CumulativeSpend);
    }

    [Fact]
    public async Task Pages_continue_after_the_last_rank_and_end_with_the_core()
    {
        // Total 150: 50, 40, 30 reach 120 = 80%; 20 and 10 are outside.
        await SpendsAsync(("a", 50), ("b", 40), ("c", 30), ("d", 20), ("e", 10));
        var core = new CoreCustomers(db.DataSource);

        var first = await core.ListAsync(0.8m, 0, 2, CancellationToken.None);
        var second = await core.ListAsync(0.8m, first.Customers[^1].Rank, 2, CancellationToken.None);

        Assert.Equal(["a", "b"], first.Customers.Select(c => c.CustomerId));
        Assert.True(first.HasMore);
        Assert.Equal([new CoreCustomerRow("c", "Customer c", 3, 30m, 120m)], second.Customers);
        Assert.False(second.HasMore);
        Assert.Equal(3, second.CoreCount);
    }

    [Fact]
    public async Task Without_revenue_the_core_is_empty()
    {
        await SpendsAsync(("a", 0), ("b", 0));

        var page = await new CoreCustomers(db.DataSource).ListAsync(0.8m, 0, 50, CancellationToken.None);

        Assert.Empty(page.Customers);
        Assert.Equal((2L, 0m, 0L, 0m), (page.PopulationCount, page.TotalRevenue, page.CoreCount, page.CoreRevenue));
    }

    [Fact]
    public async Task A_merged_customer_is_not_counted_its_spend_lives_on_in_the_customer_it_was_merged_into()
    {
        await SpendsAsync(("a", 50), ("b", 30), ("c", 20));
        await ReadModelRows.SummaryAsync(db.DataSource, "old-a", purchaseCount: 1, lifetimeSpend: 500m, lastPurchaseAt: new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero), mergedInto: "a");

        var page = await new CoreCustomers(db.DataSource).ListAsync(0.8m, 0, 50, CancellationToken.None);

        Assert.Equal((3L, 100m, 2L), (page.PopulationCount, page.TotalRevenue, page.CoreCount));
        Assert.Equal(["a", "b"], page.Customers.Select(c => c.CustomerId));
    }

    private async Task SpendsAsync(params (string Id, decimal Spend)[] customers)
    {
        foreach (var (id, spend) in customers)
        {
            await ReadModelRows.SummaryAsync(db.DataSource, id, purchaseCount: spend > 0 ? 1 : 0, lifetimeSpend: spend,
                lastPurchaseAt: spend > 0 ? new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero) : null);
        }
    }
}
