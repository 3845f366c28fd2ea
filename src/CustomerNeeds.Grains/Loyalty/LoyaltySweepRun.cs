namespace CustomerNeeds.Grains.Loyalty;

/// <summary>What one sweep run did.</summary>
/// <param name="Ran">False when another server held the sweep lock (nothing was done).</param>
/// <param name="Reviewed">Customers whose grain was told to review.</param>
/// <param name="Changed">Reviews that wrote events.</param>
/// <param name="Events">Events written by all reviews.</param>
/// <param name="Deferred">Reviews that changed nothing and whose row was moved to its next instant.</param>
/// <param name="Failed">Reviews that failed (logged; the customer stays due).</param>
/// <param name="Complete">True when no due customer was left behind by the per-run bound.</param>
public sealed record LoyaltySweepRun(bool Ran, int Reviewed, int Changed, int Events, int Deferred, int Failed, bool Complete)
{
    /// <summary>A run that did not take the lock.</summary>
    public static LoyaltySweepRun Skipped { get; } = new(false, 0, 0, 0, 0, 0, false);
}
