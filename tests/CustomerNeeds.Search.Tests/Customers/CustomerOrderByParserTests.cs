using CustomerNeeds.Search.Customers;

namespace CustomerNeeds.Search.Tests.Customers;

public sealed class CustomerOrderByParserTests
{
    private const string Sortable =
        "name, display_name, create_time, update_time, last_interaction_time, open_complaint_count, loyalty.ladder_stage, "
        + "loyalty.churn_risk_score, satisfaction.csat_mean, satisfaction.nps_score";

    [Theory]
    [InlineData("display_name", "display_name")]
    [InlineData("display_name asc", "display_name")]
    [InlineData("loyalty.churn_risk_score desc", "loyalty.churn_risk_score desc")]
    [InlineData("  loyalty.churn_risk_score   desc ,display_name,name desc ", "loyalty.churn_risk_score desc, display_name, name desc")]
    [InlineData("satisfaction.csat_mean, satisfaction.nps_score desc", "satisfaction.csat_mean, satisfaction.nps_score desc")]
    [InlineData("last_interaction_time desc, create_time, update_time desc, open_complaint_count, loyalty.ladder_stage desc",
        "last_interaction_time desc, create_time, update_time desc, open_complaint_count, loyalty.ladder_stage desc")]
    public void Valid_orderings(string orderBy, string expected) =>
        Assert.Equal(expected, CustomerOrderByParser.Parse(orderBy).ToString());

    [Fact]
    public void Keys_carry_the_field_and_the_direction()
    {
        var ordering = CustomerOrderByParser.Parse("loyalty.churn_risk_score desc, display_name");

        Assert.Equal(
            new[] { new SortKey(CustomerSortField.ChurnRiskScore, "loyalty.churn_risk_score", true), new SortKey(CustomerSortField.DisplayName, "display_name", false) },
            ordering.Keys);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \t")]
    public void Blank_is_the_default_order(string? orderBy) => Assert.Same(CustomerOrdering.Default, CustomerOrderByParser.Parse(orderBy));

    [Fact]
    public void Every_sort_field_is_listed()
    {
        Assert.Equal(Sortable, string.Join(", ", CustomerOrderByParser.SortableFields));
        Assert.Equal(Enum.GetValues<CustomerSortField>().Length, CustomerOrderByParser.SortableFields.Count);
    }

    [Theory]
    [InlineData("tier", 0, "unknown sort field \"tier\"; sortable fields: " + Sortable)]
    [InlineData("display_name, csat desc", 14, "unknown sort field \"csat\"; sortable fields: " + Sortable)]
    [InlineData("loyalty.tier", 0, "unknown sort field \"loyalty.tier\"; sortable fields: " + Sortable)]
    [InlineData("display_name DESC", 13, "expected \",\" or the end after display_name, found \"DESC\" (the direction is \"desc\" or \"asc\", in lower case)")]
    [InlineData("display_name desc desc", 18, "expected \",\" or the end after display_name desc, found \"desc\" (the direction is \"desc\" or \"asc\", in lower case)")]
    [InlineData("display_name,", 13, "expected a field name, found end of text")]
    [InlineData(",display_name", 0, "expected a field name, found \",\"")]
    [InlineData("display_name;", 12, "unexpected character \";\"")]
    [InlineData("display_name -create_time", 13, "expected \",\" or the end after display_name, found \"-\"")]
    [InlineData("name, display_name desc, name", 25, "name appears more than once")]
    [InlineData("name, create_time, update_time, display_name, open_complaint_count, satisfaction.csat_mean", 68, "too many sort fields: at most 5 are allowed")]
    [InlineData("\"display_name\"", 0, "expected a field name, found \"display_name\"")]
    public void Invalid_orderings_say_where_and_what(string orderBy, int position, string reason)
    {
        var error = Assert.Throws<FilterException>(() => CustomerOrderByParser.Parse(orderBy));

        Assert.Equal(("order_by", position, reason), (error.Parameter, error.Position, error.Reason));
        Assert.Equal($"order_by: at {position}: {reason}", error.Message);
    }

    [Fact]
    public void An_order_by_longer_than_the_maximum_is_refused()
    {
        var orderBy = "display_name" + new string(' ', 489);

        var error = Assert.Throws<FilterException>(() => CustomerOrderByParser.Parse(orderBy));

        Assert.Equal((500, "order_by is too long: 501 characters; at most 500 are allowed"), (error.Position, error.Reason));
    }
}
