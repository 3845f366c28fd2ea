using CustomerNeeds.Search.Customers;
using CustomerNeeds.Storage.ReadModel;

namespace CustomerNeeds.Storage.Tests.ReadModel;

/// <summary>order_by on every sortable field, both directions: customers without a value last, ties by name; keyset pages.</summary>
public sealed class CustomerSearchOrderTests(SearchPopulation population) : IClassFixture<SearchPopulation>
{
    private PostgresCustomerSearch Search => new(population.DataSource);

    [Theory]
    [InlineData("", "abcde")]
    [InlineData("name", "abcde")]
    [InlineData("name desc", "edcba")]
    [InlineData("display_name", "acbed")]
    [InlineData("display_name desc", "dbeac")]
    [InlineData("create_time", "abcde")]
    [InlineData("create_time desc", "edcba")]
    [InlineData("update_time", "cdbea")]
    [InlineData("update_time desc", "aebdc")]
    [InlineData("last_interaction_time", "adbec")]
    [InlineData("last_interaction_time desc", "ebdac")]
    [InlineData("open_complaint_count", "bceda")]
    [InlineData("open_complaint_count desc", "adbce")]
    [InlineData("loyalty.ladder_stage", "cbead")]
    [InlineData("loyalty.ladder_stage desc", "daebc")]
    [InlineData("loyalty.churn_risk_score", "dbcea")]
    [InlineData("loyalty.churn_risk_score desc", "aecbd")]
    [InlineData("satisfaction.csat_mean", "eadbc")]
    [InlineData("satisfaction.csat_mean desc", "bdaec")]
    [InlineData("satisfaction.nps_score", "eadbc")]
    [InlineData("satisfaction.nps_score desc", "bdaec")]
    [InlineData("open_complaint_count desc, display_name desc", "adbec")]
    [InlineData("satisfaction.csat_mean desc, name desc", "bdaec")]
    [InlineData("display_name, name desc", "caebd")]
    public async Task Customers_come_in_the_requested_order_on_one_page_and_across_small_pages(string orderBy, string expected)
    {
        var ordering = CustomerOrderByParser.Parse(orderBy);
        var ids = expected.Select(c => population.Ids[c.ToString()]).ToArray();

        var whole = await Search.ListAsync(new CustomerQuery(null, ordering, 100, null, IncludeTotal: false), CancellationToken.None);
        Assert.Equal(ids, whole.Rows.Select(r => r.CustomerId));
        Assert.Null(whole.Next);

        foreach (var pageSize in new[] { 1, 2, 4 })
        {
            var (paged, pages) = await AllPagesAsync(null, ordering, pageSize);
            Assert.Equal(ids, paged);
            Assert.Equal((ids.Length + pageSize - 1) / pageSize, pages);
        }
    }

    [Theory]
    [InlineData("tags:*", "satisfaction.csat_mean desc", "bda")]
    [InlineData("NOT tags:*", "last_interaction_time", "ec")]
    [InlineData("kind = EXTERNAL", "name desc", "ca")]
    public async Task Filter_and_order_combine(string filter, string orderBy, string expected)
    {
        var (paged, _) = await AllPagesAsync(population.Checker.Check(filter), CustomerOrderByParser.Parse(orderBy), 1);
        Assert.Equal(expected.Select(c => population.Ids[c.ToString()]), paged);
    }

    [Fact]
    public async Task The_total_counts_every_match_whatever_the_page()
    {
        var filter = population.Checker.Check("loyalty.churn_risk_score >= 0.5");
        var first = await Search.ListAsync(new CustomerQuery(filter, CustomerOrdering.Default, 1, null, IncludeTotal: true), CancellationToken.None);
        Assert.Equal(3L, first.TotalSize);
        Assert.Single(first.Rows);
        var second = await Search.ListAsync(new CustomerQuery(filter, CustomerOrdering.Default, 1, first.Next, IncludeTotal: true), CancellationToken.None);
        Assert.Equal(3L, second.TotalSize);
        Assert.Equal(population.Ids["c"], Assert.Single(second.Rows).CustomerId);

        var without = await Search.ListAsync(new CustomerQuery(filter, CustomerOrdering.Default, 1, null, IncludeTotal: false), CancellationToken.None);
        Assert.Null(without.TotalSize);
    }

    [Fact]
    public async Task A_row_is_read_with_every_summary_field()
    {
        var page = await Search.ListAsync(
            new CustomerQuery(population.Checker.Check("tags:vip kind = EXTERNAL"), CustomerOrdering.Default, 10, null, false), CancellationToken.None);
        var a = Assert.Single(page.Rows);
        Assert.Equal(("Alpha", (short)3, (short)2, "retail", "CH-ZH", "gold"), (a.DisplayName, a.Kind, a.RelationshipMode, a.Industry, a.Region, a.Tier));
        Assert.Equal([1, 2], a.ValueTypes);
        Assert.Equal(["vip", "key-account"], a.Tags);
        Assert.Equal("fair", a.Attributes["source"]);
        Assert.Equal((4, 0.8, 3), (a.LadderStage, a.ChurnRiskScore, a.ChurnRiskLevel));
        Assert.Equal((2.5, 4L, -50.0, (short)3), (a.CsatMean, a.CsatCount, a.NpsScore, a.LastNps));
        Assert.Equal(2, a.OpenComplaintCount);
        Assert.Equal(SearchPopulation.Utc(2024, 3, 1), a.LastInteractionAt);
        Assert.Equal(SearchPopulation.Utc(2024, 6, 10), a.UpdatedAt);
        Assert.Equal(1L, a.LastSequence);
    }

    [Fact]
    public async Task Membership_of_one_customer_follows_the_filter_and_an_unknown_customer_has_no_answer()
    {
        var vip = population.Checker.Check("tags:vip");
        Assert.True(await Search.MatchesAsync(population.Ids["a"], vip, CancellationToken.None));
        Assert.False(await Search.MatchesAsync(population.Ids["c"], vip, CancellationToken.None));
        Assert.True(await Search.MatchesAsync(population.Ids["c"], null, CancellationToken.None));
        Assert.Null(await Search.MatchesAsync("nobody", vip, CancellationToken.None));
    }

    [Theory]
    [InlineData("loyalty.churn_risk_score", new[] { "x" }, "pop-a")]
    [InlineData("loyalty.churn_risk_score", new string[0], "pop-a")]
    [InlineData("loyalty.churn_risk_score", new[] { "0.5", "1" }, "pop-a")]
    [InlineData("create_time", new[] { "-5" }, "pop-a")]
    [InlineData("open_complaint_count", new[] { "1.5" }, "pop-a")]
    [InlineData("open_complaint_count", new[] { "1" }, "")]
    public void A_cursor_that_does_not_fit_the_ordering_is_not_accepted(string orderBy, string[] keys, string customerId)
    {
        var order = new CustomerOrderSql(CustomerOrderByParser.Parse(orderBy));
        Assert.False(order.Accepts(new CustomerCursor(keys, customerId)));
        Assert.True(order.Accepts(new CustomerCursor(["1"], "pop-a")));
    }

    [Fact]
    public void A_null_key_is_accepted_only_where_customers_may_have_no_value()
    {
        Assert.True(new CustomerOrderSql(CustomerOrderByParser.Parse("satisfaction.csat_mean")).Accepts(new CustomerCursor([null], "pop-a")));
        Assert.False(new CustomerOrderSql(CustomerOrderByParser.Parse("display_name")).Accepts(new CustomerCursor([null], "pop-a")));
    }

    private async Task<(List<string> Ids, int Pages)> AllPagesAsync(CustomerFilter? filter, CustomerOrdering ordering, int pageSize)
    {
        var ids = new List<string>();
        CustomerCursor? after = null;
        for (var pages = 1; ; pages++)
        {
            var page = await Search.ListAsync(new CustomerQuery(filter, ordering, pageSize, after, IncludeTotal: false), CancellationToken.None);
            ids.AddRange(page.Rows.Select(r => r.CustomerId));
            Assert.True(pages < 100, "paging never ends");
            if (page.Next is null)
            {
                return (ids, pages);
            }

            after = page.Next;
        }
    }
}
