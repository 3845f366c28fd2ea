using System.Globalization;
using CustomerNeeds.Server.Mapping;
using CustomerNeeds.Server.Security.ApiKeys;
using CustomerNeeds.Server.Validation;
using CustomerNeeds.Storage;
using CustomerNeeds.Storage.ApiKeys;
using Npgsql;

namespace CustomerNeeds.Server.Hosting;

/// <summary>
/// <c>CustomerNeeds.Server api-key create|list|revoke</c> (docs/api-keys.md): instead of serving,
/// brings the schema up to date and manages the keys of the configured database. <c>create</c>
/// prints the whole key once. Exits 0 when done, 1 on failure (also: no such key), 2 on wrong
/// arguments (with the usage). Arguments of the form <c>--Section:Key=value</c> are configuration.
/// </summary>
public static class ApiKeyCommand
{
    /// <summary>The command-line verb.</summary>
    public const string Verb = "api-key";

    public const string Usage = """
        usage: CustomerNeeds.Server api-key create --name NAME --role ROLE [--role ROLE ...] [--system SYSTEM] [--expires ISO-8601]
               CustomerNeeds.Server api-key list [--all]
               CustomerNeeds.Server api-key revoke ID
          roles: channel, agent, analyst, admin; --system is required with the channel role and refused without it.
          The connection string is ConnectionStrings:CustomerNeeds (env ConnectionStrings__CustomerNeeds).
        """;

    /// <summary>Runs the command with the arguments after the verb; returns the exit code.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var configuration = args.Where(IsConfiguration).ToArray();
        var words = args.Where(a => !IsConfiguration(a)).ToList();
        if (words.Count == 0 || words[0] is not ("create" or "list" or "revoke"))
        {
            return await WrongAsync(words.Count == 0 ? "a subcommand is required" : $"unknown subcommand '{words[0]}'");
        }

        var builder = Host.CreateApplicationBuilder(configuration);
        var connectionString = builder.Configuration.GetConnectionString(ServerApp.ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            await Console.Error.WriteLineAsync(
                $"{Verb}: ConnectionStrings:{ServerApp.ConnectionStringName} is not set (env ConnectionStrings__{ServerApp.ConnectionStringName}); keys live in PostgreSQL.");
            return 2;
        }

        var policy = PolicyConfiguration.Read(builder.Configuration);
        Func<IApiKeyStore, Task<int>>? run = words[0] switch
        {
            "create" => ParseCreate(words[1..], new FieldViolations(policy, TimeProvider.System)),
            "list" => ParseList(words[1..]),
            _ => ParseRevoke(words[1..]),
        };
        if (run is null)
        {
            return 2;
        }

        using var host = builder.Build();
        var logger = host.Services.GetRequiredService<ILogger<IApiKeyStore>>();
        try
        {
            await using var dataSource = NpgsqlDataSource.Create(connectionString);
            await SchemaMigrator.MigrateAsync(dataSource, CancellationToken.None, logger);
            return await run(new PostgresApiKeyStore(dataSource));
        }
        catch (Exception e)
        {
            logger.LogError(e, "{Verb} {Subcommand} failed", Verb, words[0]);
            await Console.Error.WriteLineAsync($"{Verb}: failed: {e.Message}");
            return 1;
        }
    }

    private static bool IsConfiguration(string argument) =>
        argument.StartsWith("--", StringComparison.Ordinal) && argument.Contains(':', StringComparison.Ordinal) && argument.Contains('=', StringComparison.Ordinal);

    private static Func<IApiKeyStore, Task<int>>? ParseCreate(List<string> words, FieldViolations v)
    {
        string? name = null, system = null, expires = null;
        var roles = new List<string>();
        for (var i = 0; i < words.Count; i++)
        {
            if (words[i] is not ("--name" or "--role" or "--system" or "--expires") || i + 1 >= words.Count)
            {
                Wrong(words[i] is "--name" or "--role" or "--system" or "--expires" ? $"{words[i]} takes a value" : $"unexpected argument '{words[i]}'");
                return null;
            }

            var value = words[++i];
            switch (words[i - 1])
            {
                case "--name": name = value; break;
                case "--role": roles.Add(value); break;
                case "--system": system = value; break;
                default: expires = value; break;
            }
        }

        DateTimeOffset? expiresAt = null;
        if (expires is not null)
        {
            if (!DateTimeOffset.TryParse(expires, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            {
                Wrong($"--expires '{expires}' is not an ISO-8601 time (e.g. 2027-01-31T00:00:00Z)");
                return null;
            }

            expiresAt = parsed.ToUniversalTime();
        }

        var key = ApiKeyValidation.Check(v, "", name, roles, system, TimeMapper.ToProto(expiresAt));
        if (key is null)
        {
            Wrong(string.Join("; ", v.Items.Select(i => $"{OptionOf(i.Field)} {i.Description}")));
            return null;
        }

        return async store =>
        {
            var issued = await ApiKeyIssuer.IssueAsync(store, key, CreatedBy(), DateTimeOffset.UtcNow, CancellationToken.None);
            Console.WriteLine($"{Verb}: created {ApiKeyName.For(issued.Row.KeyId)} (key id {issued.Row.KeyId}); the key, shown only now (send it as x-api-key):");
            Console.WriteLine(issued.Key);
            return 0;
        };
    }

    private static Func<IApiKeyStore, Task<int>>? ParseList(List<string> words)
    {
        if (words.Count > 1 || (words.Count == 1 && words[0] != "--all"))
        {
            Wrong($"unexpected argument '{words[^1]}'");
            return null;
        }

        var all = words.Count == 1;
        return async store =>
        {
            var now = DateTimeOffset.UtcNow;
            Console.WriteLine("id\tname\troles\tsystem\tcreated\tcreated by\texpires\trevoked");
            ApiKeyCursor? after = null;
            do
            {
                var page = await store.ListAsync(after, 500, all, now, CancellationToken.None);
                foreach (var k in page.Keys)
                {
                    Console.WriteLine(string.Join('\t',
                        k.KeyId, k.DisplayName, string.Join(',', k.Roles), k.System ?? "-", Time(k.CreatedAt), k.CreatedBy,
                        k.ExpiresAt is { } e ? Time(e) : "never", k.RevokedAt is { } r ? $"{Time(r)} by {k.RevokedBy}" : "-"));
                }

                after = page.Next;
            }
            while (after is not null);
            return 0;
        };
    }

    private static Func<IApiKeyStore, Task<int>>? ParseRevoke(List<string> words)
    {
        var id = words.Count == 1 && words[0].StartsWith(ApiKeyName.Collection + "/", StringComparison.Ordinal)
            ? words[0][(ApiKeyName.Collection.Length + 1)..]
            : words.Count == 1 ? words[0] : null;
        if (!ApiKeyFormat.IsId(id))
        {
            Wrong(words.Count == 1 ? $"'{words[0]}' is not a key id ({ApiKeyFormat.IdLength} characters of a-z and 0-9)" : "revoke takes one key id");
            return null;
        }

        return async store =>
        {
            var revoked = await store.RevokeAsync(id, CreatedBy(), DateTimeOffset.UtcNow, CancellationToken.None);
            if (revoked is null)
            {
                await Console.Error.WriteLineAsync($"{Verb}: no key {ApiKeyName.For(id)}");
                return 1;
            }

            Console.WriteLine($"{Verb}: {ApiKeyName.For(id)} revoked at {Time(revoked.RevokedAt!.Value)} by {revoked.RevokedBy}");
            return 0;
        };
    }

    private static string OptionOf(string field) => field switch
    {
        "display_name" => "--name",
        "system" => "--system",
        "expire_time" => "--expires",
        _ => "--role",
    };

    private static string CreatedBy() => "cli:" + Environment.UserName;

    private static string Time(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    private static void Wrong(string problem)
    {
        Console.Error.WriteLine($"{Verb}: {problem}");
        Console.Error.WriteLine(Usage);
    }

    private static Task<int> WrongAsync(string problem)
    {
        Wrong(problem);
        return Task.FromResult(2);
    }
}
