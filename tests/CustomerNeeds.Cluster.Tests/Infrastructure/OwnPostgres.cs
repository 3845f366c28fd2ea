using System.Diagnostics;
using System.Globalization;
using CustomerNeeds.Api.Tests.Infrastructure;
using CustomerNeeds.Testing;
using Npgsql;

namespace CustomerNeeds.Cluster.Tests.Infrastructure;

/// <summary>
/// A PostgreSQL of the fault tests' own (deploy/postgres.sh in a temporary directory on a free loopback
/// port), because one test stops it while the rest of the run shares the test command's PostgreSQL.
/// </summary>
public sealed class OwnPostgres : IAsyncDisposable
{
    private readonly string directory;

    private OwnPostgres(string directory, int port)
    {
        this.directory = directory;
        Port = port;
    }

    /// <summary>The loopback port it listens on.</summary>
    public int Port { get; }

    /// <summary>The data directory.</summary>
    public string DataDirectory => Path.Combine(directory, "postgres");

    /// <summary>The connection string of the maintenance database (user postgres).</summary>
    public string ServerConnectionString => ConnectionStringFor("postgres");

    /// <summary>The connection string of <paramref name="database"/> on this server.</summary>
    public string ConnectionStringFor(string database) =>
        $"Host=127.0.0.1;Port={Port.ToString(CultureInfo.InvariantCulture)};Username=postgres;Database={database}";

    /// <summary>Creates and starts a cluster in a new temporary directory.</summary>
    public static async Task<OwnPostgres> StartAsync()
    {
        // Under the temporary directory so that the "postgres" user can reach it when the tests run as root.
        var directory = Path.Combine(Path.GetTempPath(), "customerneeds-fault-" + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture)[..10]);
        Directory.CreateDirectory(directory);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(directory, (UnixFileMode)0b111_101_101);
        }

        var postgres = new OwnPostgres(directory, LoopbackPort.Unused());
        try
        {
            await postgres.StartAgainAsync();
        }
        catch
        {
            Directory.Delete(directory, recursive: true);
            throw;
        }

        return postgres;
    }

    /// <summary>Starts the cluster (again, after <see cref="StopAsync"/>); returns when it accepts connections.</summary>
    public Task StartAgainAsync() => RunScriptAsync("start", DataDirectory, Port.ToString(CultureInfo.InvariantCulture));

    /// <summary>Stops the cluster (pg_ctl stop -m fast: open connections are terminated); returns when it is down.</summary>
    public Task StopAsync() => RunScriptAsync("stop", DataDirectory);

    /// <summary>Creates a new empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "fault_" + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture)[..12];
        await using var connection = new NpgsqlConnection(ServerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return ConnectionStringFor(name);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task RunScriptAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(ServerBinary.RepositoryRoot, "deploy", "postgres.sh"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not run deploy/postgres.sh.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"deploy/postgres.sh {string.Join(' ', arguments)} exited with {process.ExitCode.ToString(CultureInfo.InvariantCulture)}:\n{await output}{await errors}");
        }
    }
}
