namespace CustomerNeeds.Server.Hosting;

/// <summary>
/// Where the server is in its stop (docs/clustering.md, "Stopping a server"): draining (readiness
/// NOT_SERVING, still serving) and then closing, when long-lived streams are ended so that
/// Kestrel's wait for the calls in flight can finish.
/// </summary>
public sealed class ServerDrain : IDisposable
{
    private readonly CancellationTokenSource closing = new();
    private volatile bool draining;

    /// <summary>True from the first moment of the stop: readiness answers NOT_SERVING.</summary>
    public bool IsDraining => draining;

    /// <summary>Cancelled when the server stops accepting calls: open watch streams end then.</summary>
    public CancellationToken Closing => closing.Token;

    /// <summary>Starts the drain.</summary>
    public void BeginDrain() => draining = true;

    /// <summary>Ends the drain: the server closes.</summary>
    public void Close()
    {
        draining = true;
        closing.Cancel();
    }

    public void Dispose() => closing.Dispose();
}
