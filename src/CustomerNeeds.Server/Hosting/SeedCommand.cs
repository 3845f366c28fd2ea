using System.Diagnostics;
using System.Globalization;
using CustomerNeeds.Grains.Seeding;
using CustomerNeeds.Storage;
using CustomerNeeds.Storage.Analytics;
using CustomerNeeds.Storage.GroupCommit;
using Npgsql;

namespace CustomerNeeds.Server.Hosting;

/// <summary>
/// <c>CustomerNeeds.Server seed --customers N [--first K] [--seed S]</c>: instead of serving, brings
/// the schema up to date, defines the synthetic KANO questionnaire and creates customers K .. K+N-1
/// of <see cref="SyntheticCustomers"/> through the bulk path of <see cref="CustomerSeeder"/> (the
/// write pipeline's append and projection code and the server's group-commit appender, without
/// grains). Customers that exist are left alone, so it can be resumed. Exits 0 when done, 1 on
/// failure, 2 on bad arguments. Run it while no server serves the database: a running server's
/// grains would not know about the customers it writes until they are activated again.
/// </summary>
public static class SeedCommand
{
    /// <summary>The command-line verb.</summary>
    public const string Verb = "seed";

    /// <summary>The questionnaire features synthetic survey answers refer to (id, name).</summary>
    public static readonly (string Id, string Name)[] Questionnaire =
    [
        ("same-day-delivery", "Same-day delivery"),
        ("live-chat", "Live chat with an agent"),
        ("paper-invoice", "Invoice on paper"),
        ("loyalty-app", "Loyalty app"),
        ("eco-packaging", "Recyclable packaging"),
    ];

    /// <summary>Runs the command with the arguments after the verb; returns the exit code.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal) { ["--first"] = 0, ["--seed"] = 1 };
        var rest = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] is not ("--customers" or "--first" or "--seed"))
            {
                rest.Add(args[i]);
            }
            else if (i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                numbers[args[i]] = value;
                i++;
            }
            else
            {
                await Console.Error.WriteLineAsync($"{Verb}: {args[i]} takes a whole number, at least 0.");
                return 2;
            }
        }

        var (customers, first, seed) = (numbers.GetValueOrDefault("--customers", -1), numbers["--first"], numbers["--seed"]);
        if (customers < 0)
        {
            await Console.Error.WriteLineAsync($"{Verb}: --customers N is required.");
            return 2;
        }

        var builder = Host.CreateApplicationBuilder(rest.ToArray());
        var connectionString = builder.Configuration.GetConnectionString(ServerApp.ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            await Console.Error.WriteLineAsync(
                $"{Verb}: ConnectionStrings:{ServerApp.ConnectionStringName} is not set (env ConnectionStrings__{ServerApp.ConnectionStringName}).");
            return 2;
        }

        var policy = PolicyConfiguration.Read(builder.Configuration);
        using var host = builder.Build();
        var logger = host.Services.GetRequiredService<ILogger<CustomerSeeder>>();
        try
        {
            await using var dataSource = NpgsqlDataSource.Create(new PostgresOptions { ConnectionString = connectionString }.BuildConnectionString());
            await SchemaMigrator.MigrateAsync(dataSource, CancellationToken.None, logger);
            var now = DateTimeOffset.UtcNow;
            await DefineKanoFeaturesAsync(dataSource, now);

            var options = new GroupCommitOptions();
            await using var appender = new GroupCommitAppender(
                dataSource, new PostgresCustomerEventLog(dataSource), options, host.Services.GetRequiredService<ILogger<GroupCommitAppender>>());
            var synthetic = new SyntheticCustomers(seed, now, policy.CurrencyCode, Questionnaire.Select(f => f.Id).ToArray());
            var seeder = new CustomerSeeder(appender, policy, synthetic);
            var clock = Stopwatch.StartNew();
            var result = await seeder.SeedAsync(first, customers, r => Console.Error.WriteLine(Describe(r, clock.Elapsed)), CancellationToken.None);
            Console.WriteLine(Describe(result, clock.Elapsed));
            return 0;
        }
        catch (Exception e)
        {
            logger.LogError(e, "Seeding failed");
            await Console.Error.WriteLineAsync($"{Verb}: failed: {e.Message}");
            return 1;
        }
    }

    private static string Describe(SeedResult r, TimeSpan elapsed) => string.Create(
        CultureInfo.InvariantCulture,
        $"{Verb}: {r.Created:N0} customers created, {r.Existing:N0} existed, {r.Events:N0} events, {r.RefusedCommands:N0} synthetic commands refused by the domain; {elapsed.TotalSeconds:F0} s ({(r.Created + r.Existing) / Math.Max(elapsed.TotalSeconds, 0.001):N0} customers/s)");

    private static async Task DefineKanoFeaturesAsync(NpgsqlDataSource dataSource, DateTimeOffset now)
    {
        // A feature that exists is left as it is (CreateAsync answers that it exists).
        var features = new KanoFeatures(dataSource);
        foreach (var (id, name) in Questionnaire)
        {
            await features.CreateAsync(
                id, name, $"How do you feel if we offer {name.ToLowerInvariant()}?", $"How do you feel if we do not offer {name.ToLowerInvariant()}?", now, CancellationToken.None);
        }
    }
}
