using System.Globalization;
using Xunit.Abstractions;

namespace CustomerNeeds.Cluster.Tests.Infrastructure;

/// <summary>
/// The figures of a fault test: to the test output, and appended to the file named by
/// <c>CUSTOMERNEEDS_FAULT_REPORT</c> when set (docs/operations.md collects them from there).
/// </summary>
public static class FaultReport
{
    /// <summary>The environment variable naming the report file.</summary>
    public const string EnvironmentVariable = "CUSTOMERNEEDS_FAULT_REPORT";

    private static readonly Lock Gate = new();

    /// <summary>Writes one line "test: figures".</summary>
    public static void Write(ITestOutputHelper output, string test, string figures)
    {
        var line = string.Create(CultureInfo.InvariantCulture, $"{DateTime.UtcNow:u} {test} (scale {FaultScale.Factor}): {figures}");
        output.WriteLine(line);
        var file = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrEmpty(file))
        {
            lock (Gate)
            {
                File.AppendAllText(file, line + Environment.NewLine);
            }
        }
    }

    /// <summary>Seconds with one decimal.</summary>
    public static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";
}
