using System.Diagnostics;
using System.Globalization;
using CustomerNeeds.Api.V1;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Bench = CustomerNeeds.Api.Benchmark.V1;

namespace CustomerNeeds.Benchmarks;

/// <summary>
/// Every scenario of docs/benchmarks.md, in one run against one server: seeds what the selected
/// scenarios need, then runs them one after the other and collects a <see cref="ScenarioResult"/> each.
/// </summary>
public sealed class BenchmarkSuite(BenchmarkSettings settings, ServerConnection server, PostgresProbe? postgres, TextWriter log)
{
    private readonly CpuMeter meter = new(settings.ServerPid, settings.PostgresPid);
    private readonly string tag = "b" + DateTime.UtcNow.ToString("MMddHHmmss", CultureInfo.InvariantCulture);
    private readonly List<ScenarioResult> results = [];
    private readonly Timestamp recentTime = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddHours(-1));
    private Seeder? seeder;

    /// <summary>The results so far, in run order.</summary>
    public IReadOnlyList<ScenarioResult> Results => results;

    /// <summary>True when interactions were seeded through StreamInteractions.</summary>
    public bool SeededByStream => seeder?.Streaming == true;

    /// <summary>Wall time of all seeding.</summary>
    public TimeSpan SeedingTime { get; private set; }

    public async Task RunAsync()
    {
        seeder = new Seeder(server, settings.SeedConcurrency, settings.Streams, settings.StreamWindow, log);
        await WaitReadyAsync();
        var warm = Ids("w", settings.Customers);
        var hot = $"{tag}-hot";
        var fresh = Ids("n", settings.HistoryCustomers);
        var history = Ids("h", settings.HistoryCustomers);

        var seeding = Stopwatch.StartNew();
        if (Any("get", "open", "record", "mixed", "stream"))
        {
            Step("seeding: customers");
            await seeder.CreateCustomersAsync("create customers", warm);
        }

        if (Any("hot"))
        {
            await seeder.CreateCustomersAsync("create hot customer", [hot]);
        }

        if (Any("history"))
        {
            Step("seeding: history customers");
            await seeder.CreateCustomersAsync("create new customers", fresh);
            await seeder.CreateCustomersAsync("create history customers", history);
            var historyStart = DateTimeOffset.UtcNow.AddDays(-20);
            await seeder.RecordInteractionsAsync("history interactions", history, settings.HistoryInteractions,
                (_, k) => Requests.Interaction("seed-" + k.ToString(CultureInfo.InvariantCulture), k, Timestamp.FromDateTimeOffset(historyStart.AddMinutes(k))));
        }

        SeedingTime = seeding.Elapsed;
        if (Any("get", "open", "mixed"))
        {
            await seeder.TouchCustomersAsync("warm customers (GetCustomer each)", warm);
        }

        var payload = ByteString.CopyFrom(Enumerable.Range(0, settings.EchoPayloadBytes).Select(i => (byte)('a' + (i % 26))).ToArray());
        var echoRequest = new Bench.EchoRequest { Payload = payload };
        ScenarioResult? get = null;

        if (Any("echo"))
        {
            await RunClosedAsync("1", "echo", "Echo (transport ceiling)", prefix: null,
                (c, _) => server.Benchmark[c % server.Count].EchoAsync(echoRequest).ResponseAsync);
        }

        if (Any("get", "open"))
        {
            get = await RunClosedAsync("2", "get", $"GetCustomer, warm, random over {warm.Count:N0}", prefix: null,
                (c, _) => server.Customers[c % server.Count].GetCustomerAsync(new GetCustomerRequest { Name = Requests.CustomerName(Pick(warm)) }).ResponseAsync);
        }

        if (Any("open") && get?.Load is { Completed: > 0 } max)
        {
            var rate = max.Throughput * settings.OpenLoopFraction;
            var note = string.Create(CultureInfo.InvariantCulture, $"open loop at {rate:F0}/s = {settings.OpenLoopFraction} x max GetCustomer");
            await RunOpenAsync("2b", "open", "GetCustomer, rate-limited", rate, note,
                n => server.Customers[(int)(n % server.Count)].GetCustomerAsync(new GetCustomerRequest { Name = Requests.CustomerName(Pick(warm)) }).ResponseAsync);
            await RunOpenAsync("1b", "open", "Echo, rate-limited", rate, note,
                n => server.Benchmark[(int)(n % server.Count)].EchoAsync(echoRequest).ResponseAsync);
        }

        if (Any("record"))
        {
            await RunClosedAsync("3", "record", $"RecordInteraction, durable, {settings.Concurrency} callers over {warm.Count:N0}", "record",
                (c, n) => server.Interactions[c % server.Count].RecordInteractionAsync(Requests.Record(Pick(warm), Requests.Inquiry(Id("record", c, n), recentTime))).ResponseAsync);
        }

        if (Any("hot"))
        {
            await RunClosedAsync("4", "hot", $"RecordInteraction, one hot customer, {settings.Concurrency} callers", "hot",
                (c, n) => server.Interactions[c % server.Count].RecordInteractionAsync(Requests.Record(hot, Requests.Inquiry(Id("hot", c, n), recentTime))).ResponseAsync);
        }

        if (Any("watch"))
        {
            await RunWatchedAsync();
        }

        if (Any("mixed"))
        {
            await RunClosedAsync("5", "mixed", "Mixed: 80% GetCustomer, 20% RecordInteraction", "mixed",
                (c, n) => Random.Shared.Next(100) < 20
                    ? server.Interactions[c % server.Count].RecordInteractionAsync(Requests.Record(Pick(warm), Requests.Inquiry(Id("mixed", c, n), recentTime))).ResponseAsync
                    : server.Customers[c % server.Count].GetCustomerAsync(new GetCustomerRequest { Name = Requests.CustomerName(Pick(warm)) }).ResponseAsync);
        }

        if (Any("naive"))
        {
            var naive = Ids("naive", settings.Customers);
            await RunClosedAsync("6", "naive", $"Naive baseline: whole state via ADO.NET grain storage, {settings.Concurrency} callers over {naive.Count:N0}", "naive",
                (c, n) => server.Benchmark[c % server.Count].RecordInteractionNaiveAsync(Requests.Record(Pick(naive), Requests.Inquiry(Id("naive", c, n), recentTime))).ResponseAsync,
                perCommitFromTransactions: true);
        }

        if (Any("history"))
        {
            await RunClosedAsync("7a", "history", $"RecordInteraction on {fresh.Count:N0} new customers", "hnew",
                (c, n) => server.Interactions[c % server.Count].RecordInteractionAsync(Requests.Record(Pick(fresh), Requests.Inquiry(Id("hnew", c, n), recentTime))).ResponseAsync);
            await RunClosedAsync("7b", "history", $"RecordInteraction on {history.Count:N0} customers with {settings.HistoryInteractions:N0} prior interactions", "hold",
                (c, n) => server.Interactions[c % server.Count].RecordInteractionAsync(Requests.Record(Pick(history), Requests.Inquiry(Id("hold", c, n), recentTime))).ResponseAsync);
        }

        if (Any("stream"))
        {
            await RunStreamAsync(warm);
        }

        if (Any("memory"))
        {
            await RunMemoryAsync();
        }
    }

    /// <summary>
    /// Scenario 4 again on customers of their own, watched by reading and by stalled watchers: the
    /// writers' figures beside scenario 4's show what watchers cost them (docs/watch.md).
    /// </summary>
    private async Task RunWatchedAsync()
    {
        var read = $"{tag}-watched";
        var stalled = $"{tag}-stalled";
        await seeder!.CreateCustomersAsync("create watched customers", [read, stalled]);
        await using (var watchers = await WatcherLoad.StartAsync(settings.Address, read, settings.Watchers, reading: true))
        {
            var result = await RunClosedAsync("4w", "watch", $"RecordInteraction, one hot customer watched by {settings.Watchers} reading watchers, {settings.Concurrency} callers", "watched",
                (c, n) => server.Interactions[c % server.Count].RecordInteractionAsync(Requests.Record(read, Requests.Inquiry(Id("watched", c, n), recentTime))).ResponseAsync);
            var note = string.Create(CultureInfo.InvariantCulture,
                $"the watchers received {watchers.Changes:N0} changes in all ({watchers.Changes / (double)settings.Watchers:N0} each, warm-up included), ended with RESOURCE_EXHAUSTED and resumed {watchers.CutOff:N0} times");
            log.WriteLine("  " + note);
            results[^1] = result with { Notes = Join(result.Notes, note) };
        }

        await using (await WatcherLoad.StartAsync(settings.Address, stalled, settings.Watchers, reading: false))
        {
            await RunClosedAsync("4s", "watch", $"RecordInteraction, one hot customer watched by {settings.Watchers} stalled watchers (read nothing after the first item), {settings.Concurrency} callers", "stalled",
                (c, n) => server.Interactions[c % server.Count].RecordInteractionAsync(Requests.Record(stalled, Requests.Inquiry(Id("stalled", c, n), recentTime))).ResponseAsync);
        }
    }

    /// <summary>Waits until Echo answers on every connection (the server is up and the benchmark service enabled).</summary>
    private async Task WaitReadyAsync()
    {
        var watch = Stopwatch.StartNew();
        for (var c = 0; c < server.Count; c++)
        {
            while (true)
            {
                try
                {
                    await server.Benchmark[c].EchoAsync(new Bench.EchoRequest(), deadline: DateTime.UtcNow.AddSeconds(5));
                    break;
                }
                catch (RpcException ex) when (ex.StatusCode == StatusCode.Unimplemented)
                {
                    throw new InvalidOperationException("The server does not serve customerneeds.benchmark.v1.BenchmarkService: start it with CustomerNeeds__Benchmark__Enabled=true.", ex);
                }
                catch (RpcException ex) when (watch.Elapsed < TimeSpan.FromSeconds(120))
                {
                    if (watch.Elapsed > TimeSpan.FromSeconds(10))
                    {
                        log.WriteLine($"  waiting for the server: {ex.StatusCode}");
                    }

                    await Task.Delay(500);
                }
            }
        }
    }

    private async Task<ScenarioResult> RunClosedAsync(string number, string key, string name, string? prefix, ClosedLoopLoad.Call call, bool perCommitFromTransactions = false)
    {
        Step($"scenario {number}: {name}");
        var xidBefore = postgres is null || prefix is null ? 0 : await postgres.CurrentTransactionIdAsync();
        var load = await ClosedLoopLoad.RunAsync(settings.Concurrency, settings.Warmup, settings.Duration, meter, call);
        return await FinishAsync(number, key, name, load, prefix, xidBefore, perCommitFromTransactions, "");
    }

    private async Task RunOpenAsync(string number, string key, string name, double rate, string note, OpenLoopLoad.Call call)
    {
        Step($"scenario {number}: {name} at {rate:F0}/s");
        var load = await OpenLoopLoad.RunAsync(rate, settings.Warmup, settings.Duration, meter, call);
        var skipped = load.Skipped > 0 ? $"; {load.Skipped:N0} calls not sent (over {OpenLoopLoad.MaxOutstanding:N0} in flight)" : "";
        await FinishAsync(number, key, name, load, prefix: null, 0, false, note + skipped);
    }

    private async Task RunStreamAsync(IReadOnlyList<string> warm)
    {
        const string name = "StreamInteractions";
        Step($"scenario 8: {name}, {settings.Streams} streams x window {settings.StreamWindow}");
        var xidBefore = postgres is null ? 0 : await postgres.CurrentTransactionIdAsync();
        try
        {
            var load = await StreamLoad.RunAsync(server, settings.Streams, settings.StreamWindow, settings.Warmup, settings.Duration, meter,
                (s, n) => new StreamInteractionsRequest { Parent = Requests.CustomerName(Pick(warm)), Interaction = Requests.Inquiry(Id("stream", s, n), recentTime) });
            await FinishAsync("8", "stream", $"{name}, {settings.Streams} streams x {settings.StreamWindow} in flight over {warm.Count:N0}", load, "stream", xidBefore, false, "");
        }
        catch (StreamLoad.NotImplementedByServerException ex)
        {
            log.WriteLine($"  not measured: the server answers {ex.Message}");
            results.Add(new ScenarioResult("8", "stream", name, null, null, "not measured: the server answers UNIMPLEMENTED (StreamInteractions not in this build)"));
        }
    }

    private async Task RunMemoryAsync()
    {
        var name = $"Memory: {settings.MemoryCustomers:N0} active customers ({settings.MemoryNeeds} needs, {settings.MemoryInteractions} interactions)";
        Step($"scenario 9: {name}");
        var client = server.Benchmark[0];
        var before = await client.GetMemoryAsync(new Bench.GetMemoryRequest());
        var customers = Ids("m", settings.MemoryCustomers);
        var watch = Stopwatch.StartNew();
        await seeder!.CreateCustomersAsync("memory customers", customers);
        await seeder.CreateNeedsAsync("memory needs", customers, settings.MemoryNeeds);
        var start = DateTimeOffset.UtcNow.AddDays(-400);
        await seeder.RecordInteractionsAsync("memory interactions", customers, settings.MemoryInteractions,
            (_, k) => Requests.Interaction("seed-" + k.ToString(CultureInfo.InvariantCulture), k, Timestamp.FromDateTimeOffset(start.AddDays(7 * k))));
        SeedingTime += watch.Elapsed;

        // Customers idle for longer than the grain collection age were deactivated meanwhile: read all once more.
        await seeder.TouchCustomersAsync("touch memory customers", customers);
        // Two full GCs 5 s apart: the first, right after the last write, still finds buffers of work
        // just finished (about 9 KB per customer of event JSON at 5,000 customers, gone 5 s later);
        // the second measures the state that stays.
        var first = await client.GetMemoryAsync(new Bench.GetMemoryRequest());
        await Task.Delay(TimeSpan.FromSeconds(5));
        var after = await client.GetMemoryAsync(new Bench.GetMemoryRequest());
        var active = after.ActiveCustomerGrains - before.ActiveCustomerGrains;
        var bytes = after.HeapSizeBytes - before.HeapSizeBytes;
        var perCustomer = active > 0 ? (double)bytes / active : double.NaN;
        var notes = string.Create(CultureInfo.InvariantCulture,
            $"{perCustomer:N0} bytes/customer = heap after full GC {Mib(after.HeapSizeBytes)} (a first full GC 5 s earlier: {Mib(first.HeapSizeBytes)}) - before {Mib(before.HeapSizeBytes)} over {active:N0} more active customer grains ({after.ActiveCustomerGrains:N0} active in all); working set {Mib(after.WorkingSetBytes)}; seeding took {watch.Elapsed.TotalSeconds:F0} s");
        log.WriteLine("  " + notes);
        IReadOnlyList<HeapTypeTotal> census = [];
        if (settings.HeapTypes > 0 && settings.ServerPid > 0)
        {
            log.WriteLine($"  heap census of the server (pid {settings.ServerPid})");
            census = HeapCensus.Take(settings.ServerPid, settings.HeapTypes);
        }

        results.Add(new ScenarioResult("9", "memory", name, null, null, notes) { BytesPerCustomer = perCustomer, HeapCensus = census });
    }

    private async Task<ScenarioResult> FinishAsync(string number, string key, string name, LoadMeasurement load, string? prefix, long xidBefore, bool perCommitFromTransactions, string notes)
    {
        double? perCommit = null;
        if (postgres is not null && prefix is not null)
        {
            // Both over the whole scenario, warm-up included.
            var transactions = await postgres.CurrentTransactionIdAsync() - xidBefore - 1;
            if (perCommitFromTransactions)
            {
                perCommit = transactions > 0 ? (double)load.TotalSucceeded / transactions : double.NaN;
                notes = Join(notes, string.Create(CultureInfo.InvariantCulture,
                    $"per commit from transaction ids: {load.TotalSucceeded:N0} acknowledged writes / {transactions:N0} write transactions"));
            }
            else
            {
                var (rows, commits) = await postgres.InteractionCommitsAsync(Id(prefix) + ".");
                perCommit = commits > 0 ? (double)rows / commits : double.NaN;
                notes = Join(notes, string.Create(CultureInfo.InvariantCulture,
                    $"{rows:N0} interaction rows inserted by {commits:N0} transactions (xmin); {transactions:N0} write transactions in all (snapshots included)"));
            }
        }

        if (load.Errors > 0)
        {
            notes = Join(notes, $"{load.Errors:N0} errors, first: {load.FirstError}");
        }

        var result = new ScenarioResult(number, key, name, load, perCommit, notes);
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {load.Throughput:F0}/s, p50 {load.LatencyMs(50):F2} ms, p99 {load.LatencyMs(99):F2} ms, errors {load.Errors}, server CPU {load.Cpu.ServerSeconds:F1} s, machine CPU {load.Cpu.MachineSeconds:F1} s{(perCommit is { } p ? $", {p:F2} interactions/commit" : "")}"));
        results.Add(result);
        return result;
    }

    private bool Any(params string[] keys) => keys.Any(settings.Runs);

    private List<string> Ids(string kind, int count) =>
        Enumerable.Range(0, count).Select(i => $"{tag}-{kind}{i.ToString(CultureInfo.InvariantCulture)}").ToList();

    private string Id(string prefix) => $"{tag}.{prefix}";

    private string Id(string prefix, int caller, long sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"{tag}.{prefix}.{caller}.{sequence}");

    private static string Pick(IReadOnlyList<string> ids) => ids[Random.Shared.Next(ids.Count)];

    private void Step(string text) => log.WriteLine($"[{DateTime.Now:HH:mm:ss}] {text}");

    private static string Join(string a, string b) => a.Length == 0 ? b : a + "; " + b;

    private static string Mib(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1048576.0:F1} MiB");
}
