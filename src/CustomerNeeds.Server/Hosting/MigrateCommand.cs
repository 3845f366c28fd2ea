using CustomerNeeds.Storage;
using Npgsql;

namespace CustomerNeeds.Server.Hosting;

/// <summary>
/// <c>CustomerNeeds.Server migrate</c>: applies the schema migrations that are missing (as every
/// server does at start-up, under the same advisory lock) and exits: 0 when the schema is current,
/// 1 on failure, 2 without a connection string. The migration step of a deployment (compose, a
/// Kubernetes Job) runs it before the servers start, so that a failing migration stops the rollout
/// instead of every server. Waits up to a minute for PostgreSQL to answer.
/// </summary>
public static class MigrateCommand
{
    /// <summary>The command-line verb.</summary>
    public const string Verb = "migrate";

    private static readonly TimeSpan WaitForPostgres = TimeSpan.FromMinutes(1);

    /// <summary>Runs the command with the arguments after the verb; returns the exit code.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(args);
        var connectionString = builder.Configuration.GetConnectionString(ServerApp.ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            await Console.Error.WriteLineAsync(
                $"{Verb}: ConnectionStrings:{ServerApp.ConnectionStringName} is not set (env ConnectionStrings__{ServerApp.ConnectionStringName}).");
            return 2;
        }

        using var host = builder.Build();
        var logger = host.Services.GetRequiredService<ILogger<SchemaMigration>>();
        var deadline = DateTime.UtcNow + WaitForPostgres;
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        while (true)
        {
            try
            {
                await SchemaMigrator.MigrateAsync(dataSource, CancellationToken.None, logger);
                Console.WriteLine($"{Verb}: the schema is current.");
                return 0;
            }
            catch (NpgsqlException e) when (e is not PostgresException && DateTime.UtcNow < deadline)
            {
                logger.LogWarning("PostgreSQL does not answer yet ({Message}); retrying", e.Message);
                await Task.Delay(TimeSpan.FromSeconds(1));
            }
            catch (Exception e)
            {
                logger.LogError(e, "Migration failed");
                await Console.Error.WriteLineAsync($"{Verb}: failed: {e.Message}");
                return 1;
            }
        }
    }
}
