namespace CustomerNeeds.Benchmarks;

/// <summary>CPU seconds spent during a window; NaN where not measured.</summary>
/// <param name="ServerSeconds">utime + stime of the server process.</param>
/// <param name="PostgresSeconds">utime + stime of the PostgreSQL postmaster and its children.</param>
/// <param name="MachineSeconds">Busy time of all cores (/proc/stat: everything but idle and iowait), every process on the machine.</param>
/// <param name="GeneratorSeconds">utime + stime of this load generator.</param>
public sealed record CpuUsage(double ServerSeconds, double PostgresSeconds, double MachineSeconds, double GeneratorSeconds)
{
    /// <summary>Nothing measured.</summary>
    public static CpuUsage None { get; } = new(double.NaN, double.NaN, double.NaN, double.NaN);

    /// <summary>CPU seconds per 1,000 requests of a figure.</summary>
    public static double Per1000(double seconds, long requests) => requests == 0 ? double.NaN : seconds / requests * 1000.0;
}
