using System.Globalization;
using Xunit.Abstractions;

namespace CustomerNeeds.Cluster.Tests.Loopback;

/// <summary>
/// The figures of a fault test run: written to the test output and, when the environment variable
/// <see cref="ResultsFileVariable"/> names a file, appended to it as one line (docs/operations.md, "Fault tests").
/// </summary>
public static class FaultFigures
{
    /// <summary>The environment variable naming the results file.</summary>
    public const string ResultsFileVariable = "CUSTOMERNEEDS_FAULT_RESULTS";

    /// <summary>Writes "test: name=value; ..." to <paramref name="output"/> and the results file.</summary>
    public static void Report(ITestOutputHelper output, string test, params (string Name, object Value)[] figures)
    {
        var line = string.Create(CultureInfo.InvariantCulture,
            $"{DateTime.UtcNow:yyyy-MM-ddTHH:mm:ssZ} {test}: {string.Join("; ", figures.Select(f => $"{f.Name}={Format(f.Value)}"))}");
        output.WriteLine(line);
        var file = Environment.GetEnvironmentVariable(ResultsFileVariable);
        if (!string.IsNullOrWhiteSpace(file))
        {
            File.AppendAllText(file, line + Environment.NewLine);
        }
    }

    private static string Format(object value) => value switch
    {
        TimeSpan t => t.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture) + " s",
        double d => d.ToString("0.##", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
