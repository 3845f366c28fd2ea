using CustomerNeeds.Cluster.Tests.Loopback;
using Grpc.Core;
using Xunit.Abstractions;

namespace CustomerNeeds.Cluster.Tests.Faults;

/// <summary>
/// PostgreSQL stopped for 30 s (CUSTOMERNEEDS_FAULT_POSTGRES_OUTAGE) under load: no write is acknowledged
/// while it is down (a write is acknowledged only after its commit), the servers keep running, and once it
/// is back the same processes serve writes again, health turns SERVING, and nothing acknowledged is lost.
/// </summary>
[Trait("Category", "Fault")]
public sealed class PostgresOutageTests(ITestOutputHelper output)
{
    private const int Writers = 32;
    private static readonly TimeSpan RecoveryBound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Postgres_stopped_for_30_s_under_load_answers_no_OK_and_recovers_without_a_restart()
    {
        var outage = FaultScale.PostgresOutage;
        await using var cluster = await LoopbackCluster.StartAsync();
        var customers = await CustomerSet.CreateAsync(cluster.Customers, "outage", 100);
        var processIds = cluster.Servers.Select(s => s.ProcessId).ToList();
        var recorder = new RetryingRecorder(cluster.Interactions, new AckLedger());
        var ledger = recorder.Ledger;
        var load = ContinuousLoad.Start(recorder, customers, Writers, outage + TimeSpan.FromSeconds(90), "outage");
        await ContinuousLoad.WaitUntilAsync(() => ledger.AcknowledgedCount >= 500, TimeSpan.FromSeconds(60), "500 writes before the outage");

        await cluster.Postgres.StopAsync();
        var stopped = ledger.Now;
        await Task.Delay(outage);
        var healthDuringOutage = await cluster.AllServingAsync();
        var started = ledger.Now;
        await cluster.Postgres.StartAgainAsync();
        var up = ledger.Now;

        await ContinuousLoad.WaitUntilAsync(
            () => ledger.Attempts.Any(a => a.Code == StatusCode.OK && a.Started >= started),
            TimeSpan.FromSeconds(120), "a write sent after the start acknowledged");
        var firstOk = ledger.Attempts.Where(a => a.Code == StatusCode.OK && a.Started >= started).Min(a => a.Completed);
        var healthWatch = System.Diagnostics.Stopwatch.StartNew();
        while (!await cluster.AllServingAsync() && healthWatch.Elapsed < TimeSpan.FromSeconds(120))
        {
            await Task.Delay(200);
        }

        var serving = ledger.Now;
        var acksAfter = ledger.AcknowledgedCount + 500;
        await ContinuousLoad.WaitUntilAsync(() => ledger.AcknowledgedCount >= acksAfter, TimeSpan.FromSeconds(60), "500 writes after the outage");
        await load.StopAsync();

        var okWhileDown = ledger.Attempts.Where(a => a.Code == StatusCode.OK && a.Started > stopped && a.Completed < started).ToList();
        var stored = await StoredInteractions.CountAsync(cluster.DataSource);
        var lost = ledger.Acknowledged.Where(a => !stored.ContainsKey((a.Value, a.Key))).Select(a => a.Key).ToList();
        var duplicated = stored.Where(s => s.Value > 1).Select(s => s.Key.InteractionId).ToList();
        FaultFigures.Report(output, "postgres-outage",
            ("outage", started - stopped),
            ("writes", load.Started),
            ("attempts", ledger.Attempts.Count),
            ("acked", ledger.AcknowledgedCount),
            ("okAfterChannelRetry", ledger.ChannelRetried),
            ("attemptsDuringOutageByCode", ledger.CodeCounts(a => a.Completed > stopped && a.Completed < started)),
            ("attemptsByCode", ledger.CodeCounts()),
            ("okWhileDown", okWhileDown.Count),
            ("finalErrors", ledger.Failed.Count == 0 ? "none" : string.Join(", ", ledger.Failed.GroupBy(f => f.Value).Select(g => $"{g.Key}={g.Count()}"))),
            ("lost", lost.Count),
            ("duplicates", duplicated.Count),
            ("postgresStartCommand", up - started),
            ("firstWriteOkAfterStart", firstOk - started),
            ("allServingAfterStart", serving - started),
            ("servingDuringOutage", healthDuringOutage));

        Assert.True(okWhileDown.Count == 0, "Acknowledged while PostgreSQL was down: " + string.Join(", ", okWhileDown.Take(20).Select(a => a.InteractionId)));
        Assert.False(healthDuringOutage, "Every server answered SERVING while PostgreSQL was down.");
        Assert.Equal(processIds, cluster.Servers.Select(s => s.ProcessId).ToList());
        Assert.True(await cluster.AllServingAsync(), "Not every server is SERVING after PostgreSQL came back.\n" + cluster.Output);
        Assert.True(firstOk - started < RecoveryBound, $"The first write after the start took {(firstOk - started).TotalSeconds:0.0} s.");
        Assert.True(serving - started < RecoveryBound, $"SERVING again after {(serving - started).TotalSeconds:0.0} s.");
        Assert.True(ledger.Failed.Count == 0, "Writes given up: " + string.Join(", ", ledger.Failed.Take(20).Select(f => $"{f.Key}={f.Value}")) + "\n" + cluster.Output);
        Assert.True(lost.Count == 0, "Acknowledged but not stored: " + string.Join(", ", lost.Take(20)));
        Assert.True(duplicated.Count == 0, "Stored more than once: " + string.Join(", ", duplicated.Take(20)));
        Assert.Equal(ledger.AcknowledgedCount, stored.Count);
    }
}
