namespace CustomerNeeds.Server.Benchmarking;

/// <summary>Wires the benchmark-only service into the server when configuration asks for it.</summary>
public static class BenchmarkEndpoints
{
    /// <summary>
    /// Maps <see cref="BenchmarkApi"/> when <c>CustomerNeeds:Benchmark:Enabled</c> is true; otherwise
    /// maps nothing, so its methods answer UNIMPLEMENTED like any unknown method.
    /// </summary>
    public static WebApplication MapBenchmarkServiceWhenEnabled(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.Configuration.GetSection(BenchmarkOptions.Section).Get<BenchmarkOptions>() ?? new BenchmarkOptions();
        if (options.Enabled)
        {
            app.MapGrpcService<BenchmarkApi>();
            app.Logger.LogWarning("The benchmark-only service customerneeds.benchmark.v1.BenchmarkService is enabled (CustomerNeeds:Benchmark:Enabled).");
        }

        return app;
    }
}
