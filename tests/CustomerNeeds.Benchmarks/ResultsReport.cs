using System.Globalization;
using System.Text;

namespace CustomerNeeds.Benchmarks;

/// <summary>The markdown results: one table of every scenario, then the target ratios with pass or miss.</summary>
public static class ResultsReport
{
    /// <summary>One target of the issue.</summary>
    /// <param name="Name">What is compared.</param>
    /// <param name="Measured">The measured ratio or figure; null when a side was not measured.</param>
    /// <param name="Bound">The bound.</param>
    /// <param name="AtLeast">True: the measured figure must be at least the target; false: at most.</param>
    /// <param name="Format">How to print the figure and the bound.</param>
    public sealed record Target(string Name, double? Measured, double Bound, bool AtLeast, string Format)
    {
        public string Verdict => Measured is { } m && !double.IsNaN(m) ? ((AtLeast ? m >= Bound : m <= Bound) ? "pass" : "**miss**") : "not measured";
    }

    public static string Render(IReadOnlyList<ScenarioResult> results, IEnumerable<string> header)
    {
        var md = new StringBuilder();
        md.AppendLine("## Results");
        md.AppendLine();
        foreach (var line in header)
        {
            md.AppendLine(line);
        }

        md.AppendLine();
        md.AppendLine("| # | Scenario | Throughput (req/s) | p50 (ms) | p95 (ms) | p99 (ms) | CPU s/1k server | CPU s/1k PostgreSQL | CPU s/1k machine | CPU s/1k load generator | Interactions/commit |");
        md.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            var l = r.Load;
            md.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Number} | {r.Name} | {F(l?.Throughput, "N0")} | {F(l?.LatencyMs(50), "F2")} | {F(l?.LatencyMs(95), "F2")} | {F(l?.LatencyMs(99), "F2")} | {F(Per1000(l, u => u.ServerSeconds), "F3")} | {F(Per1000(l, u => u.PostgresSeconds), "F3")} | {F(Per1000(l, u => u.MachineSeconds), "F3")} | {F(Per1000(l, u => u.GeneratorSeconds), "F3")} | {F(r.InteractionsPerCommit, "F2")} |"));
        }

        md.AppendLine();
        foreach (var r in results.Where(r => r.Notes.Length > 0))
        {
            md.AppendLine($"- {r.Number}: {r.Notes}");
        }

        foreach (var r in results.Where(r => r.HeapCensus.Count > 0))
        {
            md.AppendLine();
            md.AppendLine($"## Heap census after scenario {r.Number} (largest types, live objects after the full GC)");
            md.AppendLine();
            md.AppendLine("| Type | Objects | Bytes |");
            md.AppendLine("|---|---:|---:|");
            foreach (var t in r.HeapCensus)
            {
                md.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| `{t.Type}` | {t.Objects:N0} | {t.Bytes:N0} |"));
            }
        }

        md.AppendLine();
        md.AppendLine("## Targets (ratios inside this run)");
        md.AppendLine();
        md.AppendLine("| Target | Measured | Bound | Result |");
        md.AppendLine("|---|---:|---:|---|");
        foreach (var t in Targets(results))
        {
            md.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {t.Name} | {F(t.Measured, t.Format)} | {(t.AtLeast ? ">= " : "<= ")}{t.Bound.ToString(t.Format, CultureInfo.InvariantCulture)} | {t.Verdict} |"));
        }

        return md.ToString();
    }

    public static IReadOnlyList<Target> Targets(IReadOnlyList<ScenarioResult> results)
    {
        ScenarioResult? Row(string number) => results.FirstOrDefault(r => r.Number == number && r.Load is { Completed: > 0 });
        double? Throughput(string number) => Row(number)?.Load?.Throughput;
        double? Ratio(double? a, double? b) => a is { } x && b is { } y && y > 0 ? x / y : null;
        double? P99(string number) => Row(number)?.Load?.LatencyMs(99);

        return
        [
            new("Warm GetCustomer / Echo throughput (2 / 1)", Ratio(Throughput("2"), Throughput("1")), 0.85, true, "F2"),
            new("Durable RecordInteraction / Echo throughput (3 / 1)", Ratio(Throughput("3"), Throughput("1")), 0.5, true, "F2"),
            new("Durable RecordInteraction / naive baseline throughput (3 / 6)", Ratio(Throughput("3"), Throughput("6")), 10, true, "F1"),
            new("10,000-history customers / new customers throughput (7b / 7a)", Ratio(Throughput("7b"), Throughput("7a")), 0.9, true, "F2"),
            new("Interactions per commit at 256 callers (3)", Row("3")?.InteractionsPerCommit, 50, true, "F1"),
            new("StreamInteractions / unary RecordInteraction throughput (8 / 3)", Ratio(Throughput("8"), Throughput("3")), 3, true, "F2"),
            new("Memory per active customer, bytes (9)", results.FirstOrDefault(r => r.Number == "9")?.BytesPerCustomer, 16384, false, "N0"),
            new("GetCustomer p99 at half its max rate / Echo p99 at the same rate (2b / 1b)", Ratio(P99("2b"), P99("1b")), 2, false, "F2"),
        ];
    }

    private static double? Per1000(LoadMeasurement? load, Func<CpuUsage, double> seconds) =>
        load is null ? null : CpuUsage.Per1000(seconds(load.Cpu), load.Completed);

    private static string F(double? value, string format) =>
        value is { } v && !double.IsNaN(v) && !double.IsInfinity(v) ? v.ToString(format, CultureInfo.InvariantCulture) : "-";
}
