using System.Globalization;
using Npgsql;
using Xunit;

namespace CustomerNeeds.Testing;

/// <summary>
/// A new, empty, uniquely named database on the test server, dropped at dispose (connections still
/// open are closed). Use it as a class fixture (<c>IClassFixture&lt;PostgresDatabase&gt;</c>) so test
/// classes never see each other's rows, or create one in a test with <see cref="CreateAsync"/>.
/// </summary>
public sealed class PostgresDatabase : IAsyncLifetime, IAsyncDisposable
{
    private NpgsqlDataSource? dataSource;

    /// <summary>The database's name, e.g. "cn_test_0f3c...".</summary>
    public string Name { get; } = "cn_test_" + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture);

    /// <summary>The connection string of this database.</summary>
    public string ConnectionString { get; private set; } = "";

    /// <summary>A data source on this database, created on first use and disposed with it.</summary>
    public NpgsqlDataSource DataSource => dataSource ??= NpgsqlDataSource.Create(ConnectionString);

    /// <summary>Creates a new database.</summary>
    public static async Task<PostgresDatabase> CreateAsync()
    {
        var database = new PostgresDatabase();
        await database.InitializeAsync();
        return database;
    }

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        var server = PostgresServer.ConnectionString;
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{Name}\"", connection);
        await command.ExecuteNonQueryAsync();
        ConnectionString = PostgresServer.ConnectionStringFor(Name);
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (dataSource is not null)
        {
            await dataSource.DisposeAsync();
            dataSource = null;
        }

        if (ConnectionString.Length == 0)
        {
            return;
        }

        await using var connection = new NpgsqlConnection(PostgresServer.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
        ConnectionString = "";
    }

    async ValueTask IAsyncDisposable.DisposeAsync() => await DisposeAsync();
}
