namespace CustomerNeeds.Server.Hosting;

/// <summary>How the server stops on SIGTERM (section <c>CustomerNeeds:Shutdown</c>; docs/clustering.md, "Stopping a server").</summary>
public sealed class ShutdownOptions
{
    /// <summary>The configuration section name.</summary>
    public const string Section = $"{ServerOptions.Section}:Shutdown";

    /// <summary>How long readiness reports NOT_SERVING while the server still serves, before it stops accepting calls.</summary>
    public TimeSpan DrainDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The bound of the whole stop: drain, calls in flight, the silo's leave with its snapshots.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
