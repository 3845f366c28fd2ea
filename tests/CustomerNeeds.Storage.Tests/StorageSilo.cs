using System.Globalization;
using System.Net;
using System.Net.Sockets;
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

    public static async Task<StorageSilo> StartAsync(string connectionString, string serviceId)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.UseOrleans(silo => silo
            .UseLocalhostClustering(
                siloPort: FreePort(),
                gatewayPort: FreePort(),
                serviceId: serviceId,
                clusterId: "storage-tests-" + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture))
            .AddCustomerNeedsGrainStorage(connectionString, options => options.MaxPoolSize = 20));
        var host = builder.Build();
        await host.StartAsync();
        return new StorageSilo(host);
    }

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
