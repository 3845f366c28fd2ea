using System.Globalization;
using CustomerNeeds.Api.Tests.Infrastructure;
using CustomerNeeds.Api.V1;
using CustomerNeeds.Cluster.Tests.Loopback;
using Grpc.Core;
using Xunit.Abstractions;

namespace CustomerNeeds.Cluster.Tests.Faults;

/// <summary>
/// SIGKILL of one of three servers while 10,000 RecordInteraction calls are under way: its customers
/// activate on the two others once it is declared dead, callers resend what failed retryably, and the log
/// holds every acknowledged interaction exactly once.
/// </summary>
[Trait("Category", "Fault")]
public sealed class ServerKillTests(ITestOutputHelper output)
{
    private const int Customers = 300;
    private const int InFlight = 256;
    private static readonly TimeSpan WriteDeadline = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan ServedAgainBound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Sigkill_of_one_server_during_10000_concurrent_writes_loses_and_duplicates_nothing()
    {
        var writes = FaultScale.Scaled(10_000);
        var killAfter = writes / 5;
        await using var cluster = await LoopbackCluster.StartAsync();
        var customers = Enumerable.Range(0, Customers).Select(i => "kill-" + i.ToString("000", CultureInfo.InvariantCulture)).ToArray();
        await Calls.ForAllAsync(customers.Length, 32, async i => await cluster.Customers.CreateCustomerAsync(
            new CreateCustomerRequest { CustomerId = customers[i], Customer = TestData.MinimalProfile() }));

        var recorder = new RetryingRecorder(cluster.Interactions, new AckLedger());
        var ledger = recorder.Ledger;
        var load = Calls.ForAllAsync(writes, InFlight, i => recorder.RecordUntilAcknowledgedAsync(
            customers[i % Customers],
            TestData.Inquiry("w-" + i.ToString(CultureInfo.InvariantCulture), TestData.AtMs(i)),
            DateTime.UtcNow + WriteDeadline));

        await ContinuousLoad.WaitUntilAsync(() => ledger.AcknowledgedCount >= killAfter || load.IsCompleted, TimeSpan.FromSeconds(120), "acknowledgements before the kill");
        var victim = cluster.Servers[1];
        var killedAt = ledger.Now;
        var ackedBeforeKill = ledger.AcknowledgedCount;
        await victim.KillAsync();
        await load;
        var loadEnded = ledger.Now;

        // Served again: the longest stretch without an OK after the kill, and the time until every
        // customer had an OK for a call sent after the kill.
        var gap = ledger.LongestGapBetweenOks(killedAt);
        var okAfterKill = ledger.Attempts.Where(a => a.Code == StatusCode.OK && a.Started >= killedAt)
            .GroupBy(a => a.CustomerId)
            .ToDictionary(g => g.Key, g => g.Min(a => a.Completed) - killedAt, StringComparer.Ordinal);
        var allCustomersServed = okAfterKill.Count == 0 ? TimeSpan.MaxValue : okAfterKill.Values.Max();

        var stored = await StoredInteractions.CountAsync(cluster.DataSource);
        var lost = ledger.Acknowledged.Where(a => !stored.ContainsKey((a.Value, a.Key))).Select(a => a.Key).ToList();
        var duplicated = stored.Where(s => s.Value > 1).Select(s => $"{s.Key.CustomerId}/{s.Key.InteractionId}x{s.Value}").ToList();

        var countMismatches = new List<string>();
        var readFailures = new List<string>();
        await Calls.ForAllAsync(customers.Length, 32, async i =>
        {
            try
            {
                var customer = await cluster.Customers.GetCustomerAsync(new GetCustomerRequest { Name = TestData.CustomerName(customers[i]) });
                var rows = stored.Count(s => s.Key.CustomerId == customers[i]);
                if (customer.Lifetime.InteractionCount != rows)
                {
                    lock (countMismatches)
                    {
                        countMismatches.Add($"{customers[i]}: interaction_count {customer.Lifetime.InteractionCount}, rows {rows}");
                    }
                }
            }
            catch (RpcException e)
            {
                lock (readFailures)
                {
                    readFailures.Add($"{customers[i]}: {e.StatusCode} {e.Status.Detail}");
                }
            }
        });

        FaultFigures.Report(output, "sigkill",
            ("writes", writes),
            ("attempts", ledger.Attempts.Count),
            ("acked", ledger.AcknowledgedCount),
            ("okAfterChannelRetry", ledger.ChannelRetried),
            ("ackedBeforeKill", ackedBeforeKill),
            ("attemptsByCode", ledger.CodeCounts()),
            ("finalErrors", ledger.Failed.Count == 0 ? "none" : string.Join(", ", ledger.Failed.GroupBy(f => f.Value).Select(g => $"{g.Key}={g.Count()}"))),
            ("storedRows", stored.Values.Sum()),
            ("lost", lost.Count),
            ("duplicates", duplicated.Count),
            ("longestGapAfterKill", gap),
            ("everyCustomerServedAfterKill", allCustomersServed),
            ("loadSeconds", loadEnded),
            ("killAt", killedAt));

        var context = $"\n{ledger.CodeCounts()}\n{cluster.Output}";
        Assert.True(ledger.Failed.Count == 0, "Writes given up: " + string.Join(", ", ledger.Failed.Take(20).Select(f => $"{f.Key}={f.Value}")) + context);
        Assert.True(lost.Count == 0, "Acknowledged but not stored: " + string.Join(", ", lost.Take(20)));
        Assert.True(duplicated.Count == 0, "Stored more than once: " + string.Join(", ", duplicated.Take(20)));
        Assert.Equal(writes, ledger.AcknowledgedCount);
        Assert.Equal(writes, stored.Count);
        Assert.Empty(readFailures);
        Assert.Empty(countMismatches);
        Assert.True(ackedBeforeKill < writes, "The load ended before the kill: nothing was exercised.");
        Assert.Equal(Customers, okAfterKill.Count);
        Assert.True(gap < ServedAgainBound, $"No OK for {gap.TotalSeconds:0.0} s after the kill.{context}");
        Assert.True(allCustomersServed < ServedAgainBound, $"Some customer had no OK for {allCustomersServed.TotalSeconds:0.0} s after the kill.{context}");
    }
}
