using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using CustomerNeeds.Storage;
using Orleans.Configuration;
using Orleans.Hosting.Kubernetes;

namespace CustomerNeeds.Server.Hosting;

/// <summary>Membership, identity and endpoints of the silo from <see cref="ClusterOptions"/> (docs/clustering.md).</summary>
internal static class SiloClustering
{
    /// <summary>The Orleans failure detector's settings (<c>ClusterMembershipOptions</c>).</summary>
    public const string MembershipSection = $"{ClusterOptions.Section}:Membership";

    public static void Configure(ISiloBuilder silo, ServerOptions options, IConfiguration configuration)
    {
        var cluster = options.Cluster;
        silo.Services.Configure<ClusterMembershipOptions>(configuration.GetSection(MembershipSection));
        if (cluster.Clustering == ClusteringMode.Localhost)
        {
            silo.UseLocalhostClustering(cluster.SiloPort, cluster.GatewayPort, serviceId: cluster.ServiceId, clusterId: cluster.ClusterId);
            return;
        }

        if (options.Storage != StorageMode.Postgres)
        {
            throw new InvalidOperationException(
                $"{ClusterOptions.Section}:Clustering {cluster.Clustering} keeps the membership in PostgreSQL and needs the PostgreSQL storage; " +
                $"use Clustering Localhost with {ServerApp.InMemoryFlag}.");
        }

        silo.UseCustomerNeedsClustering();
        silo.Configure<Orleans.Configuration.ClusterOptions>(o =>
        {
            o.ServiceId = cluster.ServiceId;
            o.ClusterId = cluster.ClusterId;
        });

        var kubernetes = cluster.Clustering == ClusteringMode.Kubernetes;
        var advertised = kubernetes && string.IsNullOrWhiteSpace(cluster.AdvertisedAddress) ? null : AdvertisedAddress(cluster.AdvertisedAddress);
        var listenOnAny = cluster.ListenOnAnyAddress ?? (advertised is null || !IPAddress.IsLoopback(advertised));
        silo.Configure<EndpointOptions>(o =>
        {
            o.SiloPort = cluster.SiloPort;
            o.GatewayPort = cluster.GatewayPort;
            if (advertised is not null)
            {
                o.AdvertisedIPAddress = advertised;
            }

            if (listenOnAny)
            {
                o.SiloListeningEndpoint = new IPEndPoint(IPAddress.Any, cluster.SiloPort);
                o.GatewayListeningEndpoint = new IPEndPoint(IPAddress.Any, cluster.GatewayPort);
            }
            else if (advertised is not null)
            {
                o.SiloListeningEndpoint = new IPEndPoint(advertised, cluster.SiloPort);
                o.GatewayListeningEndpoint = new IPEndPoint(advertised, cluster.GatewayPort);
            }
        });

        if (kubernetes)
        {
            // Pod name as silo name, POD_IP as advertised address (unless set), and the agent that
            // deletes the pods of silos the cluster declared dead.
            silo.UseKubernetesHosting(hosting => hosting.Configure(k => k.DeleteDefunctSiloPods = true));
        }
    }

    /// <summary>The configured address (an IP, or a host name resolved now), or the host's first non-loopback IPv4 address.</summary>
    private static IPAddress AdvertisedAddress(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            if (IPAddress.TryParse(configured, out var ip))
            {
                return ip;
            }

            var resolved = Dns.GetHostAddresses(configured);
            return resolved.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork)
                ?? resolved.FirstOrDefault()
                ?? throw new InvalidOperationException($"{ClusterOptions.Section}:AdvertisedAddress {configured} does not resolve to an address.");
        }

        return NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up && n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(u => u.Address)
            .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a))
            ?? throw new InvalidOperationException(
                $"The host has no non-loopback IPv4 address to advertise to the other servers: set {ClusterOptions.Section}:AdvertisedAddress.");
    }
}
