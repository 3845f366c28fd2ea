using System.Diagnostics;
using Grpc.Core;
using HdrHistogram;

namespace CustomerNeeds.Benchmarks;

/// <summary>
/// Closed loop: a fixed number of callers, each sending its next call as soon as the previous one
/// answered, for the warm-up and then the measured window. Only calls that complete inside the
/// window count; each caller keeps its own histogram, merged at the end.
/// </summary>
public static class ClosedLoopLoad
{
    /// <summary>One call of caller <c>caller</c>, its <c>sequence</c>-th; returns when answered.</summary>
    public delegate Task Call(int caller, long sequence);

    public static async Task<LoadMeasurement> RunAsync(int callers, TimeSpan warmup, TimeSpan duration, CpuMeter meter, Call call)
    {
        var window = new MeasurementWindow(warmup, duration, meter);
        var results = await Task.WhenAll(Enumerable.Range(0, callers).Select(c => Task.Run(() => CallerAsync(c, window, call))));
        var latency = LoadMeasurement.NewHistogram();
        foreach (var r in results)
        {
            latency.Add(r.Latency);
        }

        return new LoadMeasurement(
            results.Sum(r => r.Completed),
            results.Sum(r => r.Errors),
            results.Sum(r => r.TotalSucceeded),
            window.Seconds,
            latency,
            await window.CpuAsync(),
            results.Select(r => r.FirstError).FirstOrDefault(e => e is not null));
    }

    private sealed record CallerResult(long Completed, long Errors, long TotalSucceeded, HistogramBase Latency, string? FirstError);

    private static async Task<CallerResult> CallerAsync(int caller, MeasurementWindow window, Call call)
    {
        var latency = LoadMeasurement.NewHistogram();
        long completed = 0, errors = 0, succeeded = 0;
        string? firstError = null;
        for (long sequence = 0; ; sequence++)
        {
            var started = Stopwatch.GetTimestamp();
            if (started >= window.To)
            {
                break;
            }

            var ok = true;
            try
            {
                await call(caller, sequence);
            }
            catch (RpcException ex)
            {
                ok = false;
                firstError ??= $"{ex.StatusCode}: {ex.Status.Detail}";
            }

            var ended = Stopwatch.GetTimestamp();
            succeeded += ok ? 1 : 0;
            if (window.Contains(ended))
            {
                if (ok)
                {
                    completed++;
                    latency.RecordValue(LoadMeasurement.Microseconds(started, ended));
                }
                else
                {
                    errors++;
                }
            }
        }

        return new CallerResult(completed, errors, succeeded, latency, firstError);
    }
}
