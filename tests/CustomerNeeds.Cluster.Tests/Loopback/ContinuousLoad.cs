using System.Globalization;
using CustomerNeeds.Api.Tests.Infrastructure;

namespace CustomerNeeds.Cluster.Tests.Loopback;

/// <summary>
/// Writers that record new interactions (ids "prefix-1", "prefix-2", ...) round the given customers until
/// stopped, each through <see cref="RetryingRecorder.RecordUntilAcknowledgedAsync"/>: a writer moves on to
/// its next interaction only once the current one is acknowledged or given up.
/// </summary>
public sealed class ContinuousLoad
{
    private readonly CancellationTokenSource stop = new();
    private readonly List<Task> writers;
    private int next;

    private ContinuousLoad(RetryingRecorder recorder, IReadOnlyList<string> customers, int writerCount, TimeSpan writeDeadline, string prefix)
    {
        writers = Enumerable.Range(0, writerCount).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var n = Interlocked.Increment(ref next);
                await recorder.RecordUntilAcknowledgedAsync(
                    customers[n % customers.Count],
                    TestData.Inquiry(prefix + "-" + n.ToString(CultureInfo.InvariantCulture), TestData.AtMs(n)),
                    DateTime.UtcNow + writeDeadline);
            }
        })).ToList();
    }

    /// <summary>The number of interactions the writers have started.</summary>
    public int Started => Volatile.Read(ref next);

    /// <summary>Starts <paramref name="writerCount"/> writers.</summary>
    public static ContinuousLoad Start(RetryingRecorder recorder, IReadOnlyList<string> customers, int writerCount, TimeSpan writeDeadline, string prefix) =>
        new(recorder, customers, writerCount, writeDeadline, prefix);

    /// <summary>Lets every writer finish its current interaction, then returns.</summary>
    public async Task StopAsync()
    {
        await stop.CancelAsync();
        await Task.WhenAll(writers);
        stop.Dispose();
    }

    /// <summary>Waits until <paramref name="condition"/> holds; fails the test after <paramref name="timeout"/>.</summary>
    public static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Not within {timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s: {what}.");
            await Task.Delay(10);
        }
    }
}
