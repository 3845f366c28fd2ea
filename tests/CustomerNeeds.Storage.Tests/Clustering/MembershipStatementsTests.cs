using Npgsql;

namespace CustomerNeeds.Storage.Tests.Clustering;

/// <summary>
/// The cluster membership statements of migration 0015, run from orleansquery the way the Orleans
/// ADO.NET clustering provider runs them: every change moves the deployment's version only from the
/// version the caller read, and a silo incarnation has one row (docs/clustering.md).
/// </summary>
public sealed class MembershipStatementsTests(MigratedDatabase database) : IClassFixture<MigratedDatabase>
{
    private const int Active = 3;
    private const int Dead = 6;

    [Fact]
    public async Task The_version_row_is_created_once_and_an_empty_deployment_reads_as_one_row_without_a_member()
    {
        var deployment = NewDeployment();

        Assert.True(await ScalarAsync<bool>("InsertMembershipVersionKey", deployment));
        Assert.False(await ScalarAsync<bool>("InsertMembershipVersionKey", deployment));

        var rows = await ReadAllAsync(deployment);
        var row = Assert.Single(rows);
        Assert.Equal(0, row.Version);
        Assert.Null(row.Port);
    }

    [Fact]
    public async Task A_member_joins_only_from_the_current_version_and_only_once()
    {
        var deployment = NewDeployment();
        await ScalarAsync<bool>("InsertMembershipVersionKey", deployment);

        Assert.True(await InsertAsync(deployment, port: 11111, generation: 1, version: 0));
        Assert.False(await InsertAsync(deployment, port: 11111, generation: 1, version: 1)); // the same incarnation again
        Assert.False(await InsertAsync(deployment, port: 11112, generation: 1, version: 0)); // a stale view

        var rows = await ReadAllAsync(deployment);
        var member = Assert.Single(rows);
        Assert.Equal(1, member.Version);
        Assert.Equal(11111, member.Port);
        Assert.Equal(Active, member.Status);

        Assert.True(await InsertAsync(deployment, port: 11112, generation: 1, version: 1));
        Assert.Equal([11111, 11112], (await ReadAllAsync(deployment)).Select(r => r.Port!.Value).Order());
        Assert.All(await ReadAllAsync(deployment), r => Assert.Equal(2, r.Version));
    }

    [Fact]
    public async Task A_status_change_applies_only_from_the_current_version()
    {
        var deployment = NewDeployment();
        await ScalarAsync<bool>("InsertMembershipVersionKey", deployment);
        await InsertAsync(deployment, port: 11111, generation: 7, version: 0);

        Assert.False(await UpdateAsync(deployment, port: 11111, generation: 7, status: Dead, version: 0));
        Assert.Equal(Active, Assert.Single(await ReadAllAsync(deployment)).Status);
        Assert.False(await UpdateAsync(deployment, port: 11111, generation: 8, status: Dead, version: 1)); // no such incarnation
        Assert.Equal(1, Assert.Single(await ReadAllAsync(deployment)).Version);

        Assert.True(await UpdateAsync(deployment, port: 11111, generation: 7, status: Dead, version: 1));
        var row = Assert.Single(await ReadAllAsync(deployment));
        Assert.Equal(Dead, row.Status);
        Assert.Equal(2, row.Version);
    }

    [Fact]
    public async Task Gateways_are_the_active_members_and_cleanup_removes_only_old_dead_rows()
    {
        var deployment = NewDeployment();
        await ScalarAsync<bool>("InsertMembershipVersionKey", deployment);
        await InsertAsync(deployment, port: 11111, generation: 1, version: 0);
        await InsertAsync(deployment, port: 11112, generation: 1, version: 1);
        await UpdateAsync(deployment, port: 11112, generation: 1, status: Dead, version: 2);

        await using (var gateways = Command("GatewaysQueryKey", deployment))
        {
            gateways.Parameters.AddWithValue("Status", Active);
            await using var reader = await gateways.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync());
            Assert.Equal(30111, reader.GetInt32(reader.GetOrdinal("ProxyPort")));
            Assert.False(await reader.ReadAsync());
        }

        await using (var early = Command("CleanupDefunctSiloEntriesKey", deployment))
        {
            early.Parameters.AddWithValue("IAmAliveTime", DateTime.UtcNow.AddHours(-1));
            await early.ExecuteNonQueryAsync();
        }

        Assert.Equal(2, (await ReadAllAsync(deployment)).Count);

        await using (var later = Command("CleanupDefunctSiloEntriesKey", deployment))
        {
            later.Parameters.AddWithValue("IAmAliveTime", DateTime.UtcNow.AddHours(1));
            await later.ExecuteNonQueryAsync();
        }

        Assert.Equal(11111, Assert.Single(await ReadAllAsync(deployment)).Port);
    }

    private static string NewDeployment() => "test-" + Guid.NewGuid().ToString("N")[..12];

    private async Task<bool> InsertAsync(string deployment, int port, int generation, int version)
    {
        await using var command = Command("InsertMembershipKey", deployment);
        AddSilo(command, port, generation);
        command.Parameters.AddWithValue("SiloName", $"silo-{port}");
        command.Parameters.AddWithValue("HostName", "host");
        command.Parameters.AddWithValue("Status", Active);
        command.Parameters.AddWithValue("ProxyPort", port + 19000);
        command.Parameters.AddWithValue("StartTime", DateTime.UtcNow);
        command.Parameters.AddWithValue("IAmAliveTime", DateTime.UtcNow);
        command.Parameters.AddWithValue("Version", version);
        return (bool)(await command.ExecuteScalarAsync())!;
    }

    private async Task<bool> UpdateAsync(string deployment, int port, int generation, int status, int version)
    {
        await using var command = Command("UpdateMembershipKey", deployment);
        AddSilo(command, port, generation);
        command.Parameters.AddWithValue("Status", status);
        command.Parameters.AddWithValue("SuspectTimes", DBNull.Value);
        command.Parameters.AddWithValue("IAmAliveTime", DateTime.UtcNow);
        command.Parameters.AddWithValue("Version", version);
        return (bool)(await command.ExecuteScalarAsync())!;
    }

    private static void AddSilo(NpgsqlCommand command, int port, int generation)
    {
        command.Parameters.AddWithValue("Address", "10.0.0.1");
        command.Parameters.AddWithValue("Port", port);
        command.Parameters.AddWithValue("Generation", generation);
    }

    private async Task<List<MemberRow>> ReadAllAsync(string deployment)
    {
        await using var command = Command("MembershipReadAllKey", deployment);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<MemberRow>();
        while (await reader.ReadAsync())
        {
            var port = reader.GetOrdinal("Port");
            var status = reader.GetOrdinal("Status");
            rows.Add(new MemberRow(
                reader.GetInt32(reader.GetOrdinal("Version")),
                reader.IsDBNull(port) ? null : reader.GetInt32(port),
                reader.IsDBNull(status) ? null : reader.GetInt32(status)));
        }

        return rows;
    }

    private async Task<T> ScalarAsync<T>(string key, string deployment)
    {
        await using var command = Command(key, deployment);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private NpgsqlCommand Command(string key, string deployment)
    {
        using var lookup = database.DataSource.CreateCommand("SELECT querytext FROM orleansquery WHERE querykey = $1");
        lookup.Parameters.AddWithValue(key);
        var text = (string)(lookup.ExecuteScalar() ?? throw new InvalidOperationException($"orleansquery has no {key}."));
        var command = database.DataSource.CreateCommand(text);
        command.Parameters.AddWithValue("DeploymentId", deployment);
        return command;
    }

    private sealed record MemberRow(int Version, int? Port, int? Status);
}
