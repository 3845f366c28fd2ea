using CustomerNeeds.Testing;
using Npgsql;

namespace CustomerNeeds.Storage.Tests;

/// <summary>A fresh database of the test server with the whole schema applied.</summary>
public sealed class MigratedDatabase : IAsyncLifetime
{
    public PostgresDatabase Database { get; } = new();

    public NpgsqlDataSource DataSource => Database.DataSource;

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        await SchemaMigrator.MigrateAsync(Database.DataSource, CancellationToken.None);
    }

    public Task DisposeAsync() => Database.DisposeAsync();
}
