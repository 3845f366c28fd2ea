using CustomerNeeds.Cluster.Tests.Loopback;
using Grpc.Core;
using Xunit.Abstractions;

namespace CustomerNeeds.Cluster.Tests.Faults;

/// <summary>
/// A rolling restart under load: each of the three servers in turn gets SIGTERM (drain 2 s: NOT_SERVING
/// while still serving, then in-flight calls finish and the silo leaves), starts again and is SERVING
/// before the next one goes. Writers record all the while; every code they see is one the retry policy
/// resends, and nothing acknowledged is lost.
/// </summary>
[Trait("Category", "Fault")]
public sealed class RollingRestartTests(ITestOutputHelper output)
{
    private const int Writers = 64;
    private static readonly StatusCode[] RetryableForRecord = [StatusCode.Unavailable, StatusCode.Aborted, StatusCode.ResourceExhausted];

    [Fact]
    public async Task Rolling_restart_of_all_three_servers_under_load_loses_nothing_and_shows_only_retryable_errors()
    {
        await using var cluster = await LoopbackCluster.StartAsync(settings: new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["CustomerNeeds__Shutdown__DrainDelay"] = "00:00:02",
        });
        var customers = await CustomerSet.CreateAsync(cluster.Customers, "roll", 100);
        var recorder = new RetryingRecorder(cluster.Interactions, new AckLedger());
        var ledger = recorder.Ledger;
        var load = ContinuousLoad.Start(recorder, customers, Writers, TimeSpan.FromSeconds(90), "roll");
        await ContinuousLoad.WaitUntilAsync(() => ledger.AcknowledgedCount >= 500, TimeSpan.FromSeconds(60), "500 writes before the restart");

        var restartBegan = ledger.Now;
        var steps = new List<string>();
        foreach (var (server, index) in cluster.Servers.Select((s, i) => (s, i + 1)))
        {
            var before = ledger.Now;
            await server.StopAsync();
            var stopped = ledger.Now;
            Assert.Equal(0, server.LastExitCode);
            await server.RestartAsync();
            steps.Add($"server{index}: stop {(stopped - before).TotalSeconds:0.0} s, start {(ledger.Now - stopped).TotalSeconds:0.0} s");
            await Task.Delay(FaultScale.Scaled(TimeSpan.FromSeconds(1)));
        }

        var restartEnded = ledger.Now;
        var acksAfterRestart = ledger.AcknowledgedCount + 500;
        await ContinuousLoad.WaitUntilAsync(() => ledger.AcknowledgedCount >= acksAfterRestart, TimeSpan.FromSeconds(60), "500 writes after the restart");
        await load.StopAsync();

        var stored = await StoredInteractions.CountAsync(cluster.DataSource);
        var lost = ledger.Acknowledged.Where(a => !stored.ContainsKey((a.Value, a.Key))).Select(a => a.Key).ToList();
        var duplicated = stored.Where(s => s.Value > 1).Select(s => s.Key.InteractionId).ToList();
        var unexpected = ledger.Attempts.Where(a => a.Code != StatusCode.OK && !RetryableForRecord.Contains(a.Code)).ToList();
        var during = (Func<Attempt, bool>)(a => a.Completed >= restartBegan && a.Completed <= restartEnded);
        FaultFigures.Report(output, "rolling-restart",
            ("writes", load.Started),
            ("attempts", ledger.Attempts.Count),
            ("acked", ledger.AcknowledgedCount),
            ("okAfterChannelRetry", ledger.ChannelRetried),
            ("attemptsByCode", ledger.CodeCounts()),
            ("attemptsDuringRestartByCode", ledger.CodeCounts(during)),
            ("finalErrors", ledger.Failed.Count),
            ("lost", lost.Count),
            ("duplicates", duplicated.Count),
            ("restartSeconds", restartEnded - restartBegan),
            ("longestGapDuringRestart", ledger.LongestGapBetweenOks(restartBegan)),
            ("steps", string.Join("; ", steps)));

        Assert.True(unexpected.Count == 0, "Codes outside the retryable set: " + string.Join(", ", unexpected.Take(20).Select(a => $"{a.InteractionId}={a.Code} ({a.Detail})")) + "\n" + cluster.Output);
        Assert.True(ledger.Failed.Count == 0, "Writes given up: " + string.Join(", ", ledger.Failed.Take(20).Select(f => $"{f.Key}={f.Value}")));
        Assert.True(lost.Count == 0, "Acknowledged but not stored: " + string.Join(", ", lost.Take(20)));
        Assert.True(duplicated.Count == 0, "Stored more than once: " + string.Join(", ", duplicated.Take(20)));
        Assert.Equal(ledger.AcknowledgedCount, stored.Count);
    }
}
