using CustomerNeeds.Api.Tests.Infrastructure;
using CustomerNeeds.Testing;
using Npgsql;

namespace CustomerNeeds.Api.Tests.Analytics;

/// <summary>
/// A server on a database of its own for the analytics tests, which read population-wide figures
/// and therefore clear the read-model tables. Its RFM schedule never fires during the tests (first
/// run after an hour): the tests write <c>customer_rfm</c> themselves, except RfmScheduleTests.
/// </summary>
public sealed class AnalyticsServerFixture : IAsyncLifetime
{
    private PostgresDatabase? database;
    private ServerProcess? server;

    public NpgsqlDataSource DataSource => (database ?? throw new InvalidOperationException("Not initialized.")).DataSource;

    public ApiClients Clients => (server ?? throw new InvalidOperationException("Not initialized.")).Clients;

    public async Task InitializeAsync()
    {
        database = await PostgresDatabase.CreateAsync();
        server = await ServerProcess.StartAsync(database.ConnectionString, new Dictionary<string, string>
        {
            ["CustomerNeeds__ReadModel__RfmFirstRunDelay"] = "01:00:00",
        });
    }

    public async Task DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }

        if (database is not null)
        {
            await database.DisposeAsync();
        }
    }
}

/// <summary>The analytics test classes: one server, run one class after another.</summary>
[CollectionDefinition(Name)]
public sealed class AnalyticsCollection : ICollectionFixture<AnalyticsServerFixture>
{
    public const string Name = "analytics";
}
