using System.Globalization;
using CustomerNeeds.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Hosting;
using Orleans.Storage;

namespace CustomerNeeds.Storage.Tests;

/// <summary>
/// A silo of its own (own cluster, own ports, own service provider) with the production grain
/// storage wiring: one independent storage client of the database.
/// </summary>
public sealed class StorageSilo : IAsyncDisposable
{
    private readonly IHost host;

    private StorageSilo(IHost host)
    {
        this.host = host;
        Storage = host.Services.GetRequiredKeyedService<IGrainStorage>(StorageNames.GrainStorage);
    }

    /// <summary>The grain storage provider <see cref="StorageNames.GrainStorage"/> of this silo.</summary>
    public IGrainStorage Storage { get; }

    public IServiceProvider Services => host.Services;

    /// <summary>A silo with the PostgreSQL write path (pool of 20) on the given database.</summary>
    public static Task<StorageSilo> StartAsync(string connectionString, string serviceId) =>
        StartAsync(serviceId, silo => silo.AddCustomerNeedsGrainStorage(connectionString, options => options.MaxPoolSize = 20));

    /// <summary>A silo with the storage that <paramref name="configureStorage"/> adds.</summary>
    public static async Task<StorageSilo> StartAsync(string serviceId, Action<ISiloBuilder> configureStorage)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(
                siloPort: LoopbackPort.Unused(),
                gatewayPort: LoopbackPort.Unused(),
                serviceId: serviceId,
                clusterId: "storage-tests-" + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture));
            configureStorage(silo);
        });
        var host = builder.Build();
        await host.StartAsync();
        return new StorageSilo(host);
    }

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }
}
