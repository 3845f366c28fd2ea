using System.Collections.Concurrent;
using System.Diagnostics;
using CustomerNeeds.Api.V1;
using Grpc.Core;
using HdrHistogram;

namespace CustomerNeeds.Benchmarks;

/// <summary>
/// StreamInteractions load: several streams, each writing items as long as fewer than the window
/// are unanswered and reading the answers (which come in request order) concurrently. An item's
/// latency is from its write to its answer. Items answered inside the window count: RESULT_CREATED
/// and RESULT_DUPLICATE as successes, RESULT_ERROR as errors.
/// </summary>
public static class StreamLoad
{
    /// <summary>The item for stream <c>stream</c>, its <c>sequence</c>-th.</summary>
    public delegate StreamInteractionsRequest Item(int stream, long sequence);

    /// <summary>Thrown when the server does not implement StreamInteractions.</summary>
    public sealed class NotImplementedByServerException(string message) : Exception(message);

    public static async Task<LoadMeasurement> RunAsync(ServerConnection server, int streams, int window, TimeSpan warmup, TimeSpan duration, CpuMeter meter, Item item)
    {
        var measurement = new MeasurementWindow(warmup, duration, meter);
        var results = await Task.WhenAll(Enumerable.Range(0, streams).Select(s => Task.Run(() => StreamAsync(server, s, window, measurement, item))));
        if (results.FirstOrDefault(r => r.Unimplemented is not null) is { } unimplemented)
        {
            throw new NotImplementedByServerException(unimplemented.Unimplemented!);
        }

        var latency = LoadMeasurement.NewHistogram();
        foreach (var r in results)
        {
            latency.Add(r.Latency);
        }

        return new LoadMeasurement(
            results.Sum(r => r.Completed),
            results.Sum(r => r.Errors),
            results.Sum(r => r.TotalSucceeded),
            measurement.Seconds,
            latency,
            await measurement.CpuAsync(),
            results.Select(r => r.FirstError).FirstOrDefault(e => e is not null));
    }

    private sealed record StreamResult(long Completed, long Errors, long TotalSucceeded, HistogramBase Latency, string? FirstError, string? Unimplemented);

    private static async Task<StreamResult> StreamAsync(ServerConnection server, int stream, int windowSize, MeasurementWindow window, Item item)
    {
        var latency = LoadMeasurement.NewHistogram();
        long completed = 0, errors = 0, succeeded = 0;
        string? firstError = null;
        var sentAt = new ConcurrentQueue<long>();
        using var slots = new SemaphoreSlim(windowSize);
        using var stop = new CancellationTokenSource();
        using var call = server.Interactions[stream % server.Count].StreamInteractions();

        async Task WriteAsync()
        {
            try
            {
                for (long sequence = 0; !window.IsOver; sequence++)
                {
                    await slots.WaitAsync(stop.Token);
                    var request = item(stream, sequence);
                    sentAt.Enqueue(Stopwatch.GetTimestamp());
                    await call.RequestStream.WriteAsync(request, stop.Token);
                }

                await call.RequestStream.CompleteAsync();
            }
            catch (OperationCanceledException)
            {
            }
            catch (RpcException)
            {
                // The call ended; the reader reports why.
            }
            catch (InvalidOperationException)
            {
                // Writing after the call completed; the reader reports why.
            }
        }

        var writer = Task.Run(WriteAsync);
        try
        {
            while (await call.ResponseStream.MoveNext(CancellationToken.None))
            {
                var response = call.ResponseStream.Current;
                var ended = Stopwatch.GetTimestamp();
                sentAt.TryDequeue(out var started);
                slots.Release();
                var ok = response.Result is StreamInteractionsResponse.Types.Result.Created or StreamInteractionsResponse.Types.Result.Duplicate;
                succeeded += ok ? 1 : 0;
                if (!ok)
                {
                    firstError ??= response.Error is { } e ? $"{(StatusCode)e.Code}: {e.Message}" : response.Result.ToString();
                }

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
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.Unimplemented)
        {
            await stop.CancelAsync();
            await writer;
            return new StreamResult(0, 0, 0, latency, null, $"{ex.StatusCode}: {ex.Status.Detail}");
        }
        catch (RpcException ex)
        {
            firstError ??= $"stream ended: {ex.StatusCode}: {ex.Status.Detail}";
            errors++;
        }

        await stop.CancelAsync();
        await writer;
        return new StreamResult(completed, errors, succeeded, latency, firstError, null);
    }
}
