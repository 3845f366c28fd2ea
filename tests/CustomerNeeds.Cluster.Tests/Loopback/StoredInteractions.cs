using Npgsql;

namespace CustomerNeeds.Cluster.Tests.Loopback;

/// <summary>What the event log (customer_events, migration 0002) holds, read with SQL straight from PostgreSQL.</summary>
public static class StoredInteractions
{
    /// <summary>(customer id, interaction id) to the number of rows holding it.</summary>
    public static async Task<Dictionary<(string CustomerId, string InteractionId), long>> CountAsync(NpgsqlDataSource dataSource)
    {
        var rows = new Dictionary<(string, string), long>();
        await using var command = dataSource.CreateCommand(
            "SELECT customer_id, interaction_id, count(*) FROM customer_events WHERE interaction_id IS NOT NULL GROUP BY 1, 2");
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows[(reader.GetString(0), reader.GetString(1))] = reader.GetInt64(2);
        }

        return rows;
    }

    /// <summary>The sequences of a customer's log, in order.</summary>
    public static async Task<List<long>> SequencesAsync(NpgsqlDataSource dataSource, string customerId)
    {
        var sequences = new List<long>();
        await using var command = dataSource.CreateCommand("SELECT sequence FROM customer_events WHERE customer_id = $1 ORDER BY sequence");
        command.Parameters.AddWithValue(customerId);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            sequences.Add(reader.GetInt64(0));
        }

        return sequences;
    }
}
