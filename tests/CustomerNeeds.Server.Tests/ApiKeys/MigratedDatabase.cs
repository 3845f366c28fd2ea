using CustomerNeeds.Storage;
using CustomerNeeds.Testing;

namespace CustomerNeeds.Server.Tests.ApiKeys;

/// <summary>A fresh database of the test server with the whole schema applied, shared by one test class.</summary>
public sealed class MigratedDatabase : IAsyncLifetime
{
    public PostgresDatabase Database { get; } = new();

    public string ConnectionString => Database.ConnectionString;

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        await SchemaMigrator.MigrateAsync(Database.DataSource, CancellationToken.None);
    }

    public Task DisposeAsync() => Database.DisposeAsync();
}
