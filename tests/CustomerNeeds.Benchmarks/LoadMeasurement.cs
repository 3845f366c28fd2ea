using HdrHistogram;

namespace CustomerNeeds.Benchmarks;

/// <summary>What one load run measured inside its measurement window.</summary>
/// <param name="Completed">Successful calls (or stream items) that completed inside the window.</param>
/// <param name="Errors">Failed calls (or items) that completed inside the window.</param>
/// <param name="TotalSucceeded">Successful calls over the whole run, warm-up included (for commit ratios).</param>
/// <param name="Seconds">Length of the window.</param>
/// <param name="Latency">Latency of the successful calls in the window, in microseconds.</param>
/// <param name="Cpu">Resource use over the window.</param>
/// <param name="FirstError">The first error seen, for the report; null when none.</param>
/// <param name="Skipped">Open loop only: calls not sent because too many were outstanding.</param>
public sealed record LoadMeasurement(
    long Completed,
    long Errors,
    long TotalSucceeded,
    double Seconds,
    HistogramBase Latency,
    CpuUsage Cpu,
    string? FirstError,
    long Skipped = 0)
{
    /// <summary>Successful calls per second in the window.</summary>
    public double Throughput => Completed / Seconds;

    /// <summary>Latency at a percentile (0-100), in milliseconds; NaN when nothing was recorded.</summary>
    public double LatencyMs(double percentile) =>
        Latency.TotalCount == 0 ? double.NaN : Latency.GetValueAtPercentile(percentile) / 1000.0;

    /// <summary>A histogram for microsecond latencies up to one minute, three significant digits.</summary>
    public static LongHistogram NewHistogram() => new(60_000_000, 3);

    /// <summary>Microseconds between two <see cref="System.Diagnostics.Stopwatch"/> timestamps, clamped to the histogram's range.</summary>
    public static long Microseconds(long from, long to) =>
        Math.Clamp((to - from) * 1_000_000 / System.Diagnostics.Stopwatch.Frequency, 0, 60_000_000);
}
