using CustomerNeeds.Api.Tests.Durability;
using CustomerNeeds.Api.V1;
using static CustomerNeeds.Api.Tests.ReadModel.ReadModelDatabase;

namespace CustomerNeeds.Api.Tests.ReadModel;

/// <summary>
/// The seeding command (the bulk path of docs/read-model.md): its customers are real customers of
/// the log, their read-model rows equal a rebuild from the log, their grains load them, and a
/// second run changes nothing.
/// </summary>
[Collection(DurabilityCollection.Name)]
public sealed class SeedCommandTests
{
    private const int Customers = 60;

    [Fact]
    public async Task Seeded_customers_are_readable_and_their_rows_equal_a_rebuild_from_the_log()
    {
        await using var own = await OwnServer.StartAsync();
        var data = own.Database.DataSource;

        var (exit, output) = await ServerVerb.RunAsync(own.Database.ConnectionString, "seed", "--customers", Customers.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(exit == 0, output);
        Assert.Contains($"seed: {Customers} customers created, 0 existed", output, StringComparison.Ordinal);

        // The rows the bulk path wrote are the rows the log gives.
        await CopyAsync(data, "seeded_");
        await TruncateAsync(data);
        (exit, output) = await ServerVerb.RunAsync(own.Database.ConnectionString, "rebuild-read-model");
        Assert.True(exit == 0, output);
        await AssertSameRowsAsync(data, "seeded_");

        // The grains load the seeded logs, and what they show is what the summary rows hold.
        foreach (var number in new[] { 0, 1, Customers / 2, Customers - 1 })
        {
            var id = "seed-" + number.ToString("D8", System.Globalization.CultureInfo.InvariantCulture);
            var customer = await own.Clients.Customers.GetCustomerAsync(new GetCustomerRequest { Name = "customers/" + id });
            var row = Assert.Single(await RowsAsync(data, "SELECT display_name, interaction_count, open_complaint_count, tier FROM customer_summaries WHERE customer_id = $1", id));
            Assert.Equal("Customer " + number.ToString(System.Globalization.CultureInfo.InvariantCulture), customer.DisplayName);
            Assert.Equal(row["display_name"], customer.DisplayName);
            Assert.Equal(row["interaction_count"], customer.Lifetime.InteractionCount);
            Assert.Equal(row["open_complaint_count"], customer.OpenComplaintCount);
            Assert.Equal(row["tier"] ?? "", customer.Loyalty.Tier);
            Assert.True(customer.Lifetime.InteractionCount > 0);
        }

        // A second run finds every customer and writes nothing.
        (exit, output) = await ServerVerb.RunAsync(own.Database.ConnectionString, "seed", "--customers", Customers.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(exit == 0, output);
        Assert.Contains($"seed: 0 customers created, {Customers} existed, 0 events", output, StringComparison.Ordinal);
    }
}
