using CustomerNeeds.Testing;
using Npgsql;

namespace CustomerNeeds.Storage.Tests;

public sealed class PostgresCustomerEventLogTests(MigratedDatabase database) : CustomerEventLogContract, IClassFixture<MigratedDatabase>
{
    protected override ICustomerEventLog Log => new PostgresCustomerEventLog(database.DataSource);

    [Fact]
    public async Task ComplaintRowsRecordTheSequenceOfTheAppendThatWroteThem()
    {
        var customer = NewCustomerId();
        await Log.AppendAsync(new CustomerAppend(customer, 0, [Note(1), Note(2)], [Complaint("k-1", "open", T0)]), CancellationToken.None);
        await Log.AppendAsync(new CustomerAppend(customer, 2, [Note(3)], [Complaint("k-2", "open", T0)]), CancellationToken.None);

        await using var command = database.DataSource.CreateCommand(
            "SELECT complaint_id, last_sequence FROM customer_complaints WHERE customer_id = $1 ORDER BY complaint_id");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = customer });
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(string, long)>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), reader.GetInt64(1)));
        }

        Assert.Equal([("k-1", 2L), ("k-2", 3L)], rows);
    }

    [Fact]
    public async Task AStorageFailureIsNotAConflict()
    {
        var nobody = new NpgsqlConnectionStringBuilder(database.Database.ConnectionString) { Port = LoopbackPort.Unused(), Timeout = 2 };
        await using var unreachable = NpgsqlDataSource.Create(nobody.ConnectionString);
        var log = new PostgresCustomerEventLog(unreachable);

        await Assert.ThrowsAsync<NpgsqlException>(() => log.AppendAsync(new CustomerAppend(NewCustomerId(), 0, [Note(1)], []), CancellationToken.None));
        await Assert.ThrowsAsync<NpgsqlException>(() => log.LastSequenceAsync(NewCustomerId(), CancellationToken.None));
    }
}
