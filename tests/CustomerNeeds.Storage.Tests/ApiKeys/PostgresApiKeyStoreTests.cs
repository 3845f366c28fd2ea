using CustomerNeeds.Storage.ApiKeys;
using CustomerNeeds.Testing;
using Npgsql;

namespace CustomerNeeds.Storage.Tests.ApiKeys;

/// <summary>The store contract on a migrated database of its own per test, and the notification of migration 0012.</summary>
public sealed class PostgresApiKeyStoreTests : ApiKeyStoreContract
{
    private PostgresDatabase? database;

    private NpgsqlDataSource DataSource => database!.DataSource;

    protected override async Task<IApiKeyStore> CreateStoreAsync()
    {
        database = await PostgresDatabase.CreateAsync();
        await SchemaMigrator.MigrateAsync(database.DataSource, CancellationToken.None);
        return new PostgresApiKeyStore(database.DataSource);
    }

    public override async Task DisposeAsync()
    {
        if (database is not null)
        {
            await database.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_revocation_notifies_the_key_id_when_it_commits_and_not_before_nor_when_rolled_back()
    {
        await Store.CreateAsync(Key("notified0001", T0), CancellationToken.None);
        await Store.CreateAsync(Key("rolledback01", T0), CancellationToken.None);
        await using var listener = await DataSource.OpenConnectionAsync();
        var payloads = new List<string>();
        listener.Notification += (_, e) =>
        {
            Assert.Equal(ApiKeyChannel.Name, e.Channel);
            payloads.Add(e.Payload);
        };
        await using (var listen = new NpgsqlCommand("LISTEN api_keys", listener))
        {
            await listen.ExecuteNonQueryAsync();
        }

        // Rolled back: nothing is delivered.
        await using (var connection = await DataSource.OpenConnectionAsync())
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await using var revoke = new NpgsqlCommand("UPDATE api_keys SET revoked_at = now(), revoked_by = 'x' WHERE key_id = 'rolledback01'", connection, transaction);
            Assert.Equal(1, await revoke.ExecuteNonQueryAsync());
            await transaction.RollbackAsync();
        }

        Assert.False(await listener.WaitAsync(TimeSpan.FromMilliseconds(300)));
        Assert.Empty(payloads);

        await Store.RevokeAsync("notified0001", "apiKeys/admin0000001", T0.AddHours(1), CancellationToken.None);
        Assert.True(await listener.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal(["notified0001"], payloads);

        // A second revocation changes no row and sends nothing.
        await Store.RevokeAsync("notified0001", "apiKeys/admin0000002", T0.AddHours(2), CancellationToken.None);
        Assert.False(await listener.WaitAsync(TimeSpan.FromMilliseconds(300)));
        Assert.Equal(["notified0001"], payloads);
    }

    [Fact]
    public async Task The_table_refuses_a_hash_that_is_not_sha256_and_a_revocation_without_its_revoker()
    {
        var shortHash = Key("shorthash001", T0) with { SecretHash = new byte[16] };
        var error = await Assert.ThrowsAsync<PostgresException>(() => Store.CreateAsync(shortHash, CancellationToken.None));
        Assert.Equal("api_keys_secret_hash_length", error.ConstraintName);

        await Store.CreateAsync(Key("halfrevoked1", T0), CancellationToken.None);
        await using var command = DataSource.CreateCommand("UPDATE api_keys SET revoked_at = now() WHERE key_id = 'halfrevoked1'");
        error = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
        Assert.Equal("api_keys_revoked_together", error.ConstraintName);
    }
}
