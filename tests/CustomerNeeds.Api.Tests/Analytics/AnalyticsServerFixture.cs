using CustomerNeeds.Api.Tests.Durability;
using CustomerNeeds.Api.Tests.Infrastructure;
using Npgsql;

namespace CustomerNeeds.Api.Tests.Analytics;

/// <summary>
/// A server on a database of its own for the analytics tests, which read population-wide figures
/// and therefore clear the read-model tables. Its RFM schedule never fires during the tests (first
/// run after an hour): the tests write <c>customer_rfm</c> themselves, except RfmScheduleTests.
/// </summary>
public sealed class AnalyticsServerFixture : IAsyncLifetime
{
    private OwnServer? own;

    public NpgsqlDataSource DataSource => Own.Database.DataSource;

    public ApiClients Clients => Own.Clients;

    private OwnServer Own => own ?? throw new InvalidOperationException("Not initialized.");

    public async Task InitializeAsync() => own = await OwnServer.StartAsync(new Dictionary<string, string>
    {
        ["CustomerNeeds__ReadModel__RfmFirstRunDelay"] = "01:00:00",
    });

    public async Task DisposeAsync()
    {
        if (own is not null)
        {
            await own.DisposeAsync();
        }
    }
}

/// <summary>The analytics test classes: one server, run one class after another.</summary>
[CollectionDefinition(Name)]
public sealed class AnalyticsCollection : ICollectionFixture<AnalyticsServerFixture>
{
    public const string Name = "analytics";
}
