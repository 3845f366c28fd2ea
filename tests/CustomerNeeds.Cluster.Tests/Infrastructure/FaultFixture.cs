namespace CustomerNeeds.Cluster.Tests.Infrastructure;

/// <summary>The fault tests' own PostgreSQL, started once for the collection; each test makes its own database.</summary>
public sealed class FaultFixture : IAsyncLifetime
{
    private OwnPostgres? postgres;

    /// <summary>The running PostgreSQL.</summary>
    public OwnPostgres Postgres => postgres ?? throw new InvalidOperationException("Not initialized.");

    /// <inheritdoc />
    public async Task InitializeAsync() => postgres = await OwnPostgres.StartAsync();

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (postgres is not null)
        {
            await postgres.DisposeAsync();
        }
    }
}
