using System.Diagnostics;
using CustomerNeeds.Server.Security.ApiKeys;
using CustomerNeeds.Storage.ApiKeys;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace CustomerNeeds.Server.Tests.ApiKeys;

/// <summary>
/// What one server has of the API keys, wired as AddApiKeys wires it: its own connection pool, the
/// PostgreSQL store (reads counted), the cache, the listener (started) and the verifier.
/// </summary>
internal sealed class KeyServer : IAsyncDisposable
{
    private KeyServer(NpgsqlDataSource dataSource, ApiKeyOptions options, TimeProvider time)
    {
        DataSource = dataSource;
        Store = new CountingKeyStore(new PostgresApiKeyStore(dataSource));
        Cache = new VerifiedKeyCache(options.CacheCapacity);
        Listener = new ApiKeyListener(dataSource, Cache, options, NullLogger<ApiKeyListener>.Instance);
        Verifier = new ApiKeyVerifier(Store, Cache, time);
    }

    public NpgsqlDataSource DataSource { get; }

    public CountingKeyStore Store { get; }

    public VerifiedKeyCache Cache { get; }

    public ApiKeyListener Listener { get; }

    public ApiKeyVerifier Verifier { get; }

    /// <summary>Starts the listener and waits until it listens.</summary>
    public static async Task<KeyServer> StartAsync(string connectionString, TimeProvider? time = null, ApiKeyOptions? options = null)
    {
        var server = new KeyServer(NpgsqlDataSource.Create(connectionString), options ?? new ApiKeyOptions(), time ?? TimeProvider.System);
        await server.Listener.StartAsync(CancellationToken.None);
        await server.WaitUntilAsync(() => server.Listener.IsListening, "listening");
        return server;
    }

    public async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"Not {what} within 10 s.");
            await Task.Delay(10);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Listener.StopAsync(CancellationToken.None);
        Listener.Dispose();
        await DataSource.DisposeAsync();
    }
}
