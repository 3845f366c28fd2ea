using System.Globalization;
using CustomerNeeds.Grains.ReadModel;
using CustomerNeeds.Storage;
using CustomerNeeds.Storage.ReadModel;
using Npgsql;

namespace CustomerNeeds.Server.Hosting;

/// <summary>
/// <c>CustomerNeeds.Server rebuild-read-model [--batch-size N]</c>: instead of serving, brings the
/// schema up to date (as start-up does), rebuilds the read-model rows of every customer in the log
/// (<see cref="ReadModelRebuild"/>) and exits: 0 when done, 1 on failure, 2 on bad arguments. It
/// reads the server's configuration (appsettings.json, environment, command line): the connection
/// string and the customer policy (the churn and ladder rules evaluate the rows). Safe beside a
/// running server: a row written by a newer live append is never replaced. Interrupting it is safe
/// too: every batch is one transaction, and a second run writes only the rows that are missing or older.
/// </summary>
public static class ReadModelRebuildCommand
{
    /// <summary>The command-line verb.</summary>
    public const string Verb = "rebuild-read-model";

    /// <summary>The option that sets the customers per transaction.</summary>
    public const string BatchSizeOption = "--batch-size";

    /// <summary>Runs the command with the arguments after the verb; returns the exit code.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var batchSize = ReadModelRebuild.DefaultBatchSize;
        var rest = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] != BatchSizeOption)
            {
                rest.Add(args[i]);
            }
            else if (i + 1 >= args.Length || !int.TryParse(args[++i], NumberStyles.None, CultureInfo.InvariantCulture, out batchSize) || batchSize < 1)
            {
                await Console.Error.WriteLineAsync($"{Verb}: {BatchSizeOption} takes a whole number of customers, at least 1.");
                return 2;
            }
        }

        var builder = Host.CreateApplicationBuilder(rest.ToArray());
        var connectionString = builder.Configuration.GetConnectionString(ServerApp.ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            await Console.Error.WriteLineAsync(
                $"{Verb}: ConnectionStrings:{ServerApp.ConnectionStringName} is not set (env ConnectionStrings__{ServerApp.ConnectionStringName}); the read model lives in PostgreSQL.");
            return 2;
        }

        var policy = PolicyConfiguration.Read(builder.Configuration);
        using var host = builder.Build();
        var logger = host.Services.GetRequiredService<ILogger<ReadModelRebuild>>();
        try
        {
            await using var dataSource = NpgsqlDataSource.Create(connectionString);
            await SchemaMigrator.MigrateAsync(dataSource, CancellationToken.None, logger);
            var rebuild = new ReadModelRebuild(new ReadModelStore(dataSource), policy, logger);
            var result = await rebuild.RunAsync(batchSize, CancellationToken.None);
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{Verb}: {result.Customers} customers; rows written: {result.Written.Summaries} summaries, {result.Written.Needs} needs, {result.Written.KanoAnswers} KANO answers"));
            return 0;
        }
        catch (Exception e)
        {
            logger.LogError(e, "Read-model rebuild failed");
            await Console.Error.WriteLineAsync($"{Verb}: failed: {e.Message}");
            return 1;
        }
    }
}
