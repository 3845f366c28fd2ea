namespace CustomerNeeds.Grains.Loyalty;

/// <summary>The bounds of one loyalty sweep run (docs/loyalty-sweep.md).</summary>
/// <param name="BatchSize">Due rows read per query.</param>
/// <param name="Concurrency">Grain reviews in flight at once.</param>
/// <param name="MaxCustomersPerRun">Customers one run reviews at most; the rest stay due for the next run.</param>
public sealed record LoyaltySweepSettings(int BatchSize = 500, int Concurrency = 16, int MaxCustomersPerRun = 10_000);
