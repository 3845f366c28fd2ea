namespace CustomerNeeds.Benchmarks;

/// <summary>One row of the results table.</summary>
/// <param name="Number">The scenario's number in the issue (1-9), with a letter for its variants.</param>
/// <param name="Key">The <c>--only</c> key.</param>
/// <param name="Name">What ran.</param>
/// <param name="Load">What the load measured; null when the scenario has no load figures (memory) or did not run.</param>
/// <param name="InteractionsPerCommit">Interactions per committing transaction (see <see cref="PostgresProbe"/>); null when not relevant or not measured.</param>
/// <param name="Notes">Anything the reader needs: the rate, the commit measure, why a figure is missing.</param>
public sealed record ScenarioResult(string Number, string Key, string Name, LoadMeasurement? Load, double? InteractionsPerCommit, string Notes)
{
    /// <summary>Bytes per active customer (memory scenario only).</summary>
    public double? BytesPerCustomer { get; init; }

    /// <summary>The memory scenario's census of the server heap (largest types first), when asked for.</summary>
    public IReadOnlyList<HeapTypeTotal> HeapCensus { get; init; } = [];
}
