namespace CustomerNeeds.Server.Privacy;

/// <summary>What one run of the retention sweep did.</summary>
/// <param name="Ran">False when another server held the sweep lock (nothing was done).</param>
/// <param name="Customers">Customers handled.</param>
/// <param name="Rows">Interaction rows anonymised.</param>
/// <param name="Failed">Customers whose anonymisation failed (they are found again next run).</param>
/// <param name="Complete">False when the run stopped at its bound with more customers left.</param>
public sealed record RetentionSweepRun(bool Ran, int Customers, int Rows, int Failed, bool Complete)
{
    public static RetentionSweepRun Skipped { get; } = new(false, 0, 0, 0, true);
}
