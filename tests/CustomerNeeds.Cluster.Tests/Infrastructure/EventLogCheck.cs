using System.Globalization;
using CustomerNeeds.Api.Tests.Infrastructure;
using CustomerNeeds.Api.V1;
using CustomerNeeds.Client;
using Npgsql;

namespace CustomerNeeds.Cluster.Tests.Infrastructure;

/// <summary>
/// What the customers' event logs hold after a fault, checked in SQL and through the API: every
/// acknowledged interaction stored exactly once, nothing stored that was never sent, every log a
/// gap-free run of sequences, every customer readable with the stored interaction count.
/// </summary>
public static class EventLogCheck
{
    /// <summary>Asserts all of the above for the customers of <paramref name="load"/>.</summary>
    public static async Task AssertStoredExactlyOnceAsync(NpgsqlDataSource dataSource, CustomerNeedsChannel channel, IReadOnlyList<string> customerIds, WriteLoad load)
    {
        var stored = await StoredInteractionsAsync(dataSource, customerIds);
        var duplicates = stored.GroupBy(s => s).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(duplicates.Count == 0, $"{duplicates.Count} interactions stored more than once, e.g. {string.Join(", ", duplicates.Take(5))}");

        var storedSet = stored.ToHashSet();
        var lost = load.Acknowledged.Where(a => !storedSet.Contains((a.Value, a.Key))).Select(a => a.Key).ToList();
        Assert.True(lost.Count == 0, $"{lost.Count} acknowledged interactions are not stored, e.g. {string.Join(", ", lost.Take(5))}");

        var unsent = stored.Where(s => !load.Sent.TryGetValue(s.InteractionId, out var customer) || customer != s.CustomerId).ToList();
        Assert.True(unsent.Count == 0, $"{unsent.Count} stored interactions were never sent to that customer");

        var gaps = await CustomersWithSequenceGapsAsync(dataSource, customerIds);
        Assert.True(gaps.Count == 0, $"event logs with a gap or a repeated sequence: {string.Join(", ", gaps.Take(5))}");

        var customers = new CustomerService.CustomerServiceClient(channel.CallInvoker);
        var countByCustomer = stored.GroupBy(s => s.CustomerId).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        await Calls.ForAllAsync(customerIds.Count, 16, async i =>
        {
            var customer = await customers.GetCustomerAsync(
                new GetCustomerRequest { Name = TestData.CustomerName(customerIds[i]) }, deadline: DateTime.UtcNow.AddSeconds(60));
            Assert.Equal(countByCustomer.GetValueOrDefault(customerIds[i]), customer.Lifetime.InteractionCount);
        });
    }

    /// <summary>(customer, interaction id) of every interaction row of the customers, duplicates included.</summary>
    public static async Task<List<(string CustomerId, string InteractionId)>> StoredInteractionsAsync(NpgsqlDataSource dataSource, IReadOnlyList<string> customerIds)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT customer_id, interaction_id FROM customer_events WHERE customer_id = ANY($1) AND interaction_id IS NOT NULL");
        command.Parameters.AddWithValue(customerIds.ToArray());
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(string, string)>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), reader.GetString(1)));
        }

        return rows;
    }

    /// <summary>Customers whose log is not exactly the sequences 1..n.</summary>
    public static async Task<List<string>> CustomersWithSequenceGapsAsync(NpgsqlDataSource dataSource, IReadOnlyList<string> customerIds)
    {
        await using var command = dataSource.CreateCommand(
            """
            SELECT customer_id, min(sequence), max(sequence), count(*), count(DISTINCT sequence)
            FROM customer_events WHERE customer_id = ANY($1)
            GROUP BY customer_id
            HAVING min(sequence) <> 1 OR max(sequence) <> count(*) OR count(DISTINCT sequence) <> count(*)
            """);
        command.Parameters.AddWithValue(customerIds.ToArray());
        await using var reader = await command.ExecuteReaderAsync();
        var customers = new List<string>();
        while (await reader.ReadAsync())
        {
            customers.Add(string.Create(CultureInfo.InvariantCulture,
                $"{reader.GetString(0)} (sequences {reader.GetInt64(1)}..{reader.GetInt64(2)}, {reader.GetInt64(3)} rows)"));
        }

        return customers;
    }
}
