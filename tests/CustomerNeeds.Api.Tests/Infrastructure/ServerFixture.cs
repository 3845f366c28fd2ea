using CustomerNeeds.Testing;

namespace CustomerNeeds.Api.Tests.Infrastructure;

/// <summary>
/// One server on one fresh PostgreSQL database, shared by every test class of the
/// <see cref="ApiCollection"/>. Tests isolate themselves by using their own customer ids.
/// </summary>
public sealed class ServerFixture : IAsyncLifetime
{
    private PostgresDatabase? database;
    private ServerProcess? server;

    /// <summary>The database the server writes to.</summary>
    public PostgresDatabase Database => database ?? throw new InvalidOperationException("Not initialized.");

    /// <summary>The running server.</summary>
    public ServerProcess Server => server ?? throw new InvalidOperationException("Not initialized.");

    /// <summary>Clients of every service.</summary>
    public ApiClients Clients => Server.Clients;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        database = await PostgresDatabase.CreateAsync();
        server = await ServerProcess.StartAsync(database.ConnectionString);
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }

        if (database is not null)
        {
            await database.DisposeAsync();
        }
    }
}

/// <summary>The test classes that share one <see cref="ServerFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ServerFixture>
{
    public const string Name = "api";
}
