using CustomerNeeds.Server.Hosting;
using CustomerNeeds.Storage.ApiKeys;
using Npgsql;

namespace CustomerNeeds.Server.Security.ApiKeys;

/// <summary>Registers the API keys (docs/api-keys.md): the store, the verifier, with PostgreSQL the cache's listener, and the local bootstrap key when configured.</summary>
public static class ApiKeyRegistration
{
    /// <summary>Call after UseOrleans, so that the bootstrap key is created after the schema migration.</summary>
    public static IServiceCollection AddApiKeys(this IServiceCollection services, IConfiguration configuration, StorageMode storage)
    {
        var options = configuration.GetSection(ApiKeyOptions.Section).Get<ApiKeyOptions>() ?? new ApiKeyOptions();
        if (options.CacheCapacity < 0 || options.ListenerRetryMinDelay <= TimeSpan.Zero
            || options.ListenerRetryMaxDelay < options.ListenerRetryMinDelay || options.ListenerProbeInterval <= TimeSpan.Zero)
        {
            throw new InvalidOperationException(
                $"{ApiKeyOptions.Section}: CacheCapacity must not be negative, the listener delays must be positive (ListenerRetryMaxDelay at least ListenerRetryMinDelay).");
        }

        services.AddSingleton(options);
        services.AddSingleton(new VerifiedKeyCache(options.CacheCapacity));
        if (storage == StorageMode.Postgres)
        {
            services.AddSingleton<IApiKeyStore>(sp => new PostgresApiKeyStore(sp.GetRequiredService<NpgsqlDataSource>()));
            services.AddSingleton<ApiKeyListener>();
            services.AddHostedService(sp => sp.GetRequiredService<ApiKeyListener>());
        }
        else
        {
            services.AddSingleton<IApiKeyStore, InMemoryApiKeyStore>();
        }

        services.AddSingleton<IApiKeyVerifier, ApiKeyVerifier>();
        if (configuration[LocalBootstrapKey.Setting] is { Length: > 0 } file)
        {
            services.AddHostedService(sp => new LocalBootstrapKey(
                sp.GetRequiredService<IApiKeyStore>(), storage, file, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<LocalBootstrapKey>>()));
        }

        return services;
    }
}
