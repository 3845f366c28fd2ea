using System.Globalization;
using System.Text.Json.Serialization;
using CustomerNeeds.Domain.Complaints;
using CustomerNeeds.Domain.Interactions;
using CustomerNeeds.Domain.Kano;
using CustomerNeeds.Domain.Loyalty;
using CustomerNeeds.Domain.Needs;
using CustomerNeeds.Domain.Privacy;

namespace CustomerNeeds.Domain.Customers;

/// <summary>
/// The bounded snapshot of one customer. Round-trips through System.Text.Json with default
/// options. Changed only by <see cref="CustomerEvolution.Apply"/>.
/// </summary>
public sealed class CustomerState
{
    /// <summary>Most needs one customer may hold.</summary>
    public const int MaxNeeds = 500;

    /// <summary>Most complaints one customer may have open at once.</summary>
    public const int MaxOpenComplaints = 100;

    /// <summary>How many interactions the state keeps (the latest by occur time).</summary>
    public const int MaxRecentInteractions = 20;

    /// <summary>False until CustomerCreated is applied.</summary>
    public bool Exists { get; set; }

    /// <summary>The caller-chosen customer id.</summary>
    public string Id { get; set; } = "";

    /// <summary>Number of events applied; equals the sequence number of the last event in the log.</summary>
    public long Version { get; set; }

    public CustomerProfile Profile { get; set; } = new();

    /// <summary>All needs, by id (never removed).</summary>
    public SortedDictionary<string, Need> Needs { get; set; } = new();

    /// <summary>Complaints not yet closed, by id.</summary>
    public SortedDictionary<string, ComplaintCase> OpenComplaints { get; set; } = new();

    public LoyaltyState Loyalty { get; set; } = new();

    public CustomerAggregates Aggregates { get; set; } = new();

    /// <summary>The latest interactions by occur time, newest first, at most <see cref="MaxRecentInteractions"/>.</summary>
    public List<Interaction> RecentInteractions { get; set; } = [];

    /// <summary>
    /// The customer's latest KANO answer pair per feature, by feature id: one entry per feature
    /// the customer ever answered about (bounded by the questionnaire, not by the history).
    /// </summary>
    public SortedDictionary<string, LatestKanoAnswer> KanoAnswers { get; set; } = new();

    /// <summary>When each of <see cref="RecentInteractions"/> was recorded, by interaction id.</summary>
    public SortedDictionary<string, DateTimeOffset> RecentRecordTimes { get; set; } = [];

    public DateTimeOffset? CreatedAt { get; set; }

    public DateTimeOffset? UpdatedAt { get; set; }

    /// <summary>The number of the next minted need id ("n" + number).</summary>
    public long NextNeedNumber { get; set; } = 1;

    /// <summary>The number of the next minted complaint id ("k" + number).</summary>
    public long NextComplaintNumber { get; set; } = 1;

    /// <summary>The customer this one was merged into (its id is an alias of that one); null when not merged.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? MergedInto { get; set; }

    /// <summary>The merged customers whose history this one spans (absorbed directly or through them), in merge order.</summary>
    public List<string> AbsorbedCustomerIds { get; set; } = [];

    /// <summary>
    /// The customer's consent per purpose, by purpose (at most <see cref="ConsentDecisions.MaxPurposes"/>).
    /// Snapshots written before consents existed read back with none.
    /// </summary>
    public SortedDictionary<string, Consent> Consents { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The customer's etag: <see cref="Version"/> in invariant digits.</summary>
    [JsonIgnore]
    public string Etag => Version.ToString(CultureInfo.InvariantCulture);

    /// <summary>A deep copy sharing nothing mutable with this state.</summary>
    public CustomerState Clone()
    {
        var copy = CopyForEvaluation();
        copy.Needs = new SortedDictionary<string, Need>(Needs.ToDictionary(kv => kv.Key, kv => kv.Value.Clone()), Needs.Comparer);
        copy.KanoAnswers = new SortedDictionary<string, LatestKanoAnswer>(KanoAnswers, KanoAnswers.Comparer);
        return copy;
    }

    /// <summary>
    /// A copy sharing nothing mutable with this state except needs and KANO answers (left out:
    /// no loyalty rule reads them), for applying a decision's events before evaluating loyalty.
    /// </summary>
    internal CustomerState CopyForEvaluation() => new()
    {
        Exists = Exists,
        Id = Id,
        Version = Version,
        Profile = Profile,
        OpenComplaints = new SortedDictionary<string, ComplaintCase>(OpenComplaints.ToDictionary(kv => kv.Key, kv => kv.Value.Clone())),
        Loyalty = Loyalty.Clone(),
        Aggregates = Aggregates.Clone(),
        RecentInteractions = [.. RecentInteractions],
        RecentRecordTimes = new SortedDictionary<string, DateTimeOffset>(RecentRecordTimes),
        CreatedAt = CreatedAt,
        UpdatedAt = UpdatedAt,
        NextNeedNumber = NextNeedNumber,
        NextComplaintNumber = NextComplaintNumber,
        MergedInto = MergedInto,
        AbsorbedCustomerIds = [.. AbsorbedCustomerIds],
        Consents = new SortedDictionary<string, Consent>(Consents, StringComparer.Ordinal),
    };
}
