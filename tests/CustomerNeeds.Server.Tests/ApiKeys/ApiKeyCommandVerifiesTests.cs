using System.Text.RegularExpressions;
using CustomerNeeds.Server.Hosting;
using CustomerNeeds.Testing;

namespace CustomerNeeds.Server.Tests.ApiKeys;

/// <summary>
/// The <c>api-key</c> verb run in process (the binary itself is run by the Api tests): the key it
/// prints is accepted by a listening server's verifier, and refused by it once the verb revokes it.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class ApiKeyCommandVerifiesTests
{
    [Fact]
    public async Task The_printed_key_verifies_and_after_api_key_revoke_a_listening_server_refuses_it()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        var connection = "--ConnectionStrings:CustomerNeeds=" + database.ConnectionString;

        var (exit, output) = await RunAsync("create", "--name", "contact center", "--role", "agent", connection);
        Assert.True(exit == 0, output);
        var key = Regex.Match(output, "cnk_[a-z0-9]{12}_[A-Za-z0-9_-]{43}").Value;

        await using var server = await KeyServer.StartAsync(database.ConnectionString);
        var caller = (await server.Verifier.VerifyAsync(key, CancellationToken.None)).Caller;
        Assert.NotNull(caller);
        Assert.Equal("apiKeys/" + key.Substring(4, 12), caller.Id);
        Assert.Equal(["agent"], caller.Roles);
        Assert.NotNull(server.Cache.Find(key.Substring(4, 12)));

        (exit, output) = await RunAsync("revoke", key.Substring(4, 12), connection);
        Assert.True(exit == 0, output);
        await server.WaitUntilAsync(() => server.Cache.Find(key.Substring(4, 12)) is null, "dropped from the cache");
        Assert.Equal("the API key was revoked", (await server.Verifier.VerifyAsync(key, CancellationToken.None)).Failure);
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(params string[] args)
    {
        var (stdout, stderr) = (Console.Out, Console.Error);
        using var captured = new StringWriter();
        Console.SetOut(captured);
        Console.SetError(captured);
        try
        {
            var exit = await ApiKeyCommand.RunAsync(args);
            return (exit, captured.ToString());
        }
        finally
        {
            Console.SetOut(stdout);
            Console.SetError(stderr);
        }
    }
}

/// <summary>Tests that take the process's console.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsoleCollection
{
    public const string Name = "console";
}
