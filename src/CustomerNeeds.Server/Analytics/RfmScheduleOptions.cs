namespace CustomerNeeds.Server.Analytics;

/// <summary>When the RFM quintiles are recomputed: section <c>CustomerNeeds:ReadModel</c> (docs/rfm.md).</summary>
public sealed class RfmScheduleOptions
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "CustomerNeeds:ReadModel";

    /// <summary>Time between the start of one run and the next (<c>RfmInterval</c>, default 5 minutes).</summary>
    public TimeSpan RfmInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Time from start-up to the first run (<c>RfmFirstRunDelay</c>, default 10 seconds).</summary>
    public TimeSpan RfmFirstRunDelay { get; set; } = TimeSpan.FromSeconds(10);
}
