using System.Diagnostics;
using System.Globalization;
using CustomerNeeds.Api.Tests.Infrastructure;
using CustomerNeeds.Testing;
using Npgsql;

namespace CustomerNeeds.Cluster.Tests.Loopback;

/// <summary>
/// A PostgreSQL of the test's own on a free loopback port, in a temporary directory, started and stopped
/// with deploy/postgres.sh (which runs it as the "postgres" user when the tests run as root). A fault test
/// may stop it and start it again; <see cref="DisposeAsync"/> stops it and removes the directory.
/// </summary>
public sealed class LoopbackPostgres : IAsyncDisposable
{
    private readonly string directory;

    private LoopbackPostgres(string directory, int port)
    {
        this.directory = directory;
        Port = port;
    }

    /// <summary>The port it listens on (127.0.0.1).</summary>
    public int Port { get; }

    private string DataDirectory => Path.Combine(directory, "postgres");

    /// <summary>The connection string of <paramref name="database"/> on this server, with extra settings appended.</summary>
    public string ConnectionString(string database, string extra = "") =>
        $"Host=127.0.0.1;Port={Port.ToString(CultureInfo.InvariantCulture)};Username=postgres;Database={database}{(extra.Length == 0 ? "" : ";" + extra)}";

    /// <summary>Creates the cluster in a new temporary directory (mode 755, so that "postgres" can enter it) and starts it.</summary>
    public static async Task<LoopbackPostgres> StartAsync()
    {
        var dir = Path.Combine(Path.GetTempPath(), "customerneeds-faults-" + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture)[..10]);
        Directory.CreateDirectory(dir);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(dir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }

        var postgres = new LoopbackPostgres(dir, LoopbackPort.Unused());
        try
        {
            await postgres.StartAgainAsync();
        }
        catch
        {
            await postgres.DisposeAsync();
            throw;
        }

        return postgres;
    }

    /// <summary>Creates a database.</summary>
    public async Task CreateDatabaseAsync(string name)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres", "Pooling=false"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>deploy/postgres.sh start: returns once PostgreSQL accepts connections.</summary>
    public Task StartAgainAsync() => RunScriptAsync("start", DataDirectory, Port.ToString(CultureInfo.InvariantCulture));

    /// <summary>deploy/postgres.sh stop (fast shutdown: open sessions are ended); returns once it is down.</summary>
    public Task StopAsync() => RunScriptAsync("stop", DataDirectory);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        finally
        {
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }

    private static async Task RunScriptAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("bash")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(ServerBinary.RepositoryRoot, "deploy", "postgres.sh"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not run deploy/postgres.sh.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"deploy/postgres.sh {string.Join(' ', arguments)} exited with {process.ExitCode.ToString(CultureInfo.InvariantCulture)}:\n{await output}\n{await error}");
        }
    }
}
