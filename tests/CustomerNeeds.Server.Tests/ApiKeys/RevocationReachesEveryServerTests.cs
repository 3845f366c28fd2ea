using System.Diagnostics;
using System.Globalization;
using CustomerNeeds.Server.Security;
using CustomerNeeds.Server.Security.ApiKeys;
using CustomerNeeds.Storage.ApiKeys;
using Npgsql;
using Xunit.Abstractions;

namespace CustomerNeeds.Server.Tests.ApiKeys;

/// <summary>
/// Two servers (each its own pool, cache, listener and verifier) on one database: a revocation
/// reaches both caches through the notification; a server whose listener is down reads every key.
/// </summary>
public sealed class RevocationReachesEveryServerTests(MigratedDatabase database, ITestOutputHelper output) : IClassFixture<MigratedDatabase>
{
    private static readonly TimeSpan MostDelay = TimeSpan.FromSeconds(2);

    private async Task<IssuedApiKey> IssueAsync(IApiKeyStore store) =>
        await ApiKeyIssuer.IssueAsync(store, new NewApiKey("two servers", [Role.Agent], null, null), "apiKeys/creator00001", DateTimeOffset.UtcNow, CancellationToken.None);

    [Fact]
    public async Task A_key_both_servers_cached_is_refused_by_both_once_the_revocation_commits()
    {
        await using var a = await KeyServer.StartAsync(database.ConnectionString);
        await using var b = await KeyServer.StartAsync(database.ConnectionString);
        await using var admin = NpgsqlDataSource.Create(database.ConnectionString);
        var issued = await IssueAsync(new PostgresApiKeyStore(admin));
        foreach (var server in new[] { a, b })
        {
            Assert.NotNull((await server.Verifier.VerifyAsync(issued.Key, CancellationToken.None)).Caller);
            Assert.NotNull(server.Cache.Find(issued.Row.KeyId)); // without the notification the cache would still accept it
        }

        // Revoked by a third party (another server's ApiKeyService, the CLI): only PostgreSQL tells a and b.
        await new PostgresApiKeyStore(admin).RevokeAsync(issued.Row.KeyId, "apiKeys/admin0000001", DateTimeOffset.UtcNow, CancellationToken.None);
        var committed = Stopwatch.StartNew();
        var delays = await Task.WhenAll(new[] { a, b }.Select(server => RefusedAfterAsync(server, issued.Key, committed)));

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"revocation refused by server a after {delays[0].TotalMilliseconds:F1} ms, by server b after {delays[1].TotalMilliseconds:F1} ms (after the revoking statement returned)"));
        Assert.All(delays, d => Assert.True(d < MostDelay, $"refused only after {d.TotalMilliseconds} ms"));
    }

    [Fact]
    public async Task While_the_listener_is_down_every_call_reads_the_key_so_a_revocation_made_meanwhile_is_seen()
    {
        // The listener waits a long time before reconnecting, so the test sees the server without it.
        var options = new ApiKeyOptions { ListenerRetryMinDelay = TimeSpan.FromMinutes(10), ListenerRetryMaxDelay = TimeSpan.FromMinutes(10) };
        await using var server = await KeyServer.StartAsync(database.ConnectionString, options: options);
        var issued = await IssueAsync(server.Store);
        Assert.NotNull((await server.Verifier.VerifyAsync(issued.Key, CancellationToken.None)).Caller);
        Assert.NotNull(server.Cache.Find(issued.Row.KeyId));

        await TerminateAsync(server.Listener.BackendProcessId!.Value);
        await server.WaitUntilAsync(() => !server.Listener.IsListening, "stopped listening");

        // Valid keys are still accepted, each call reading the row.
        var reads = server.Store.Reads;
        Assert.NotNull((await server.Verifier.VerifyAsync(issued.Key, CancellationToken.None)).Caller);
        Assert.NotNull((await server.Verifier.VerifyAsync(issued.Key, CancellationToken.None)).Caller);
        Assert.Equal(reads + 2, server.Store.Reads);
        Assert.Null(server.Cache.Find(issued.Row.KeyId));

        // The notification of this revocation reaches no one; the next call sees it all the same.
        await using var admin = NpgsqlDataSource.Create(database.ConnectionString);
        await new PostgresApiKeyStore(admin).RevokeAsync(issued.Row.KeyId, "apiKeys/admin0000001", DateTimeOffset.UtcNow, CancellationToken.None);
        Assert.Equal("the API key was revoked", (await server.Verifier.VerifyAsync(issued.Key, CancellationToken.None)).Failure);
    }

    [Fact]
    public async Task A_listener_that_lost_its_connection_listens_again_with_an_empty_cache()
    {
        await using var server = await KeyServer.StartAsync(database.ConnectionString);
        var issued = await IssueAsync(server.Store);
        await server.Verifier.VerifyAsync(issued.Key, CancellationToken.None);
        var backend = server.Listener.BackendProcessId!.Value;

        await TerminateAsync(backend);
        await server.WaitUntilAsync(() => server.Listener.BackendProcessId is { } now && now != backend && server.Listener.IsListening, "listening again");

        Assert.Null(server.Cache.Find(issued.Row.KeyId));
        Assert.NotNull((await server.Verifier.VerifyAsync(issued.Key, CancellationToken.None)).Caller);
        Assert.NotNull(server.Cache.Find(issued.Row.KeyId));

        // And its notifications arrive again.
        await server.Store.RevokeAsync(issued.Row.KeyId, "apiKeys/admin0000001", DateTimeOffset.UtcNow, CancellationToken.None);
        Assert.True(await RefusedAfterAsync(server, issued.Key, Stopwatch.StartNew()) < MostDelay);
    }

    private async Task TerminateAsync(int backend)
    {
        await using var admin = NpgsqlDataSource.Create(database.ConnectionString);
        await using var command = admin.CreateCommand("SELECT pg_terminate_backend($1)");
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = backend });
        Assert.Equal(true, await command.ExecuteScalarAsync());
    }

    /// <summary>Polls the verifier until it refuses the key as revoked (at most <see cref="MostDelay"/>); returns when it did.</summary>
    private static async Task<TimeSpan> RefusedAfterAsync(KeyServer server, string key, Stopwatch since)
    {
        while (since.Elapsed < MostDelay)
        {
            var result = await server.Verifier.VerifyAsync(key, CancellationToken.None);
            if (result.Failure == "the API key was revoked")
            {
                return since.Elapsed;
            }

            Assert.NotNull(result.Caller);
            await Task.Delay(1);
        }

        return since.Elapsed;
    }
}
