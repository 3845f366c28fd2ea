using System.Globalization;
using CustomerNeeds.Storage.Auditing;
using CustomerNeeds.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace CustomerNeeds.Storage.Tests.Auditing;

/// <summary>Helpers of the audit tests: records, row counts, a writer, and waiting.</summary>
internal static class AuditRows
{
    public static readonly DateTimeOffset T0 = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    public static string NewCaller() => "apiKeys/t" + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture)[..11];

    public static AuditRecord Record(string caller, int i) => new(
        T0.AddMilliseconds(i),
        caller,
        ["agent", "admin"],
        "/customerneeds.v1.CustomerService/UpdateCustomer",
        "customers/#abc/needs/n" + i.ToString(CultureInfo.InvariantCulture),
        "abc",
        "OK",
        "");

    public static AuditWriter Writer(NpgsqlDataSource dataSource, AuditWriterOptions options) =>
        new(new PostgresAuditLog(dataSource), options, NullLogger<AuditWriter>.Instance);

    public static async Task<long> CountAsync(NpgsqlDataSource dataSource, string caller)
    {
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM audit_events WHERE caller = $1");
        command.Parameters.AddWithValue(caller);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Runs SQL on the server's maintenance database (for statements about a whole database).</summary>
    public static async Task AdminAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(PostgresServer.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Waits until <paramref name="condition"/> holds (polling); fails after 60 s.</summary>
    public static async Task EventuallyAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Timed out waiting until {what}.");
            }

            await Task.Delay(50);
        }
    }
}
