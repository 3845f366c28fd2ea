namespace CustomerNeeds.Grains.Writes;

/// <summary>
/// A write reached a customer that is sealed into a merge target (docs/merge.md): it was decided on
/// nothing and wrote nothing. Never crosses the grain boundary: the grain sends the call to the target.
/// </summary>
internal sealed class MergedCustomerRedirect(string targetCustomerId)
    : Exception($"The customer was merged into '{targetCustomerId}'.")
{
    public string TargetCustomerId { get; } = targetCustomerId;
}
