using CustomerNeeds.Api.Tests.Infrastructure;
using CustomerNeeds.Api.V1;
using CustomerNeeds.Testing.ReadModel;
using Google.Protobuf.WellKnownTypes;
using System.Text;
using Npgsql;

namespace CustomerNeeds.Api.Tests.Search;

/// <summary>
/// ListCustomers through real gRPC on the real server. The read-model rows are written with SQL
/// here, so that these tests exercise the query side alone; ListCustomersEndToEndTests writes them
/// through the customer RPCs. Every test tags its customers with a tag of its own and filters on it.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ListCustomersTests(ServerFixture fixture)
{
    private static readonly DateTime May = new(2024, 5, 1, 0, 0, 0, DateTimeKind.Utc);

    private readonly ApiClients api = fixture.Clients;

    private NpgsqlDataSource Database => fixture.Database.DataSource;

    [Fact]
    public async Task The_basic_view_carries_every_field_the_read_model_holds()
    {
        var tag = SearchCalls.NewTag();
        var id = TestData.NewCustomerId();
        await new SummarySeed(id)
        {
            DisplayName = "ACME Ltd.", Kind = 2, ValueTypes = [1, 3], RelationshipMode = 2, Industry = "retail", Region = "CH-ZH",
            Tags = [tag, "vip"], Attributes = new() { ["segment"] = "b2b" }, Tier = "gold", LadderStage = 4, ChurnRiskScore = 0.75,
            ChurnRiskLevel = 3, CsatMean = 3.5, CsatCount = 4, NpsScore = -25, LastNps = 6, OpenComplaintCount = 2,
            LastInteractionAt = May, CreatedAt = May.AddDays(-30), UpdatedAt = May.AddHours(1), LastSequence = 17,
        }.InsertAsync(Database);

        var page = await api.Customers.ListCustomersAsync(new ListCustomersRequest { Filter = $"tags:{tag}" }, deadline: Calls.Deadline());
        var c = Assert.Single(page.Customers);
        Assert.Equal(TestData.CustomerName(id), c.Name);
        Assert.Equal(("ACME Ltd.", CustomerKind.Intermediary, RelationshipMode.Relational, "retail", "CH-ZH"),
            (c.DisplayName, c.Kind, c.RelationshipMode, c.Industry, c.Region));
        Assert.Equal([CustomerValueType.Commercial, CustomerValueType.Influence], c.ValueTypes);
        Assert.Equal([tag, "vip"], c.Tags);
        Assert.Equal("b2b", Assert.Single(c.Attributes).Value);
        Assert.Equal(new LoyaltySummary { Tier = "gold", LadderStage = LadderStage.RepeatCustomer, ChurnRiskScore = 0.75, ChurnRiskLevel = ChurnRiskLevel.High }, c.Loyalty);
        Assert.Equal(new SatisfactionSummary { CsatMean = 3.5, CsatCount = 4, NpsScore = -25, LastNps = 6 }, c.Satisfaction);
        Assert.Equal(2, c.OpenComplaintCount);
        Assert.Equal(TestData.Eur(0), c.Lifetime.LifetimeSpend);
        Assert.Equal(Timestamp.FromDateTime(May.AddDays(-30)), c.CreateTime);
        Assert.Equal(Timestamp.FromDateTime(May.AddHours(1)), c.UpdateTime);
        Assert.Equal("17", c.Etag);
        Assert.Empty(c.TopNeeds);
        Assert.Empty(c.RecentInteractions);
        Assert.Equal("", page.NextPageToken);
        Assert.False(page.HasTotalSize);
    }

    [Fact]
    public async Task A_customer_without_values_reads_as_unset_and_NOT_over_a_missing_value_includes_it()
    {
        var tag = SearchCalls.NewTag();
        var bare = await SeedAsync(tag, "bare", s => s);
        var asked = await SeedAsync(tag, "asked", s => s with { LastNps = 10, CsatMean = 5, CsatCount = 1, NpsScore = 100, Tier = "bronze" });

        var c = Assert.Single((await api.ListAllCustomersAsync(new ListCustomersRequest { Filter = $"tags:{tag}" })).Customers, x => x.Name == bare);
        Assert.False(c.Satisfaction.HasLastNps);
        Assert.Equal("", c.Loyalty.Tier);
        Assert.Equal("", c.Industry);

        Assert.Equal([asked], await api.NamesAsync($"tags:{tag} satisfaction.last_nps = 10"));
        Assert.Equal([bare], await api.NamesAsync($"tags:{tag} NOT satisfaction.last_nps = 10"));
        Assert.Empty(await api.NamesAsync($"tags:{tag} satisfaction.last_nps != 10"));
        Assert.Equal([asked, bare], await api.NamesAsync($"tags:{tag} NOT satisfaction.last_nps != 10"));
        Assert.Equal([bare], await api.NamesAsync($"tags:{tag} NOT loyalty.tier >= bronze"));
    }

    [Theory]
    [InlineData("loyalty.tier >= gold", "cd")]
    [InlineData("loyalty.tier < gold", "ab")]
    [InlineData("needs.title:\"fast delivery\"", "a")]
    [InlineData("NOT needs.type = LATENT", "bcd")]
    [InlineData("attributes.segment = b2b OR open_complaint_count > 1", "ad")]
    [InlineData("last_interaction_time >= \"2024-05-01T03:00:00+02:00\"", "acd")]
    public async Task A_filter_selects_the_customers_it_describes(string filter, string expected)
    {
        var tag = SearchCalls.NewTag();
        var names = await SeedLettersAsync(tag);
        Assert.Equal(expected.Select(l => names[l.ToString()]), await api.NamesAsync($"tags:{tag} AND ({filter})"));
    }

    [Theory]
    [InlineData("tier = gold", "filter: at 0: unknown field \"tier\" (did you mean loyalty.tier?)")]
    [InlineData("kind < EXTERNAL", "filter: at 5: operator \"<\" is not allowed on kind")]
    [InlineData("kind = GOLDEN", "filter: at 7: bad value \"GOLDEN\" for kind")]
    [InlineData("loyalty.tier = diamond", "filter: at 15: bad value \"diamond\" for loyalty.tier")]
    [InlineData("(kind = EXTERNAL", "filter: at 16: missing \")\"")]
    [InlineData("create_time > \"2024-13-01T00:00:00Z\"", "filter: at 14: bad timestamp")]
    [InlineData("needs.type != LATENT", "filter: at 11: operator \"!=\" is not allowed on needs.type")]
    public async Task A_bad_filter_is_INVALID_ARGUMENT_on_filter_with_position_and_reason(string filter, string description)
    {
        var ex = await RpcAssert.InvalidAsync(() => api.Customers.ListCustomersAsync(new ListCustomersRequest { Filter = filter }).ResponseAsync, "filter");
        Assert.StartsWith(description, RpcAssert.Violations(ex)[0].Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("csat", "order_by: at 0: unknown sort field \"csat\"")]
    [InlineData("name, name", "order_by: at 6: name appears more than once")]
    [InlineData("name DESC", "order_by: at 5: expected \",\" or the end after name")]
    [InlineData("loyalty.tier", "order_by: at 0: unknown sort field \"loyalty.tier\"")]
    public async Task A_bad_order_by_is_INVALID_ARGUMENT_on_order_by(string orderBy, string description)
    {
        var ex = await RpcAssert.InvalidAsync(() => api.Customers.ListCustomersAsync(new ListCustomersRequest { OrderBy = orderBy }).ResponseAsync, "order_by");
        Assert.StartsWith(description, RpcAssert.Violations(ex)[0].Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Negative_page_size_and_unknown_view_are_INVALID_ARGUMENT()
    {
        await RpcAssert.InvalidAsync(() => api.Customers.ListCustomersAsync(new ListCustomersRequest { PageSize = -1 }).ResponseAsync, "page_size");
        await RpcAssert.InvalidAsync(() => api.Customers.ListCustomersAsync(new ListCustomersRequest { View = (CustomerView)9 }).ResponseAsync, "view");
        await RpcAssert.InvalidAsync(
            () => api.Customers.ListCustomersAsync(new ListCustomersRequest { Filter = "kind", OrderBy = "x", PageSize = -1 }).ResponseAsync,
            "filter", "order_by", "page_size");
    }

    [Theory]
    [InlineData("", "abcd")]
    [InlineData("name desc", "dcba")]
    [InlineData("display_name", "acbd")]
    [InlineData("display_name desc, name desc", "dbca")]
    [InlineData("create_time desc", "dcba")]
    [InlineData("update_time", "dcba")]
    [InlineData("last_interaction_time", "bcda")]
    [InlineData("last_interaction_time desc", "adcb")]
    [InlineData("open_complaint_count desc", "dabc")]
    [InlineData("loyalty.ladder_stage", "abcd")]
    [InlineData("loyalty.churn_risk_score desc", "bacd")]
    [InlineData("satisfaction.csat_mean", "cbad")]
    [InlineData("satisfaction.csat_mean desc", "abcd")]
    [InlineData("satisfaction.nps_score desc", "bcad")]
    public async Task Order_by_pages_through_every_customer_exactly_once_in_order(string orderBy, string expected)
    {
        var tag = SearchCalls.NewTag();
        var names = await SeedLettersAsync(tag);
        var (customers, pages) = await api.ListAllCustomersAsync(new ListCustomersRequest { Filter = $"tags:{tag}", OrderBy = orderBy, PageSize = 3 });
        Assert.Equal(expected.Select(l => names[l.ToString()]), customers.Select(c => c.Name));
        Assert.Equal([3, 1], pages.Select(p => p.Customers.Count));
    }

    [Fact]
    public async Task Page_size_0_means_50_and_more_than_1000_means_1000()
    {
        var tag = SearchCalls.NewTag();
        await using (var command = Database.CreateCommand(
            """
            INSERT INTO customer_summaries (customer_id, display_name, kind, value_types, relationship_mode, tags, attributes, ladder_stage,
                churn_risk_score, churn_risk_level, csat_count, open_complaint_count, complaint_count, interaction_count, purchase_count,
                lifetime_spend, referral_count, created_at, updated_at, evaluated_at, last_sequence)
            SELECT $1 || '-' || lpad(i::text, 5, '0'), 'Bulk', 3, '{}', 0, ARRAY[$1], '{}', 1, 0, 1, 0, 0, 0, 0, 0, 0, 0, now(), now(), now(), 1
            FROM generate_series(1, 1100) AS i
            """))
        {
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = tag });
            await command.ExecuteNonQueryAsync();
        }

        var byDefault = await api.Customers.ListCustomersAsync(new ListCustomersRequest { Filter = $"tags:{tag}", IncludeTotalSize = true });
        Assert.Equal(50, byDefault.Customers.Count);
        Assert.Equal(1100, byDefault.TotalSize);
        var capped = await api.Customers.ListCustomersAsync(new ListCustomersRequest { Filter = $"tags:{tag}", PageSize = 5000, PageToken = byDefault.NextPageToken });
        Assert.Equal(1000, capped.Customers.Count);
        Assert.Equal($"customers/{tag}-00051", capped.Customers[0].Name);
        var rest = await api.Customers.ListCustomersAsync(new ListCustomersRequest { Filter = $"tags:{tag}", PageSize = 1000, PageToken = capped.NextPageToken });
        Assert.Equal($"customers/{tag}-01050", capped.Customers[^1].Name);
        Assert.Equal(50, rest.Customers.Count);
        Assert.Equal($"customers/{tag}-01100", rest.Customers[^1].Name);
        Assert.Equal("", rest.NextPageToken);
    }

    [Fact]
    public async Task The_total_size_is_there_only_when_asked_and_counts_every_match()
    {
        var tag = SearchCalls.NewTag();
        var names = await SeedLettersAsync(tag);
        var request = new ListCustomersRequest { Filter = $"tags:{tag} loyalty.churn_risk_score > 0.1", PageSize = 1, IncludeTotalSize = true };
        var first = await api.Customers.ListCustomersAsync(request);
        Assert.Equal(3, first.TotalSize);
        Assert.Equal(names["a"], Assert.Single(first.Customers).Name);
        var second = await api.Customers.ListCustomersAsync(new ListCustomersRequest(request) { PageToken = first.NextPageToken, IncludeTotalSize = false });
        Assert.False(second.HasTotalSize);
        Assert.Equal(names["b"], Assert.Single(second.Customers).Name);
    }

    [Fact]
    public async Task A_page_token_only_continues_the_same_filter_and_order_and_only_unchanged()
    {
        var tag = SearchCalls.NewTag();
        await SeedLettersAsync(tag);
        var request = new ListCustomersRequest { Filter = $"tags:{tag}", OrderBy = "display_name", PageSize = 1 };
        var token = (await api.Customers.ListCustomersAsync(request)).NextPageToken;
        Assert.NotEmpty(token);

        Task Call(ListCustomersRequest r) => api.Customers.ListCustomersAsync(r).ResponseAsync;
        await RpcAssert.InvalidAsync(() => Call(new ListCustomersRequest(request) { Filter = $"tags:{tag} kind = EXTERNAL", PageToken = token }), "page_token");
        await RpcAssert.InvalidAsync(() => Call(new ListCustomersRequest(request) { OrderBy = "display_name desc", PageToken = token }), "page_token");
        await RpcAssert.InvalidAsync(() => Call(new ListCustomersRequest(request) { OrderBy = "", PageToken = token }), "page_token");
        await RpcAssert.InvalidAsync(() => Call(new ListCustomersRequest(request) { PageToken = "garbage" }), "page_token");
        await RpcAssert.InvalidAsync(() => Call(new ListCustomersRequest(request) { PageToken = Tampered(token) }), "page_token");
        var needsToken = Base64Url("{\"v\":1,\"f\":\"x\",\"o\":1}");
        await RpcAssert.InvalidAsync(() => Call(new ListCustomersRequest(request) { PageToken = needsToken }), "page_token");

        // The same filter written differently is the same filter; page_size, view and the total may change.
        var next = await api.Customers.ListCustomersAsync(new ListCustomersRequest(request)
        {
            Filter = $"tags:\"{tag}\"", PageToken = token, PageSize = 10, View = CustomerView.Basic, IncludeTotalSize = true,
        });
        Assert.Equal(3, next.Customers.Count);
    }

    [Fact]
    public async Task The_full_view_reads_each_customer_from_its_grain_in_the_pages_order()
    {
        var tag = SearchCalls.NewTag();
        var ids = new List<string>();
        foreach (var name in new[] { "Zed", "Amy", "Kim" })
        {
            var profile = TestData.FullProfile();
            profile.DisplayName = name;
            var (id, _) = await api.CreateCustomerAsync(profile);
            ids.Add(id);
            await new SummarySeed(id) { DisplayName = name, Tags = [tag] }.InsertAsync(Database);
        }

        var (customers, _) = await api.ListAllCustomersAsync(
            new ListCustomersRequest { Filter = $"tags:{tag}", OrderBy = "display_name", View = CustomerView.Full, PageSize = 2 });
        var expected = new List<Customer>();
        foreach (var id in new[] { ids[1], ids[2], ids[0] })
        {
            expected.Add(await api.GetCustomerAsync(id));
        }

        Assert.Equal(expected, customers);
        Assert.Equal(2, customers[0].ContactPersons.Count);
    }

    [Fact]
    public async Task Paging_while_customers_change_returns_every_customer_with_an_unchanged_key_exactly_once()
    {
        var tag = SearchCalls.NewTag();
        var random = new Random(11);
        var steady = new List<string>();
        for (var i = 0; i < 120; i++)
        {
            steady.Add(await SeedAsync(tag, "s" + i.ToString("D3"), s => s with { ChurnRiskScore = random.Next(0, 20) / 20.0 }));
        }

        // Other fields of existing customers change; new customers arrive.
        await api.AssertEachSteadyCustomerOnceWhileWritingAsync(
            new ListCustomersRequest { Filter = $"tags:{tag}", OrderBy = "loyalty.churn_risk_score desc", PageSize = 7 },
            steady,
            async n =>
            {
                await using (var command = Database.CreateCommand(
                    "UPDATE customer_summaries SET open_complaint_count = open_complaint_count + 1, tags = tags || 'changed'::text, "
                    + "updated_at = now(), last_sequence = last_sequence + 1 WHERE customer_id = $1"))
                {
                    command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = steady[n % steady.Count]["customers/".Length..] });
                    await command.ExecuteNonQueryAsync();
                }

                await new SummarySeed(tag + "-new-" + n.ToString("D4")) { Tags = [tag], ChurnRiskScore = (n % 20) / 20.0 }.InsertAsync(Database);
                await Task.Delay(2);
            });
    }

    /// <summary>Four customers a to d with hand-chosen values (see the expectations of the tests).</summary>
    private async Task<Dictionary<string, string>> SeedLettersAsync(string tag)
    {
        var names = new Dictionary<string, string>
        {
            ["a"] = await SeedAsync(tag, "a", s => s with
            {
                DisplayName = "Alpha", Tier = "bronze", LadderStage = 1, ChurnRiskScore = 0.5, CsatMean = 4.5, NpsScore = 0,
                OpenComplaintCount = 2, Attributes = new() { ["segment"] = "b2b" }, LastInteractionAt = May.AddDays(9),
                CreatedAt = May, UpdatedAt = May.AddDays(9),
                Needs = [new SummaryNeed("n-1", Type: 2, Area: 4, KanoClass: 1, Status: 3, "Fast delivery, please")],
            }),
            ["b"] = await SeedAsync(tag, "b", s => s with
            {
                DisplayName = "Charlie", Tier = "silver", LadderStage = 2, ChurnRiskScore = 0.9, CsatMean = 3, NpsScore = 50,
                LastInteractionAt = May, CreatedAt = May.AddDays(1), UpdatedAt = May.AddDays(8),
                Needs = [new SummaryNeed("n-1", Type: 1, Area: 4, KanoClass: 1, Status: 3, "Delivery on time")],
            }),
            ["c"] = await SeedAsync(tag, "c", s => s with
            {
                DisplayName = "Alpha", Tier = "gold", LadderStage = 3, ChurnRiskScore = 0.2, CsatMean = 1, NpsScore = 20,
                LastInteractionAt = May.AddDays(1), CreatedAt = May.AddDays(2), UpdatedAt = May.AddDays(7),
            }),
            ["d"] = await SeedAsync(tag, "d", s => s with
            {
                DisplayName = "Delta", Tier = "platinum", LadderStage = 4, ChurnRiskScore = 0.1, OpenComplaintCount = 3,
                LastInteractionAt = May.AddDays(2), CreatedAt = May.AddDays(3), UpdatedAt = May.AddDays(6),
            }),
        };
        return names;
    }

    /// <summary>Writes a summary row for "{tag}-{suffix}" with the test's tag; returns its resource name.</summary>
    private async Task<string> SeedAsync(string tag, string suffix, Func<SummarySeed, SummarySeed> shape)
    {
        var id = tag + "-" + suffix;
        var seed = shape(new SummarySeed(id));
        await (seed with { Tags = [tag, .. seed.Tags.Where(t => t != tag)] }).InsertAsync(Database);
        return TestData.CustomerName(id);
    }

    /// <summary>The token with the first sort value changed (the JSON inside the base64url kept well-formed).</summary>
    private static string Tampered(string token)
    {
        var base64 = token.Replace('-', '+').Replace('_', '/');
        var json = Encoding.UTF8.GetString(Convert.FromBase64String(base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=')));
        var changed = json.Replace("\"a\":[\"", "\"a\":[\"A", StringComparison.Ordinal);
        Assert.NotEqual(json, changed);
        return Base64Url(changed);
    }

    private static string Base64Url(string text) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
