using CustomerNeeds.Api.Tests.Infrastructure;
using CustomerNeeds.Testing;

namespace CustomerNeeds.Api.Tests.Durability;

/// <summary>A fresh database and a server of its own, for one test that kills and restarts it.</summary>
public sealed class OwnServer : IAsyncDisposable
{
    private OwnServer(PostgresDatabase database, ServerProcess server)
    {
        Database = database;
        Server = server;
    }

    public PostgresDatabase Database { get; }

    public ServerProcess Server { get; }

    public ApiClients Clients => Server.Clients;

    public static async Task<OwnServer> StartAsync(IReadOnlyDictionary<string, string>? settings = null)
    {
        var database = await PostgresDatabase.CreateAsync();
        try
        {
            return new OwnServer(database, await ServerProcess.StartAsync(database.ConnectionString, settings));
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
    }

    /// <summary>SIGKILL, then start again on the same database and ports; waits until SERVING.</summary>
    public async Task KillAndRestartAsync()
    {
        await Server.KillAsync();
        await Server.RestartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        await Database.DisposeAsync();
    }
}
