using System.Collections.Concurrent;
using System.Diagnostics;
using Grpc.Core;

namespace CustomerNeeds.Cluster.Tests.Loopback;

/// <summary>
/// What the writers of a fault test saw: every attempt with its times and code, the interactions
/// acknowledged OK (the promise the service made), and the ones that ended with a final failure.
/// Times are on one monotonic clock started with the ledger.
/// </summary>
public sealed class AckLedger
{
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly ConcurrentQueue<Attempt> attempts = new();
    private readonly ConcurrentDictionary<string, string> acknowledged = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, StatusCode> failed = new(StringComparer.Ordinal);

    /// <summary>The ledger's clock.</summary>
    public TimeSpan Now => clock.Elapsed;

    /// <summary>Every attempt so far.</summary>
    public IReadOnlyCollection<Attempt> Attempts => attempts;

    /// <summary>Interaction id to customer id of every interaction acknowledged OK.</summary>
    public IReadOnlyDictionary<string, string> Acknowledged => acknowledged;

    /// <summary>Interaction id to the code it ended with, for interactions given up (not retryable, or past the deadline).</summary>
    public IReadOnlyDictionary<string, StatusCode> Failed => failed;

    private int channelRetried;

    /// <summary>OK answers that the channel got only on a retry of its own (header grpc-previous-rpc-attempts).</summary>
    public int ChannelRetried => Volatile.Read(ref channelRetried);

    /// <summary>Counts an OK that took the channel more than one attempt.</summary>
    public void CountChannelRetry() => Interlocked.Increment(ref channelRetried);

    /// <summary>The number of interactions acknowledged so far.</summary>
    public int AcknowledgedCount => acknowledged.Count;

    /// <summary>Records an attempt; an OK also acknowledges the interaction.</summary>
    public void Record(Attempt attempt)
    {
        attempts.Enqueue(attempt);
        if (attempt.Code == StatusCode.OK)
        {
            acknowledged[attempt.InteractionId] = attempt.CustomerId;
        }
    }

    /// <summary>Records that the writer gave up on an interaction with <paramref name="code"/>.</summary>
    public void GiveUp(string interactionId, StatusCode code) => failed[interactionId] = code;

    /// <summary>Attempts by final code, e.g. "OK=9800, UNAVAILABLE=12".</summary>
    public string CodeCounts(Func<Attempt, bool>? which = null) => string.Join(", ", attempts
        .Where(which ?? (_ => true))
        .GroupBy(a => a.Code)
        .OrderBy(g => g.Key)
        .Select(g => $"{g.Key}={g.Count()}"));

    /// <summary>The longest time without an OK answer between <paramref name="from"/> and the last OK (the gap before the first OK counts).</summary>
    public TimeSpan LongestGapBetweenOks(TimeSpan from)
    {
        var oks = attempts.Where(a => a.Code == StatusCode.OK && a.Completed >= from).Select(a => a.Completed).Order().ToList();
        var longest = TimeSpan.Zero;
        var previous = from;
        foreach (var ok in oks)
        {
            longest = ok - previous > longest ? ok - previous : longest;
            previous = ok;
        }

        return longest;
    }
}
