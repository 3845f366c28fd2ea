using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using CustomerNeeds.Api.Tests.Infrastructure;
using CustomerNeeds.Api.V1;
using CustomerNeeds.Client;
using Grpc.Core;

namespace CustomerNeeds.Cluster.Tests.Infrastructure;

/// <summary>
/// Clients recording interactions as docs/client-retries.md tells them to: every call goes through the
/// client helper's channel (which retries UNAVAILABLE, ABORTED and RESOURCE_EXHAUSTED itself); a call
/// that still ends with a code the policy calls retryable, or DEADLINE_EXCEEDED (outcome unknown), is
/// sent again by the caller with the same interaction id after a jittered wait, until OK or
/// <see cref="GiveUpAfter"/>. Interaction n goes to customer n mod the customer count. Every call,
/// every acknowledged id and every id given up is kept for the checks.
/// </summary>
public sealed class WriteLoad(CustomerNeedsChannel channel, IReadOnlyList<string> customerIds, string prefix)
{
    private const string Method = "/customerneeds.v1.InteractionService/RecordInteraction";

    private readonly InteractionService.InteractionServiceClient client = new(channel.CallInvoker);
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private int next = -1;

    /// <summary>How long the caller keeps resending one interaction before it gives up (default 2 min).</summary>
    public TimeSpan GiveUpAfter { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>The load's clock (since it was made); call times are on it.</summary>
    public TimeSpan Now => clock.Elapsed;

    /// <summary>Every call, in the order they were answered.</summary>
    public ConcurrentQueue<CallAttempt> Attempts { get; } = new();

    /// <summary>Acknowledged (OK) interaction ids and their customer.</summary>
    public ConcurrentDictionary<string, string> Acknowledged { get; } = new(StringComparer.Ordinal);

    /// <summary>Every interaction id sent at least once, and its customer.</summary>
    public ConcurrentDictionary<string, string> Sent { get; } = new(StringComparer.Ordinal);

    /// <summary>Interactions the caller gave up on, with the last code.</summary>
    public ConcurrentDictionary<string, StatusCode> GaveUp { get; } = new(StringComparer.Ordinal);

    /// <summary>The first status detail seen for each error code (for failure messages and the figures).</summary>
    public ConcurrentDictionary<StatusCode, string> FirstDetail { get; } = new();

    /// <summary>Records <paramref name="count"/> interactions with at most <paramref name="inFlight"/> at once.</summary>
    public Task RunAsync(int count, int inFlight) =>
        Calls.ForAllAsync(count, inFlight, _ => RecordOneAsync());

    /// <summary>Records interactions with <paramref name="inFlight"/> writers until <paramref name="stop"/>; each writer finishes its current interaction.</summary>
    public Task RunUntilAsync(int inFlight, CancellationToken stop) =>
        Task.WhenAll(Enumerable.Range(0, inFlight).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await RecordOneAsync();
            }
        })));

    /// <summary>Waits until <paramref name="count"/> interactions are acknowledged in all (fails after <paramref name="timeout"/>).</summary>
    public async Task WaitAcknowledgedAsync(int count, TimeSpan timeout)
    {
        var deadline = clock.Elapsed + timeout;
        while (Acknowledged.Count < count)
        {
            if (clock.Elapsed > deadline)
            {
                throw new TimeoutException($"Only {Acknowledged.Count} of {count} interactions acknowledged within {timeout}. {Summary()}");
            }

            await Task.Delay(20);
        }
    }

    /// <summary>Calls that did not end OK, by code (each call after the channel's retries; the caller resent them).</summary>
    public SortedDictionary<string, int> ErrorsByCode() => new(
        Attempts.Where(a => a.Code != StatusCode.OK).GroupBy(a => a.Code.ToString()).ToDictionary(g => g.Key, g => g.Count()),
        StringComparer.Ordinal);

    /// <summary>Interactions given up, by last code.</summary>
    public SortedDictionary<string, int> GaveUpByCode() => new(
        GaveUp.Values.GroupBy(c => c.ToString()).ToDictionary(g => g.Key, g => g.Count()), StringComparer.Ordinal);

    /// <summary>The longest time between two consecutive OK answers within [from, to].</summary>
    public TimeSpan LongestGapBetweenOks(TimeSpan from, TimeSpan to)
    {
        var oks = Attempts.Where(a => a.Code == StatusCode.OK && a.Answered >= from && a.Answered <= to).Select(a => a.Answered).Order().ToList();
        var gap = TimeSpan.Zero;
        var previous = from;
        foreach (var at in oks.Append(to))
        {
            gap = at - previous > gap ? at - previous : gap;
            previous = at;
        }

        return gap;
    }

    /// <summary>One line of figures.</summary>
    public string Summary() => string.Create(CultureInfo.InvariantCulture,
        $"calls {Attempts.Count}, interactions sent {Sent.Count}, acknowledged {Acknowledged.Count}, replayed answers {Attempts.Count(a => a.Replayed)}, " +
        $"errors seen by the caller {Format(ErrorsByCode())}, given up {Format(GaveUpByCode())}") + Details();

    private string Details() =>
        FirstDetail.IsEmpty ? "" : " (first details: " + string.Join(" | ", FirstDetail.Select(d => d.Key + ": " + d.Value)) + ")";

    /// <summary>"CODE n, CODE n" or "none".</summary>
    public static string Format(IReadOnlyDictionary<string, int> counts) =>
        counts.Count == 0 ? "none" : string.Join(", ", counts.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Key} {c.Value}")));

    private async Task RecordOneAsync()
    {
        var n = Interlocked.Increment(ref next);
        var customerId = customerIds[n % customerIds.Count];
        var interactionId = prefix + "-" + n.ToString(CultureInfo.InvariantCulture);
        var request = new RecordInteractionRequest
        {
            Parent = TestData.CustomerName(customerId),
            Interaction = TestData.Inquiry(interactionId, TestData.AtMs(n)),
        };
        Sent[interactionId] = customerId;
        var firstSent = clock.Elapsed;
        for (var attempt = 0; ; attempt++)
        {
            var sent = clock.Elapsed;
            try
            {
                var response = await client.RecordInteractionAsync(request);
                Attempts.Enqueue(new CallAttempt(customerId, interactionId, sent, clock.Elapsed, StatusCode.OK, response.Replayed));
                Acknowledged[interactionId] = customerId;
                return;
            }
            catch (RpcException e)
            {
                Attempts.Enqueue(new CallAttempt(customerId, interactionId, sent, clock.Elapsed, e.StatusCode, false));
                FirstDetail.TryAdd(e.StatusCode, e.Status.Detail);
                var resend = CustomerNeedsRetryPolicy.IsRetryable(Method, e.StatusCode) || e.StatusCode == StatusCode.DeadlineExceeded;
                if (!resend || clock.Elapsed - firstSent > GiveUpAfter)
                {
                    GaveUp[interactionId] = e.StatusCode;
                    return;
                }

                // Full jitter, 0.25 s doubling up to 4 s.
                var cap = TimeSpan.FromMilliseconds(250 * Math.Pow(2, Math.Min(attempt, 4)));
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * cap.TotalMilliseconds));
            }
        }
    }
}
