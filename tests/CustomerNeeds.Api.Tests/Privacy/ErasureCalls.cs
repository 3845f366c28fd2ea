using CustomerNeeds.Api.Tests.Infrastructure;
using CustomerNeeds.Api.V1;
using Google.Rpc;
using Grpc.Core;
using Npgsql;

namespace CustomerNeeds.Api.Tests.Privacy;

/// <summary>Calls and checks of the erasure tests.</summary>
internal static class ErasureCalls
{
    public static PrivacyService.PrivacyServiceClient Privacy(this ServerProcess server) => new(server.Channel);

    public static Task<EraseCustomerResponse> EraseAsync(this ServerProcess server, string customerId, string reason = "GDPR art. 17 request #4711") =>
        server.Privacy().EraseCustomerAsync(
            new EraseCustomerRequest { Name = TestData.CustomerName(customerId), Reason = reason },
            deadline: Calls.Deadline()).ResponseAsync;

    /// <summary>Asserts FAILED_PRECONDITION with google.rpc.ErrorInfo reason CUSTOMER_ERASED.</summary>
    public static async Task RefusedAsErasedAsync(Func<Task> call)
    {
        var ex = await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, call);
        var status = ex.GetRpcStatus();
        Assert.NotNull(status);
        var info = status.GetDetail<ErrorInfo>();
        Assert.NotNull(info);
        Assert.Equal("CUSTOMER_ERASED", info.Reason);
    }

    /// <summary>
    /// Every row of every table of the database's own schemas (read from pg_catalog, so that a table added
    /// later is covered) whose text form contains one of <paramref name="needles"/>: "schema.table: row".
    /// </summary>
    public static async Task<List<string>> RowsNamingAsync(NpgsqlDataSource dataSource, IReadOnlyCollection<string> needles)
    {
        var tables = new List<string>();
        await using (var list = dataSource.CreateCommand("""
            SELECT format('%I.%I', n.nspname, c.relname)
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'
            ORDER BY 1
            """))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        Assert.Contains("public.customer_events", tables);
        Assert.Contains("public.customer_tombstones", tables);
        var found = new List<string>();
        var patterns = needles.Select(n => "%" + n.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%").ToArray();
        foreach (var table in tables)
        {
            await using var command = dataSource.CreateCommand($"SELECT t::text FROM {table} AS t WHERE t::text LIKE ANY ($1)");
            command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = patterns });
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                found.Add($"{table}: {reader.GetString(0)}");
            }
        }

        return found;
    }

    public static async Task<long> CountAsync(NpgsqlDataSource dataSource, string sql, params string[] arguments)
    {
        await using var command = dataSource.CreateCommand(sql);
        foreach (var argument in arguments)
        {
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = argument });
        }

        return (long)(await command.ExecuteScalarAsync())!;
    }
}
