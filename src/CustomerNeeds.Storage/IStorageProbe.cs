namespace CustomerNeeds.Storage;

/// <summary>Tells whether the storage answers now (for health checks).</summary>
public interface IStorageProbe
{
    /// <summary>True when the storage answered a trivial query within the probe's timeout.</summary>
    Task<bool> IsReachableAsync(CancellationToken cancellationToken);
}
