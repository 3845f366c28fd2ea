using CustomerNeeds.Search.Customers;
using CustomerNeeds.Storage.ReadModel;
using CustomerNeeds.Testing.ReadModel;
using Npgsql;

namespace CustomerNeeds.Storage.Tests.ReadModel;

/// <summary>Keyset paging while customers change between pages (docs/read-model.md, "Paging while customers change").</summary>
public sealed class CustomerSearchPagingTests(MigratedDatabase database) : IClassFixture<MigratedDatabase>
{
    [Theory]
    [InlineData("satisfaction.csat_mean desc")]
    [InlineData("satisfaction.csat_mean")]
    [InlineData("display_name")]
    [InlineData("")]
    public async Task Customers_whose_sort_key_does_not_change_are_returned_exactly_once_while_others_change_and_arrive(string orderBy)
    {
        var prefix = "pg-" + Guid.NewGuid().ToString("N")[..8] + "-";
        var random = new Random(4711);
        var originals = Enumerable.Range(0, 240).Select(i => Customer(prefix + "o" + i.ToString("D3"), random)).ToList();
        foreach (var customer in originals)
        {
            await customer.InsertAsync(database.DataSource);
        }

        // Movers change their sort key (csat, display name) while the pages are read; all others only change other fields.
        var movers = originals.Where((_, i) => i % 12 == 5).Select(c => c.CustomerId).ToHashSet();
        var steady = originals.Select(c => c.CustomerId).Where(id => !movers.Contains(id)).ToHashSet();
        var ordering = CustomerOrderByParser.Parse(orderBy);
        var filter = new CustomerFilterChecker(CustomerFieldCatalog.Create(["bronze"])).Check($"tags:\"{prefix}\"");
        var search = new PostgresCustomerSearch(database.DataSource);

        var seen = new List<string>();
        var arrivals = new List<string>();
        CustomerCursor? after = null;
        for (var page = 0; ; page++)
        {
            var result = await search.ListAsync(new CustomerQuery(filter, ordering, 7, after, IncludeTotal: false), CancellationToken.None);
            seen.AddRange(result.Rows.Select(r => r.CustomerId));
            if (result.Next is null)
            {
                break;
            }

            after = result.Next;
            Assert.True(page < 200, "paging never ends");
            await ChangeOtherFieldsAsync(prefix, steady.OrderBy(_ => random.Next()).Take(5));
            await MoveAsync(movers.OrderBy(_ => random.Next()).Take(2), random);
            var arrival = Customer(prefix + "n" + page.ToString("D3"), random);
            await arrival.InsertAsync(database.DataSource);
            arrivals.Add(arrival.CustomerId);
        }

        foreach (var id in steady)
        {
            Assert.True(seen.Count(s => s == id) == 1, $"{id} was returned {seen.Count(s => s == id)} times");
        }

        // New customers never change their key: at most once (whether they show depends on where they land).
        Assert.All(arrivals, id => Assert.True(seen.Count(s => s == id) <= 1, $"new customer {id} was returned twice"));
        Assert.Equal(seen.Count, steady.Count + seen.Count(movers.Contains) + seen.Count(arrivals.Contains));
    }

    private static SummarySeed Customer(string id, Random random) => new(id)
    {
        DisplayName = "Name " + random.Next(0, 30).ToString("D2"),
        Tags = [id[..12]],
        CsatMean = random.Next(0, 5) == 0 ? null : random.Next(2, 10) / 2.0,
        ChurnRiskScore = random.NextDouble(),
    };

    private async Task ChangeOtherFieldsAsync(string prefix, IEnumerable<string> ids)
    {
        await using var command = database.DataSource.CreateCommand(
            "UPDATE customer_summaries SET tags = ARRAY[$1, 'touched'], open_complaint_count = open_complaint_count + 1, "
            + "updated_at = now(), last_sequence = last_sequence + 1 WHERE customer_id = ANY($2)");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = prefix });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = ids.ToArray() });
        await command.ExecuteNonQueryAsync();
    }

    private async Task MoveAsync(IEnumerable<string> ids, Random random)
    {
        await using var command = database.DataSource.CreateCommand(
            "UPDATE customer_summaries SET csat_mean = $1, display_name = $2 WHERE customer_id = ANY($3)");
        command.Parameters.Add(new NpgsqlParameter<double> { TypedValue = random.Next(2, 10) / 2.0 });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = "Name " + random.Next(0, 30).ToString("D2") });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = ids.ToArray() });
        await command.ExecuteNonQueryAsync();
    }
}
