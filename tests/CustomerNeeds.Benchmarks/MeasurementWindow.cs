using System.Diagnostics;

namespace CustomerNeeds.Benchmarks;

/// <summary>
/// A warm-up followed by a measured window, in <see cref="Stopwatch"/> timestamps, and the CPU
/// readings taken at the window's start and end (by a timer task, so callers never wait for them).
/// </summary>
public sealed class MeasurementWindow
{
    private readonly Task<CpuUsage> cpu;

    public MeasurementWindow(TimeSpan warmup, TimeSpan duration, CpuMeter meter)
    {
        Start = Stopwatch.GetTimestamp();
        From = Start + Ticks(warmup);
        To = From + Ticks(duration);
        Seconds = duration.TotalSeconds;
        cpu = MeasureAsync(meter);
    }

    /// <summary>When the run started (warm-up begins).</summary>
    public long Start { get; }

    /// <summary>When measurement begins.</summary>
    public long From { get; }

    /// <summary>When measurement ends; no new call starts after it.</summary>
    public long To { get; }

    /// <summary>The window's length.</summary>
    public double Seconds { get; }

    /// <summary>True when a call completing at <paramref name="timestamp"/> counts.</summary>
    public bool Contains(long timestamp) => timestamp >= From && timestamp < To;

    /// <summary>True once the window is over.</summary>
    public bool IsOver => Stopwatch.GetTimestamp() >= To;

    /// <summary>CPU used over the window (completes at its end).</summary>
    public Task<CpuUsage> CpuAsync() => cpu;

    private async Task<CpuUsage> MeasureAsync(CpuMeter meter)
    {
        await DelayUntil(From);
        var before = meter.Take();
        await DelayUntil(To);
        return CpuMeter.Between(before, meter.Take());
    }

    private static async Task DelayUntil(long timestamp)
    {
        var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), timestamp);
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait);
        }

        while (Stopwatch.GetTimestamp() < timestamp)
        {
            await Task.Yield();
        }
    }

    private static long Ticks(TimeSpan span) => (long)(span.TotalSeconds * Stopwatch.Frequency);
}
