using CustomerNeeds.Grains.Loyalty;

namespace CustomerNeeds.Server.Loyalty;

/// <summary>When and how widely the loyalty sweep runs: section <c>CustomerNeeds:Loyalty</c> (docs/loyalty-sweep.md).</summary>
public sealed class LoyaltySweepOptions
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "CustomerNeeds:Loyalty";

    /// <summary>Whether this server runs the sweep schedule (<c>LoyaltySweepEnabled</c>, default true; PostgreSQL storage only).</summary>
    public bool LoyaltySweepEnabled { get; set; } = true;

    /// <summary>Time between the start of one run and the next (<c>LoyaltySweepInterval</c>, default 5 minutes).</summary>
    public TimeSpan LoyaltySweepInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Time from start-up to the first run (<c>LoyaltySweepFirstRunDelay</c>, default 15 seconds).</summary>
    public TimeSpan LoyaltySweepFirstRunDelay { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Due rows read per query (<c>LoyaltySweepBatchSize</c>, default 500).</summary>
    public int LoyaltySweepBatchSize { get; set; } = 500;

    /// <summary>Grain reviews in flight at once (<c>LoyaltySweepConcurrency</c>, default 16).</summary>
    public int LoyaltySweepConcurrency { get; set; } = 16;

    /// <summary>Customers one run reviews at most (<c>LoyaltySweepMaxCustomersPerRun</c>, default 10,000).</summary>
    public int LoyaltySweepMaxCustomersPerRun { get; set; } = 10_000;

    /// <summary>The bounds of one run.</summary>
    public LoyaltySweepSettings Settings => new(LoyaltySweepBatchSize, LoyaltySweepConcurrency, LoyaltySweepMaxCustomersPerRun);

    /// <summary>What is wrong with these options; empty when usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (LoyaltySweepInterval <= TimeSpan.Zero || LoyaltySweepFirstRunDelay < TimeSpan.Zero)
        {
            problems.Add("LoyaltySweepInterval must be positive and LoyaltySweepFirstRunDelay must not be negative");
        }

        if (LoyaltySweepBatchSize < 1 || LoyaltySweepConcurrency < 1 || LoyaltySweepMaxCustomersPerRun < 1)
        {
            problems.Add("LoyaltySweepBatchSize, LoyaltySweepConcurrency and LoyaltySweepMaxCustomersPerRun must be at least 1");
        }

        return problems;
    }
}
