using Microsoft.Diagnostics.Runtime;

namespace CustomerNeeds.Benchmarks;

/// <summary>
/// Counts the objects on another .NET process's heap by type (ClrMD attaches to the process and
/// suspends it while it walks the heap). Run it right after a full GC, so that only live objects
/// remain; objects not yet collected would be counted too.
/// </summary>
public static class HeapCensus
{
    public static IReadOnlyList<HeapTypeTotal> Take(int processId, int top)
    {
        using var target = DataTarget.AttachToProcess(processId, suspend: true);
        using var runtime = target.ClrVersions[0].CreateRuntime();
        var totals = new Dictionary<string, (long Objects, long Bytes)>(StringComparer.Ordinal);
        foreach (var item in runtime.Heap.EnumerateObjects())
        {
            if (!item.IsValid || item.IsFree)
            {
                continue;
            }

            var type = item.Type?.Name ?? "(unknown)";
            totals.TryGetValue(type, out var sum);
            totals[type] = (sum.Objects + 1, sum.Bytes + (long)item.Size);
        }

        var all = new HeapTypeTotal("(all types)", totals.Values.Sum(t => t.Objects), totals.Values.Sum(t => t.Bytes));
        return [all, .. totals
            .OrderByDescending(t => t.Value.Bytes)
            .Take(top)
            .Select(t => new HeapTypeTotal(t.Key, t.Value.Objects, t.Value.Bytes))];
    }
}
