using System.Diagnostics;
using CustomerNeeds.Api.Tests.Infrastructure;

namespace CustomerNeeds.Api.Tests.ReadModel;

/// <summary>Runs a verb of the server binary (<c>rebuild-read-model</c>, <c>seed</c>) on a database, as an operator would.</summary>
internal static class ServerVerb
{
    /// <summary>Runs the command to its end; returns its exit code and everything it wrote.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string connectionString, string verb, params string[] arguments)
    {
        var dll = ServerBinary.Path;
        var start = new ProcessStartInfo(ServerBinary.DotnetHost)
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add(verb);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ConnectionStrings__CustomerNeeds"] = connectionString;
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{verb} did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
