using CustomerNeeds.Testing;

namespace CustomerNeeds.Storage.Tests;

/// <summary>
/// A fresh database and two silos of the same service started on it at once (so both also run the
/// schema migration at once): two independent clients of the same grain storage.
/// </summary>
public sealed class TwoSilos : IAsyncLifetime
{
    public const string ServiceId = "customerneeds-storage-tests";

    public PostgresDatabase Database { get; } = new();

    public StorageSilo First { get; private set; } = null!;

    public StorageSilo Second { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        var first = StorageSilo.StartAsync(Database.ConnectionString, ServiceId);
        var second = StorageSilo.StartAsync(Database.ConnectionString, ServiceId);
        First = await first;
        Second = await second;
    }

    public async Task DisposeAsync()
    {
        if (First is not null)
        {
            await First.DisposeAsync();
        }

        if (Second is not null)
        {
            await Second.DisposeAsync();
        }

        await Database.DisposeAsync();
    }
}
