using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace CustomerNeeds.Api.Tests.Auditing;

/// <summary>Audit rows written straight into the server's database, as the server's writer would write them.</summary>
internal static class AuditEventRows
{
    public static readonly DateTimeOffset T0 = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    public const string UpdateCustomer = "/customerneeds.v1.CustomerService/UpdateCustomer";

    public const string GetCustomer = "/customerneeds.v1.CustomerService/GetCustomer";

    public static string NewCaller() => "apiKeys/t" + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture)[..11];

    /// <summary>SHA-256 of the id, lower-case hex (computed here, independently of the server).</summary>
    public static string Hash(string customerId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(customerId)));

    public sealed record Row(
        DateTimeOffset Time,
        string Caller,
        string[] Roles,
        string Method,
        string Resource = "",
        string CustomerHash = "",
        string Outcome = "OK",
        string Detail = "");

    /// <summary>Inserts the rows in order (one statement each, so their sequences increase in that order).</summary>
    public static async Task InsertAsync(NpgsqlDataSource dataSource, params Row[] rows)
    {
        foreach (var row in rows)
        {
            await using var command = dataSource.CreateCommand(
                "INSERT INTO audit_events (time, caller, roles, method, resource, customer_hash, outcome, detail) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)");
            command.Parameters.AddWithValue(row.Time);
            command.Parameters.AddWithValue(row.Caller);
            command.Parameters.AddWithValue(row.Roles);
            command.Parameters.AddWithValue(row.Method);
            command.Parameters.AddWithValue(row.Resource);
            command.Parameters.AddWithValue(row.CustomerHash);
            command.Parameters.AddWithValue(row.Outcome);
            command.Parameters.AddWithValue(row.Detail);
            await command.ExecuteNonQueryAsync();
        }
    }

    /// <summary>Inserts <paramref name="count"/> rows of one caller, one second apart from <see cref="T0"/>, in one statement.</summary>
    public static async Task InsertManyAsync(NpgsqlDataSource dataSource, string caller, int count)
    {
        await using var command = dataSource.CreateCommand(
            "INSERT INTO audit_events (time, caller, roles, method, outcome) " +
            "SELECT $1 + make_interval(secs => i), $2, '{agent}', $3, 'OK' FROM generate_series(1, $4) AS i ORDER BY i");
        command.Parameters.AddWithValue(T0);
        command.Parameters.AddWithValue(caller);
        command.Parameters.AddWithValue(UpdateCustomer);
        command.Parameters.AddWithValue(count);
        await command.ExecuteNonQueryAsync();
    }
}
