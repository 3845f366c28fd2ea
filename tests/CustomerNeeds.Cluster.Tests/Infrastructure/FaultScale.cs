using System.Globalization;

namespace CustomerNeeds.Cluster.Tests.Infrastructure;

/// <summary>
/// How big the fault tests are: CI runs them at scale 1 (the figures of the issue); the environment
/// variable <c>CUSTOMERNEEDS_FAULT_SCALE</c> (a whole number, e.g. 5) multiplies calls, customers and
/// faults for longer runs (docs/operations.md, "Fault tests").
/// </summary>
public static class FaultScale
{
    /// <summary>The environment variable.</summary>
    public const string EnvironmentVariable = "CUSTOMERNEEDS_FAULT_SCALE";

    /// <summary>The multiplier, at least 1.</summary>
    public static int Factor { get; } = Read();

    private static int Read()
    {
        var value = Environment.GetEnvironmentVariable(EnvironmentVariable);
        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var factor) && factor > 1 ? factor : 1;
    }
}
