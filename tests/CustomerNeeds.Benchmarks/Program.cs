using System.Diagnostics;
using System.Globalization;
using CustomerNeeds.Benchmarks;

// The benchmark load generator: seeds, runs every scenario against one server, prints the
// markdown results (and writes them to --output). Progress goes to stderr. See docs/benchmarks.md.
if (args.Length > 0 && args[0] == "read-model")
{
    return await ReadModelBenchmark.RunAsync(args[1..]);
}

BenchmarkSettings settings;
try
{
    if (args.Contains("--help") || args.Contains("-h"))
    {
        Console.WriteLine(BenchmarkSettings.Usage);
        return 0;
    }

    settings = BenchmarkSettings.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine(BenchmarkSettings.Usage);
    return 2;
}

var log = Console.Error;
var watch = Stopwatch.StartNew();
var started = DateTime.UtcNow;
await using var postgres = settings.PostgresConnectionString.Length > 0 ? new PostgresProbe(settings.PostgresConnectionString) : null;
using var server = new ServerConnection(settings.Address, settings.Connections);
var suite = new BenchmarkSuite(settings, server, postgres, log);
var exitCode = 0;
try
{
    await suite.RunAsync();
}
catch (Exception ex) when (ex is Grpc.Core.RpcException or Npgsql.NpgsqlException or HttpRequestException or InvalidOperationException)
{
    log.WriteLine($"The run failed: {ex}");
    exitCode = 1;
}

var header = new List<string>
{
    string.Create(CultureInfo.InvariantCulture, $"- Run: {started:yyyy-MM-dd HH:mm} UTC, {watch.Elapsed.TotalMinutes:F1} min in all, of which seeding {suite.SeedingTime.TotalMinutes:F1} min{(exitCode == 0 ? "" : " (FAILED before the end: figures are partial)")}"),
    $"- Machine: {MachineDescription.Describe()}{(postgres is null ? "" : ", PostgreSQL " + await postgres.ServerVersionAsync())}",
    $"- Settings: {settings.Describe()}",
    $"- Interactions seeded through: {(suite.SeededByStream ? "StreamInteractions" : "concurrent unary RecordInteraction calls (StreamInteractions answered UNIMPLEMENTED or was not needed)")}",
    $"- CPU: {(settings.ServerPid > 0 ? "server" : "no server pid given")}, {(settings.PostgresPid > 0 ? "PostgreSQL" : "no PostgreSQL pid given")}, machine = all processes on all cores (load generator included)",
};
var report = ResultsReport.Render(suite.Results, header);
Console.WriteLine(report);
if (settings.OutputPath.Length > 0)
{
    Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(settings.OutputPath))!);
    await File.WriteAllTextAsync(settings.OutputPath, report);
    log.WriteLine($"Results written to {settings.OutputPath}");
}

return exitCode;
