using System.Diagnostics;
using Grpc.Core;

namespace CustomerNeeds.Benchmarks;

/// <summary>
/// Open loop: calls are sent at a fixed rate whatever the answers, and each call's latency is
/// measured from the moment it was due (not from when it was actually sent), so a stalled
/// server shows in the latency instead of silently lowering the rate (no coordinated omission).
/// Calls due inside the window count. At most <see cref="MaxOutstanding"/> calls are in flight;
/// calls due beyond that are not sent and reported as skipped.
/// </summary>
public static class OpenLoopLoad
{
    /// <summary>The most calls in flight at once.</summary>
    public const int MaxOutstanding = 20_000;

    /// <summary>The <c>sequence</c>-th call.</summary>
    public delegate Task Call(long sequence);

    public static async Task<LoadMeasurement> RunAsync(double ratePerSecond, TimeSpan warmup, TimeSpan duration, CpuMeter meter, Call call)
    {
        var window = new MeasurementWindow(warmup, duration, meter);
        var latency = LoadMeasurement.NewHistogram();
        var gate = new object();
        long completed = 0, errors = 0, succeeded = 0, skipped = 0, outstanding = 0;
        string? firstError = null;
        var ticksPerCall = Stopwatch.Frequency / ratePerSecond;

        async Task FireAsync(long due, long sequence)
        {
            var ok = true;
            try
            {
                await call(sequence);
            }
            catch (RpcException ex)
            {
                ok = false;
                lock (gate)
                {
                    firstError ??= $"{ex.StatusCode}: {ex.Status.Detail}";
                }
            }

            var ended = Stopwatch.GetTimestamp();
            lock (gate)
            {
                succeeded += ok ? 1 : 0;
                if (window.Contains(due))
                {
                    if (ok)
                    {
                        completed++;
                        latency.RecordValue(LoadMeasurement.Microseconds(due, ended));
                    }
                    else
                    {
                        errors++;
                    }
                }
            }

            Interlocked.Decrement(ref outstanding);
        }

        long issued = 0;
        while (true)
        {
            var now = Stopwatch.GetTimestamp();
            if (now >= window.To)
            {
                break;
            }

            var dueCount = (long)((now - window.Start) / ticksPerCall) + 1;
            for (; issued < dueCount; issued++)
            {
                var due = window.Start + (long)(issued * ticksPerCall);
                if (Interlocked.Read(ref outstanding) >= MaxOutstanding)
                {
                    if (window.Contains(due))
                    {
                        Interlocked.Increment(ref skipped);
                    }

                    continue;
                }

                Interlocked.Increment(ref outstanding);
                _ = FireAsync(due, issued);
            }

            await Task.Delay(1);
        }

        var drain = Stopwatch.StartNew();
        while (Interlocked.Read(ref outstanding) > 0 && drain.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(10);
        }

        var cpu = await window.CpuAsync();
        lock (gate)
        {
            // Calls due in the window but never sent count as errors (and are reported as skipped).
            return new LoadMeasurement(completed, errors + skipped, succeeded, window.Seconds, latency.Copy(), cpu, firstError, skipped);
        }
    }
}
