namespace CustomerNeeds.Storage;

/// <summary>The in-memory storage is always reachable.</summary>
public sealed class InMemoryStorageProbe : IStorageProbe
{
    /// <inheritdoc />
    public Task<bool> IsReachableAsync(CancellationToken cancellationToken) => Task.FromResult(true);
}
