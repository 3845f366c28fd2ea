using CustomerNeeds.Storage.Auditing;
using Npgsql;

namespace CustomerNeeds.Storage.Tests.Auditing;

/// <summary>audit_events takes inserts and refuses UPDATE, DELETE and TRUNCATE (migration 0014).</summary>
public sealed class AuditAppendOnlyTests(MigratedDatabase database) : IClassFixture<MigratedDatabase>
{
    [Theory]
    [InlineData("UPDATE audit_events SET outcome = 'PERMISSION_DENIED'", "UPDATE")]
    [InlineData("UPDATE audit_events SET detail = 'x' WHERE false", "UPDATE")]
    [InlineData("DELETE FROM audit_events", "DELETE")]
    [InlineData("DELETE FROM audit_events WHERE false", "DELETE")]
    [InlineData("TRUNCATE audit_events", "TRUNCATE")]
    public async Task A_change_of_written_rows_is_refused_and_changes_nothing(string sql, string operation)
    {
        var caller = AuditRows.NewCaller();
        await new PostgresAuditLog(database.DataSource).AppendAsync([AuditRows.Record(caller, 1), AuditRows.Record(caller, 2)], CancellationToken.None);

        await using var command = database.DataSource.CreateCommand(sql);
        var refused = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
        Assert.Equal($"audit_events is append-only: {operation} is refused", refused.MessageText);
        Assert.Equal(2, await AuditRows.CountAsync(database.DataSource, caller));
        await using var unchanged = database.DataSource.CreateCommand("SELECT count(*) FROM audit_events WHERE caller = $1 AND outcome = 'OK' AND detail = ''");
        unchanged.Parameters.AddWithValue(caller);
        Assert.Equal(2L, await unchanged.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Appended_rows_read_back_newest_first_with_every_field()
    {
        var caller = AuditRows.NewCaller();
        var log = new PostgresAuditLog(database.DataSource);
        var first = AuditRows.Record(caller, 1) with { Roles = ["channel"], Detail = "the reason", Outcome = "PERMISSION_DENIED" };
        var second = AuditRows.Record(caller, 2) with { Roles = [], CustomerHash = "", Resource = "" };
        await log.AppendAsync([first, second], CancellationToken.None);

        var page = await log.ListAsync(new AuditQuery(10, Caller: caller), CancellationToken.None);

        Assert.Equal(2, page.Records.Count);
        Assert.Null(page.NextBeforeSequence);
        Assert.True(page.Records[0].Sequence > page.Records[1].Sequence);
        Assert.Equal(second with { Roles = [] }, page.Records[0].Record with { Roles = [] });
        Assert.Empty(page.Records[0].Record.Roles);
        Assert.Equal(["channel"], page.Records[1].Record.Roles);
        Assert.Equal(first with { Roles = [] }, page.Records[1].Record with { Roles = [] });
    }
}
