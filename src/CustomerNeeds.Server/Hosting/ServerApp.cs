using System.IO.Compression;
using CustomerNeeds.Domain.Customers;
using CustomerNeeds.Grains;
using CustomerNeeds.Grains.Watching;
using CustomerNeeds.Server.Analytics;
using CustomerNeeds.Server.Auditing;
using CustomerNeeds.Server.Benchmarking;
using CustomerNeeds.Server.Grpc;
using CustomerNeeds.Server.Health;
using CustomerNeeds.Server.Loyalty;
using CustomerNeeds.Server.Security;
using CustomerNeeds.Server.Security.ApiKeys;
using CustomerNeeds.Server.Privacy;
using CustomerNeeds.Server.Services;
using CustomerNeeds.Server.Services.Search;
using CustomerNeeds.Storage;
using Grpc.AspNetCore.Server.Model;
using Grpc.Net.Compression;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CustomerNeeds.Server.Hosting;

/// <summary>Builds the server: Kestrel (HTTP/2, over TLS when configured: <see cref="PublicEndpoint"/>) with the gRPC services, and the co-hosted Orleans silo.</summary>
public static class ServerApp
{
    /// <summary>The command-line flag that selects the volatile in-memory storage.</summary>
    public const string InMemoryFlag = "--in-memory";

    /// <summary>The connection string name (<c>ConnectionStrings:CustomerNeeds</c>).</summary>
    public const string ConnectionStringName = "CustomerNeeds";

    /// <summary>The configuration section of the appender's batching (docs/group-commit.md).</summary>
    public const string GroupCommitSection = "CustomerNeeds:GroupCommit";

    /// <summary>The Orleans reminder settings (<c>ReminderOptions</c>: MinimumReminderPeriod, RefreshReminderListPeriod).</summary>
    public const string RemindersSection = "CustomerNeeds:Reminders";

    /// <summary>The largest request message accepted, after decompression (grpc-dotnet's default receive limit).</summary>
    public const int MaxRequestMessageBytes = 4 * 1024 * 1024;

    public static WebApplication Build(string[] args)
    {
        // appsettings.json is read from beside the binary, whatever the working directory.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args.Where(a => a != InMemoryFlag).ToArray(),
            ContentRootPath = AppContext.BaseDirectory,
        });
        var options = builder.Configuration.GetSection(ServerOptions.Section).Get<ServerOptions>() ?? new ServerOptions();
        if (args.Contains(InMemoryFlag))
        {
            options.Storage = StorageMode.InMemory;
        }

        var policy = PolicyConfiguration.Read(builder.Configuration);

        var tls = builder.Configuration.GetSection(TlsOptions.Section).Get<TlsOptions>() ?? new TlsOptions();
        builder.WebHost.ConfigureKestrel(PublicEndpoint.Prepare(options, tls));

        builder.UseOrleans(silo =>
        {
            SiloClustering.Configure(silo, options, builder.Configuration);
            if (options.Storage == StorageMode.InMemory)
            {
                silo.AddCustomerNeedsInMemoryStorage();
            }
            else
            {
                var connectionString = builder.Configuration.GetConnectionString(ConnectionStringName);
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    throw new InvalidOperationException(
                        $"ConnectionStrings:{ConnectionStringName} is not set. Set it (env ConnectionStrings__{ConnectionStringName}) or start with {InMemoryFlag}.");
                }

                var groupCommit = builder.Configuration.GetSection(GroupCommitSection);
                silo.AddCustomerNeedsGrainStorage(connectionString, postgres => groupCommit.Bind(postgres.GroupCommit));
            }

            silo.Services.Configure<ReminderOptions>(builder.Configuration.GetSection(RemindersSection));
            var watch = builder.Configuration.GetSection(CustomerWatchOptions.Section);
            silo.Services.AddCustomerGrains(policy, grain =>
            {
                grain.SnapshotInterval = options.SnapshotInterval;
                grain.WatcherLease = watch.GetValue("Lease", grain.WatcherLease);
            });
            silo.Services.Configure<CustomerWatchOptions>(watch);
        });

        builder.Services.AddGrpc(grpc =>
        {
            grpc.Interceptors.Add<ErrorStatusInterceptor>();
            grpc.Interceptors.Add<AccessInterceptor>();
            grpc.EnableDetailedErrors = false;
            grpc.MaxReceiveMessageSize = MaxRequestMessageBytes;
            grpc.CompressionProviders.Add(new BoundedDecompression(new GzipCompressionProvider(CompressionLevel.Fastest), MaxRequestMessageBytes));
            grpc.CompressionProviders.Add(new BoundedDecompression(new DeflateCompressionProvider(CompressionLevel.Fastest), MaxRequestMessageBytes));
        });
        builder.Services.RemoveAll(typeof(IServiceMethodProvider<>));
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton(typeof(IServiceMethodProvider<>), typeof(GuardedServiceMethodProvider<>)));
        builder.Services.AddSingleton<InteractionRecorder>();
        builder.Services.AddCallerAccess(builder.Configuration);
        builder.Services.AddCustomerSearch(policy);
        builder.Services.AddAnalytics(builder.Configuration, options.Storage);
        builder.Services.AddLoyaltySweep(builder.Configuration, options.Storage);
        builder.Services.AddApiKeys(builder.Configuration, options.Storage);
        builder.Services.AddAuditTrail(builder.Configuration, options.Storage);
        builder.Services.AddRetentionSweep(builder.Configuration, options.Storage);
        builder.Services.AddGrpcReflection();
        builder.Services.AddGrpcHealthChecks(health =>
            {
                health.UseHealthChecksCache = false;
                health.Services.Map(HealthServices.Server, check => check.Tags.Contains(HealthServices.ReadyTag));
                health.Services.Map(HealthServices.Readiness, check => check.Tags.Contains(HealthServices.ReadyTag));
                health.Services.Map(HealthServices.Liveness, check => check.Tags.Contains(HealthServices.LiveTag));
            })
            .AddCheck<ServingHealthCheck>("serving", tags: [HealthServices.ReadyTag])
            .AddCheck<LiveHealthCheck>("live", tags: [HealthServices.LiveTag]);

        var shutdown = builder.Configuration.GetSection(ShutdownOptions.Section);
        builder.Services.Configure<ShutdownOptions>(shutdown);
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = shutdown.Get<ShutdownOptions>()?.Timeout ?? new ShutdownOptions().Timeout);
        builder.Services.AddSingleton<ServerDrain>();
        builder.Services.AddHostedService<GracefulShutdown>();

        var app = builder.Build();
        WarnOfCleartext(app.Logger, options, tls);
        app.UseHealthPortGate(options.HealthPort);
        app.UseGrpcFrameCheck();
        app.UseRouting();
        app.UseCallerAccess();
        app.MapGrpcService<CustomerApi>();
        app.MapGrpcService<NeedApi>();
        app.MapGrpcService<InteractionApi>();
        app.MapGrpcService<ComplaintApi>();
        app.MapGrpcService<LoyaltyApi>();
        app.MapGrpcService<SegmentApi>();
        app.MapGrpcService<PrivacyApi>();
        app.MapGrpcService<ApiKeyApi>();
        app.MapGrpcService<AuditApi>();
        app.MapAnalytics();
        app.MapGrpcHealthChecksService();
        app.MapGrpcReflectionService();
        app.MapBenchmarkServiceWhenEnabled();
        return app;
    }

    private static void WarnOfCleartext(ILogger logger, ServerOptions options, TlsOptions tls)
    {
        if (!tls.Enabled && !System.Net.IPAddress.IsLoopback(System.Net.IPAddress.Parse(options.ListenAddress)))
        {
            logger.LogWarning(
                "Serving cleartext HTTP/2 on {ListenAddress}:{GrpcPort} ({Setting}=true): only behind a TLS-terminating proxy on a private network",
                options.ListenAddress, options.GrpcPort, $"{TlsOptions.Section}:AllowCleartext");
        }
    }
}
