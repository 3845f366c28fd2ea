using System.Text.RegularExpressions;
using CustomerNeeds.Api.Tests.Durability;
using CustomerNeeds.Api.Tests.ReadModel;
using CustomerNeeds.Testing;

namespace CustomerNeeds.Api.Tests.ApiKeys;

/// <summary>The <c>api-key</c> verb of the server binary, as an operator runs it, on a database it migrates itself.</summary>
[Collection(DurabilityCollection.Name)]
public sealed class ApiKeyCommandTests
{
    [Fact]
    public async Task Create_prints_the_key_once_list_shows_it_without_secret_and_revoke_revokes_it()
    {
        await using var database = await PostgresDatabase.CreateAsync();

        var (exit, output) = await ServerVerb.RunAsync(database.ConnectionString, "api-key", "create", "--name", "web shop", "--role", "channel", "--role", "agent",
            "--system", "webshop", "--expires", "2999-01-31T00:00:00Z");
        Assert.True(exit == 0, output);
        var key = Assert.Single(Regex.Matches(output, "cnk_[a-z0-9]{12}_[A-Za-z0-9_-]{43}")).Value;

        var row = Assert.Single(await StoredKeys.AllAsync(database.DataSource));
        StoredKeys.AssertVerifies(key, row);
        Assert.Contains($"apiKeys/{row.Id}", output, StringComparison.Ordinal);
        Assert.Equal(("web shop", "webshop", new DateTime(2999, 1, 31, 0, 0, 0, DateTimeKind.Utc)), (row.DisplayName, row.System, row.ExpiresAt));
        Assert.Equal(["channel", "agent"], row.Roles);
        Assert.StartsWith("cli:", row.CreatedBy, StringComparison.Ordinal);

        (exit, output) = await ServerVerb.RunAsync(database.ConnectionString, "api-key", "list");
        Assert.True(exit == 0, output);
        Assert.Contains(row.Id + "\tweb shop\tchannel,agent\twebshop\t", output, StringComparison.Ordinal);
        Assert.DoesNotContain(key[17..], output, StringComparison.Ordinal);

        (exit, output) = await ServerVerb.RunAsync(database.ConnectionString, "api-key", "revoke", row.Id);
        Assert.True(exit == 0, output);
        Assert.Contains($"apiKeys/{row.Id} revoked at", output, StringComparison.Ordinal);
        var revoked = Assert.Single(await StoredKeys.AllAsync(database.DataSource));
        Assert.NotNull(revoked.RevokedAt);
        Assert.StartsWith("cli:", revoked.RevokedBy, StringComparison.Ordinal);

        // A revoked key is listed only with --all.
        (exit, output) = await ServerVerb.RunAsync(database.ConnectionString, "api-key", "list");
        Assert.True(exit == 0, output);
        Assert.DoesNotContain(row.Id, output, StringComparison.Ordinal);
        (exit, output) = await ServerVerb.RunAsync(database.ConnectionString, "api-key", "list", "--all");
        Assert.True(exit == 0, output);
        Assert.Contains(row.Id, output, StringComparison.Ordinal);

        // No such key: exit 1.
        (exit, output) = await ServerVerb.RunAsync(database.ConnectionString, "api-key", "revoke", "nosuchkey000");
        Assert.True(exit == 1, output);
    }

    [Theory]
    [InlineData("")]
    [InlineData("rotate")]
    [InlineData("create --role agent")]
    [InlineData("create --name x")]
    [InlineData("create --name x --role root")]
    [InlineData("create --name x --role channel")]
    [InlineData("create --name x --role agent --system webshop")]
    [InlineData("create --name x --role agent --expires yesterday")]
    [InlineData("create --name x --role agent --expires 2001-01-01T00:00:00Z")]
    [InlineData("create --name x --role")]
    [InlineData("list --everything")]
    [InlineData("revoke")]
    [InlineData("revoke NOT-AN-ID")]
    public async Task Wrong_arguments_print_the_usage_exit_2_and_create_nothing(string arguments)
    {
        await using var database = await PostgresDatabase.CreateAsync();
        var words = arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);

        var (exit, output) = await ServerVerb.RunAsync(database.ConnectionString, "api-key", words);

        Assert.True(exit == 2, output);
        Assert.Contains("usage: CustomerNeeds.Server api-key create", output, StringComparison.Ordinal);
        // It stops before touching the database: not even the schema is applied.
        await using var command = database.DataSource.CreateCommand("SELECT to_regclass('api_keys') IS NULL");
        Assert.Equal(true, await command.ExecuteScalarAsync());
    }
}
