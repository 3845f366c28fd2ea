using CustomerNeeds.Domain.Complaints;
using CustomerNeeds.Domain.Customers;
using CustomerNeeds.Storage;
using CustomerNeeds.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.TestingHost;

namespace CustomerNeeds.Grains.Tests.ComplaintSla;

/// <summary>
/// An in-process cluster on PostgreSQL whose reminders may tick every second and whose follow-up
/// delay is a few seconds, so SLA timers fire within a test. Restartable: the reminder table must
/// bring timers back.
/// </summary>
public sealed class SlaClusterFixture : IAsyncLifetime
{
    /// <summary>The follow-up delay of this cluster's policy.</summary>
    public static readonly TimeSpan FollowUpDelay = TimeSpan.FromSeconds(3);

    public PostgresDatabase Database { get; } = new();

    public TestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.GrainFactory;

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        Cluster = await StartAsync();
    }

    /// <summary>Stops the whole cluster; <paramref name="whileDown"/> runs before a new one starts on the same database.</summary>
    public async Task RestartAsync(Func<Task>? whileDown = null)
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        if (whileDown is not null)
        {
            await whileDown();
        }

        Cluster = await StartAsync();
    }

    public async Task DisposeAsync()
    {
        await Cluster.DisposeAsync();
        await Database.DisposeAsync();
    }

    /// <summary>How many events of <paramref name="eventType"/> the customer's log holds.</summary>
    public async Task<long> CountEventsAsync(string customerId, string eventType)
    {
        await using var command = Database.DataSource.CreateCommand(
            "SELECT count(*) FROM customer_events WHERE customer_id = $1 AND event_type = $2");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = customerId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = eventType });
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>The start time of the customer's SLA reminder row; null when there is none.</summary>
    public async Task<DateTime?> ReminderStartAsync(string customerId)
    {
        await using var command = Database.DataSource.CreateCommand(
            "SELECT start_time FROM orleans_reminders WHERE grain_id LIKE '%/' || $1 AND reminder_name = 'complaint-sla'");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = customerId });
        return await command.ExecuteScalarAsync() is DateTime start ? start : null;
    }

    /// <summary>Waits until <paramref name="condition"/> holds (polling); fails after 60 s.</summary>
    public static async Task EventuallyAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Timed out waiting until {what}.");
            }

            await Task.Delay(200);
        }
    }

    private async Task<TestCluster> StartAsync()
    {
        var builder = new TestClusterBuilder(1);
        builder.Options.ServiceId = "sla-tests";
        builder.Properties["ConnectionString"] = Database.ConnectionString;
        builder.AddSiloBuilderConfigurator<Configurator>();
        builder.AddClientBuilderConfigurator<DomainTypesClientConfigurator>();
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    private sealed class Configurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            var connectionString = siloBuilder.Configuration["ConnectionString"]!;
            siloBuilder.AddCustomerNeedsGrainStorage(connectionString);
            siloBuilder.Services.Configure<ReminderOptions>(o =>
            {
                o.MinimumReminderPeriod = TimeSpan.FromSeconds(1);
                o.RefreshReminderListPeriod = TimeSpan.FromSeconds(2);
            });
            var policy = CustomerPolicy.Default with
            {
                ComplaintSla = new ComplaintSlaPolicy { Defaults = ComplaintServiceLevels.Default with { FollowUpDelay = FollowUpDelay } },
            };
            siloBuilder.Services.AddCustomerGrains(policy);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class SlaClusterCollection : ICollectionFixture<SlaClusterFixture>
{
    public const string Name = "sla cluster";
}
