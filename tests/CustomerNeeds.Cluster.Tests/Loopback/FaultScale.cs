using System.Globalization;

namespace CustomerNeeds.Cluster.Tests.Loopback;

/// <summary>
/// How big the fault tests run. CI runs the bounded defaults; <c>CUSTOMERNEEDS_FAULT_SCALE</c> (a factor, e.g. 5)
/// multiplies the number of writes and the load durations, and <c>CUSTOMERNEEDS_FAULT_POSTGRES_OUTAGE</c> (seconds,
/// default 30) sets how long PostgreSQL stays stopped.
/// </summary>
public static class FaultScale
{
    /// <summary>The factor (default 1).</summary>
    public static double Factor { get; } = Read("CUSTOMERNEEDS_FAULT_SCALE", 1);

    /// <summary>How long PostgreSQL stays stopped.</summary>
    public static TimeSpan PostgresOutage { get; } = TimeSpan.FromSeconds(Read("CUSTOMERNEEDS_FAULT_POSTGRES_OUTAGE", 30));

    /// <summary><paramref name="count"/> times the factor.</summary>
    public static int Scaled(int count) => (int)Math.Max(1, Math.Round(count * Factor));

    /// <summary><paramref name="duration"/> times the factor.</summary>
    public static TimeSpan Scaled(TimeSpan duration) => duration * Factor;

    private static double Read(string variable, double fallback) =>
        double.TryParse(Environment.GetEnvironmentVariable(variable), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : fallback;
}
