using CustomerNeeds.Storage.ReadModel;
using Npgsql;

namespace CustomerNeeds.Storage.Tests.ReadModel;

/// <summary>Every filter field translated to SQL and run on PostgreSQL against the hand-built population.</summary>
public sealed class CustomerFilterSqlTests(SearchPopulation population) : IClassFixture<SearchPopulation>
{
    [Theory]
    [InlineData("", "abcde")]
    [InlineData("kind = EXTERNAL", "ac")]
    [InlineData("kind = CUSTOMER_KIND_INTERMEDIARY", "d")]
    [InlineData("kind != EXTERNAL", "bde")]
    [InlineData("NOT kind = EXTERNAL", "bde")]
    [InlineData("value_types:BRAND", "a")]
    [InlineData("value_types:COMMERCIAL", "ad")]
    [InlineData("value_types:*", "abd")]
    [InlineData("NOT value_types:*", "ce")]
    [InlineData("relationship_mode = UNSPECIFIED", "c")]
    [InlineData("relationship_mode != RELATIONAL", "bce")]
    [InlineData("industry = retail", "ad")]
    [InlineData("industry = Retail", "e")]
    [InlineData("industry != retail", "be")]
    [InlineData("NOT industry = retail", "bce")]
    [InlineData("NOT industry != retail", "acd")]
    [InlineData("region = \"CH-ZH\"", "ad")]
    [InlineData("region != \"CH-ZH\"", "c")]
    [InlineData("tags:vip", "ab")]
    [InlineData("tags:\"key-account\"", "ad")]
    [InlineData("tags:*", "abd")]
    [InlineData("NOT tags:*", "ce")]
    [InlineData("-tags:vip", "cde")]
    [InlineData("attributes.segment = b2b", "a")]
    [InlineData("attributes.segment:b2b", "a")]
    [InlineData("attributes.segment != b2b", "b")]
    [InlineData("NOT attributes.segment != b2b", "acde")]
    [InlineData("attributes:segment", "ab")]
    [InlineData("attributes.source:*", "ad")]
    [InlineData("attributes:*", "abd")]
    [InlineData("NOT attributes:*", "ce")]
    [InlineData("loyalty.tier = gold", "a")]
    [InlineData("loyalty.tier >= gold", "ad")]
    [InlineData("loyalty.tier > gold", "d")]
    [InlineData("loyalty.tier < gold", "be")]
    [InlineData("loyalty.tier <= bronze", "e")]
    [InlineData("loyalty.tier != gold", "bde")]
    [InlineData("NOT loyalty.tier >= silver", "ce")]
    [InlineData("loyalty.ladder_stage >= REPEAT_CUSTOMER", "ad")]
    [InlineData("loyalty.ladder_stage < PROSPECT", "c")]
    [InlineData("loyalty.ladder_stage = LADDER_STAGE_PARTNER", "d")]
    [InlineData("loyalty.churn_risk_score >= 0.7", "ae")]
    [InlineData("loyalty.churn_risk_score < 0.2", "d")]
    [InlineData("loyalty.churn_risk_level = HIGH", "ae")]
    [InlineData("loyalty.churn_risk_level > LOW", "ace")]
    [InlineData("satisfaction.csat_mean < 3", "ae")]
    [InlineData("satisfaction.csat_mean >= 3", "bd")]
    [InlineData("satisfaction.csat_mean != 3", "abe")]
    [InlineData("NOT satisfaction.csat_mean >= 3", "ace")]
    [InlineData("satisfaction.csat_count >= 2", "ab")]
    [InlineData("satisfaction.csat_count = 0", "c")]
    [InlineData("satisfaction.nps_score < 0", "ae")]
    [InlineData("NOT satisfaction.nps_score < 0", "bcd")]
    [InlineData("satisfaction.last_nps <= 6", "ae")]
    [InlineData("NOT satisfaction.last_nps = 10", "acde")]
    [InlineData("satisfaction.nps_category = PROMOTER", "b")]
    [InlineData("satisfaction.nps_category = DETRACTOR", "ae")]
    [InlineData("satisfaction.nps_category = PASSIVE", "d")]
    [InlineData("satisfaction.nps_category >= PASSIVE", "bd")]
    [InlineData("NOT satisfaction.nps_category = PASSIVE", "abce")]
    [InlineData("open_complaint_count > 0", "ad")]
    [InlineData("open_complaint_count = 0", "bce")]
    [InlineData("last_interaction_time < \"2024-04-15T00:00:00Z\"", "ad")]
    [InlineData("last_interaction_time >= \"2024-04-15T00:00:00Z\"", "be")]
    [InlineData("NOT last_interaction_time < \"2024-04-15T00:00:00Z\"", "bce")]
    [InlineData("create_time >= \"2024-03-01T00:00:00Z\"", "cde")]
    [InlineData("create_time < \"2024-03-01T01:00:00+01:00\"", "ab")]
    [InlineData("create_time = \"2024-02-01T00:00:00Z\"", "b")]
    [InlineData("update_time > \"2024-06-05T00:00:00Z\"", "a")]
    [InlineData("needs.type = LATENT", "ad")]
    [InlineData("needs.type:EMOTIONAL", "b")]
    [InlineData("NOT needs.type = LATENT", "bce")]
    [InlineData("needs.area = SERVICE", "a")]
    [InlineData("needs.area = FUNCTION", "d")]
    [InlineData("needs.kano_class = UNSPECIFIED", "a")]
    [InlineData("needs.kano_class = ATTRACTIVE", "b")]
    [InlineData("needs.status = SATISFIED", "a")]
    [InlineData("needs.status = IN_PROGRESS", "d")]
    [InlineData("needs.type = LATENT AND needs.status = SATISFIED", "a")]
    [InlineData("needs.type = LATENT AND needs.status = IN_PROGRESS", "d")]
    [InlineData("needs.title:\"fast delivery\"", "ab")]
    [InlineData("needs.title:\"DELIVERY\"", "abd")]
    [InlineData("needs.title:\"fast tracking\"", "")]
    [InlineData("needs.title:deliver", "")]
    [InlineData("NOT needs.title:delivery", "ce")]
    [InlineData("kind = INTERNAL OR loyalty.tier = platinum", "bd")]
    [InlineData("tags:vip AND NOT kind = INTERNAL", "a")]
    [InlineData("tags:vip kind = EXTERNAL", "a")]
    [InlineData("(region = \"CH-ZH\" OR region = EMEA) AND NOT satisfaction.csat_mean < 3", "cd")]
    [InlineData("NOT (satisfaction.csat_mean < 3 OR satisfaction.csat_mean > 4)", "cd")]
    [InlineData("NOT (industry = retail AND tags:vip)", "bcde")]
    [InlineData("kind = EXTERNAL AND loyalty.tier = gold OR loyalty.tier = platinum", "a")]
    [InlineData("(kind = EXTERNAL AND loyalty.tier = gold) OR loyalty.tier = platinum", "ad")]
    public async Task A_filter_selects_exactly_the_customers_it_describes(string filter, string expected)
    {
        var matched = await MatchingAsync(filter);
        Assert.Equal(expected.Select(c => population.Ids[c.ToString()]).ToArray(), matched);
    }

    [Fact]
    public async Task The_predicate_composes_with_a_callers_own_conditions_and_parameters()
    {
        var parameters = new SqlParameters();
        var ids = parameters.Add(new[] { population.Ids["a"], population.Ids["b"] });
        var predicate = CustomerFilterSql.Predicate(population.Checker.Check("tags:vip"), "s", parameters);
        await using var command = population.DataSource.CreateCommand(
            $"SELECT count(*) FROM customer_summaries s WHERE s.customer_id = ANY({ids}) AND {predicate}");
        parameters.AddTo(command);
        Assert.Equal(2L, await command.ExecuteScalarAsync());
    }

    [Fact]
    public void Values_never_appear_in_the_sql_text()
    {
        var fragment = CustomerFilterSql.Translate(
            population.Checker.Check("industry = \"x'; DROP TABLE segments; --\" AND attributes.k = \"v\" AND needs.title:\"robert tables\""), "c");
        Assert.DoesNotContain("DROP", fragment.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("robert", fragment.Text, StringComparison.Ordinal);
        Assert.Equal(3, fragment.Parameters.Items.Count);
    }

    [Theory]
    [InlineData("C")]
    [InlineData("c; DROP TABLE x")]
    [InlineData("")]
    public void An_alias_that_is_not_a_plain_identifier_is_refused(string alias) =>
        Assert.Throws<ArgumentException>(() => CustomerFilterSql.Translate(null, alias));

    private async Task<string[]> MatchingAsync(string filter)
    {
        var parameters = new SqlParameters();
        var ids = parameters.Add(population.Ids.Values.ToArray());
        var predicate = CustomerFilterSql.Predicate(population.Checker.Check(filter), "c", parameters);
        await using var command = population.DataSource.CreateCommand(
            $"SELECT c.customer_id FROM customer_summaries c WHERE c.customer_id = ANY({ids}) AND {predicate} ORDER BY c.customer_id");
        parameters.AddTo(command);
        var found = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            found.Add(reader.GetString(0));
        }

        return [.. found];
    }
}
