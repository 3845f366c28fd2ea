using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Grpc.Core;

namespace CustomerNeeds.Api.Tests.Security;

/// <summary>Calls per method and per status code, and the findings, of one fuzz run.</summary>
public sealed class FuzzSummary
{
    private const int KeptFindings = 50;
    private readonly ConcurrentDictionary<(string Method, StatusCode Code), int> calls = new();
    private readonly ConcurrentQueue<string> findings = new();
    private int findingCount;

    public int Calls => calls.Values.Sum();

    public int FindingCount => findingCount;

    public IReadOnlyCollection<string> Findings => findings;

    public IEnumerable<string> MethodsCalled => calls.Keys.Select(k => k.Method).Distinct();

    public void Add(FuzzMethod method, FuzzOutcome outcome, IReadOnlyList<byte[]> payloads)
    {
        calls.AddOrUpdate((method.FullName, outcome.Code), 1, (_, n) => n + 1);
        if (outcome.Finding() is { } finding && Interlocked.Increment(ref findingCount) <= KeptFindings)
        {
            var shown = string.Join(" | ", payloads.Select(p => Convert.ToHexString(p.AsSpan(0, Math.Min(p.Length, 256)))));
            findings.Enqueue($"{method.FullName}: {finding}\n    payload: {shown}");
        }
    }

    public string Report(TimeSpan elapsed)
    {
        var text = new StringBuilder();
        var total = Calls;
        text.AppendLine(CultureInfo.InvariantCulture, $"fuzz: {total} calls in {elapsed.TotalSeconds:F0} s ({total / Math.Max(elapsed.TotalSeconds, 1):F0} calls/s), {findingCount} findings");
        text.AppendLine("by status: " + Codes(calls));
        foreach (var method in calls.GroupBy(c => c.Key.Method).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {method.Key}: {method.Sum(c => c.Value)} ({Codes(method)})");
        }

        return text.ToString();
    }

    private static string Codes(IEnumerable<KeyValuePair<(string Method, StatusCode Code), int>> entries) =>
        string.Join(", ", entries.GroupBy(c => c.Key.Code).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Sum(c => c.Value).ToString(CultureInfo.InvariantCulture)}"));
}
