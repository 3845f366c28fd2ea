namespace CustomerNeeds.Server.Benchmarking;

/// <summary>Settings of the benchmark-only service: section <c>CustomerNeeds:Benchmark</c>.</summary>
public sealed class BenchmarkOptions
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "CustomerNeeds:Benchmark";

    /// <summary>
    /// Serve <c>customerneeds.benchmark.v1.BenchmarkService</c> (env <c>CustomerNeeds__Benchmark__Enabled=true</c>).
    /// Off by default: a production server answers UNIMPLEMENTED to its methods.
    /// </summary>
    public bool Enabled { get; set; }
}
