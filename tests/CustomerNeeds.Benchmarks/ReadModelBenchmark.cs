using System.Diagnostics;
using System.Globalization;
using System.Text;
using CustomerNeeds.Api.V1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Net.Client;

namespace CustomerNeeds.Benchmarks;

/// <summary>
/// The query-side benchmark (docs/benchmarks.md, "Read model at scale"): against a server over a
/// seeded database, times ListCustomers for a set of indexed filters (first pages and the pages
/// after them, one call at a time) and GetKpis for a 30-day window (whole population, per channel,
/// one segment). Prints a markdown table with p50 / p99 / max per query and the targets.
/// </summary>
public static class ReadModelBenchmark
{
    /// <summary>The targets of the issue: ListCustomers p99 and GetKpis (30 days) per call.</summary>
    private static readonly TimeSpan ListTarget = TimeSpan.FromMilliseconds(100);

    private static readonly TimeSpan KpiTarget = TimeSpan.FromSeconds(1);

    /// <summary>Runs the benchmark; arguments: --address URL [--runs N] [--kpi-runs N] [--output FILE].</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var address = new Uri("http://127.0.0.1:5080");
        var runs = 100;
        var kpiRuns = 10;
        var output = "";
        var header = new List<string>();
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--address": address = new Uri(args[i + 1]); break;
                case "--runs": runs = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--kpi-runs": kpiRuns = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--output": output = args[i + 1]; break;
                case "--note": header.Add("- " + args[i + 1]); break;
                default: throw new ArgumentException($"unknown option {args[i]}");
            }
        }

        using var channel = BenchmarkChannel.Create(address, new SocketsHttpHandler());
        var customers = new CustomerService.CustomerServiceClient(channel);
        var analytics = new AnalyticsService.AnalyticsServiceClient(channel);
        var segments = new SegmentService.SegmentServiceClient(channel);
        var now = DateTimeOffset.UtcNow;
        var halfYearAgo = now.AddDays(-180).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var queries = new (string Filter, string OrderBy)[]
        {
            ("loyalty.tier = silver", ""),
            ("loyalty.churn_risk_score >= 0.5", ""),
            ("loyalty.churn_risk_level = HIGH", "loyalty.churn_risk_score desc"),
            ("open_complaint_count > 0", ""),
            ("tags:\"vip\"", ""),
            ("region = \"CH-ZH\" AND kind = EXTERNAL", ""),
            ("satisfaction.csat_mean < 3", "satisfaction.csat_mean"),
            ("satisfaction.nps_category = DETRACTOR", ""),
            ("loyalty.ladder_stage >= SUPPORTER", "last_interaction_time desc"),
            ($"last_interaction_time < \"{halfYearAgo}\"", ""),
            ("attributes.segment_code = \"S7\"", ""),
            ("needs.type = LATENT AND needs.status = PLANNED", ""),
            ("needs.title:\"delivery\"", ""),
            ("value_types:BRAND AND loyalty.tier >= silver", ""),
        };

        var rows = new List<string>
        {
            "| Query | filter | order_by | calls | rows on first page | p50 | p99 | max | target p99 < 100 ms |",
            "|---|---|---|---:|---:|---:|---:|---:|---|",
        };
        var listMisses = 0;
        var n = 0;
        foreach (var (filter, orderBy) in queries)
        {
            n++;
            var (times, firstPage) = await TimeListAsync(customers, filter, orderBy, runs);
            var p99 = Percentile(times, 0.99);
            listMisses += p99 <= ListTarget ? 0 : 1;
            rows.Add(string.Create(CultureInfo.InvariantCulture,
                $"| L{n} | `{filter}` | `{orderBy}` | {times.Count} | {firstPage} | {Ms(Percentile(times, 0.5))} | {Ms(p99)} | {Ms(times.Max())} | {(p99 <= ListTarget ? "pass" : "MISS")} |"));
            Console.Error.WriteLine(rows[^1]);
        }

        var totals = await TimeAsync(kpiRuns, () => customers.ListCustomersAsync(new ListCustomersRequest { Filter = "loyalty.tier = silver", PageSize = 50, IncludeTotalSize = true }).ResponseAsync);
        rows.Add(string.Create(CultureInfo.InvariantCulture,
            $"| L{n + 1} | `loyalty.tier = silver` with total_size | | {totals.Count} | 50 | {Ms(Percentile(totals, 0.5))} | {Ms(Percentile(totals, 0.99))} | {Ms(totals.Max())} | (no target: count of every match) |"));

        const string segmentId = "bench-vip";
        try
        {
            await segments.CreateSegmentAsync(new CreateSegmentRequest
            {
                SegmentId = segmentId,
                Segment = new Segment { DisplayName = "VIP customers", Filter = "tags:\"vip\"" },
            });
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.AlreadyExists)
        {
        }

        var window = (Start: Timestamp.FromDateTimeOffset(now.AddDays(-30)), End: Timestamp.FromDateTimeOffset(now));
        var kpiRows = new List<string>
        {
            "",
            "| GetKpis, 30-day window | calls | p50 | max | target < 1 s |",
            "|---|---:|---:|---:|---|",
        };
        var kpiMisses = 0;
        foreach (var (what, request) in new[]
        {
            ("whole population", new GetKpisRequest { StartTime = window.Start, EndTime = window.End }),
            ("whole population, per channel", new GetKpisRequest { StartTime = window.Start, EndTime = window.End, IncludeChannels = true }),
            ("segment tags:\"vip\", per channel", new GetKpisRequest { StartTime = window.Start, EndTime = window.End, IncludeChannels = true, Segment = "segments/" + segmentId }),
        })
        {
            List<TimeSpan> times;
            try
            {
                times = await TimeAsync(kpiRuns, () => analytics.GetKpisAsync(request).ResponseAsync);
            }
            catch (RpcException e)
            {
                kpiMisses++;
                kpiRows.Add($"| {what} | failed: {e.StatusCode} ({e.Status.Detail}) | | | MISS |");
                Console.Error.WriteLine(kpiRows[^1]);
                continue;
            }

            kpiMisses += times.Max() <= KpiTarget ? 0 : 1;
            kpiRows.Add(string.Create(CultureInfo.InvariantCulture,
                $"| {what} | {times.Count} | {Ms(Percentile(times, 0.5))} | {Ms(times.Max())} | {(times.Max() <= KpiTarget ? "pass" : "MISS")} |"));
            Console.Error.WriteLine(kpiRows[^1]);
        }

        var report = new StringBuilder();
        report.AppendLine(string.Create(CultureInfo.InvariantCulture, $"- Run: {now:yyyy-MM-dd HH:mm} UTC; machine: {MachineDescription.Describe()}"));
        header.ForEach(h => report.AppendLine(h));
        report.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"- ListCustomers: page_size 50, BASIC view, one call at a time; each query: 5 warm-up calls, then {runs} calls as runs of five pages (first page and the four after it)."));
        report.AppendLine();
        rows.ForEach(r => report.AppendLine(r));
        kpiRows.ForEach(r => report.AppendLine(r));
        report.AppendLine();
        report.AppendLine(string.Create(CultureInfo.InvariantCulture, $"Targets missed: ListCustomers {listMisses} of {queries.Length}, GetKpis {kpiMisses} of 3."));
        Console.WriteLine(report);
        if (output.Length > 0)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
            await File.WriteAllTextAsync(output, report.ToString());
        }

        return 0;
    }

    /// <summary>Times <paramref name="runs"/> ListCustomers calls: runs of five pages (the first and the four after it).</summary>
    private static async Task<(List<TimeSpan> Times, int FirstPage)> TimeListAsync(
        CustomerService.CustomerServiceClient client, string filter, string orderBy, int runs)
    {
        var first = 0;
        var times = new List<TimeSpan>(runs);
        for (var warm = 0; warm < 5; warm++)
        {
            first = (await client.ListCustomersAsync(new ListCustomersRequest { Filter = filter, OrderBy = orderBy, PageSize = 50 })).Customers.Count;
        }

        var token = "";
        for (var i = 0; i < runs; i++)
        {
            if (i % 5 == 0)
            {
                token = "";
            }

            var clock = Stopwatch.StartNew();
            var page = await client.ListCustomersAsync(new ListCustomersRequest { Filter = filter, OrderBy = orderBy, PageSize = 50, PageToken = token });
            times.Add(clock.Elapsed);
            token = page.NextPageToken;
        }

        return (times, first);
    }

    private static async Task<List<TimeSpan>> TimeAsync<T>(int runs, Func<Task<T>> call)
    {
        await call();
        var times = new List<TimeSpan>(runs);
        for (var i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            await call();
            times.Add(clock.Elapsed);
        }

        return times;
    }

    private static TimeSpan Percentile(List<TimeSpan> times, double p)
    {
        var sorted = times.OrderBy(t => t).ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
    }

    private static string Ms(TimeSpan t) => t.TotalMilliseconds.ToString("F1", CultureInfo.InvariantCulture) + " ms";
}
