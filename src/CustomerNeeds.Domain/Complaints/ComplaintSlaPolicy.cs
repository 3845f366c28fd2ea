namespace CustomerNeeds.Domain.Complaints;

/// <summary>
/// The complaint service levels of a deployment (docs/complaint-slas.md): per-severity defaults,
/// per-tier overrides that fall back to the defaults, and optional business hours within which
/// the response and resolution targets count.
/// </summary>
public sealed record ComplaintSlaPolicy
{
    /// <summary>The targets by severity for every customer (and for a tier's unset targets).</summary>
    public ComplaintServiceLevels Defaults { get; init; } = ComplaintServiceLevels.Default;

    /// <summary>Per loyalty tier name: targets that replace the defaults.</summary>
    public IReadOnlyDictionary<string, ComplaintSlaOverride> Tiers { get; init; } = new Dictionary<string, ComplaintSlaOverride>();

    /// <summary>When set, response and resolution targets count only working time.</summary>
    public BusinessHours? BusinessHours { get; init; }

    /// <summary>The defaults above, no overrides, calendar time.</summary>
    public static ComplaintSlaPolicy Default { get; } = new();

    /// <summary>The levels that apply to a customer of <paramref name="tier"/> (null: no tier).</summary>
    public ComplaintServiceLevels LevelsFor(string? tier) =>
        tier is not null && Tiers.TryGetValue(tier, out var tierLevels) ? tierLevels.Over(Defaults) : Defaults;

    /// <summary>When the first response of a complaint opened at <paramref name="openedAt"/> is due.</summary>
    public DateTimeOffset ResponseDeadline(DateTimeOffset openedAt, ComplaintSeverity severity, string? tier) =>
        After(openedAt, LevelsFor(tier).ResponseTarget(severity));

    /// <summary>When the resolution of a complaint opened at <paramref name="openedAt"/> is due.</summary>
    public DateTimeOffset ResolutionDeadline(DateTimeOffset openedAt, ComplaintSeverity severity, string? tier) =>
        After(openedAt, LevelsFor(tier).ResolutionTarget(severity));

    /// <summary>When the follow-up contact falls due after a resolution (calendar time).</summary>
    public DateTimeOffset FollowUpDue(DateTimeOffset resolvedAt, string? tier) =>
        resolvedAt + LevelsFor(tier).FollowUpDelay;

    /// <summary>What is wrong with this policy, given the tier names that exist; empty when usable.</summary>
    public IReadOnlyList<string> Validate(IEnumerable<string> knownTiers)
    {
        var problems = new List<string>();
        CheckLevels(problems, "Defaults", Defaults);
        var known = knownTiers.ToHashSet(StringComparer.Ordinal);
        foreach (var (tier, levels) in Tiers)
        {
            if (!known.Contains(tier))
            {
                problems.Add($"Tiers:{tier} is not a tier of the tier policy ({string.Join(", ", known)})");
            }

            CheckLevels(problems, $"Tiers:{tier}", levels.Over(ComplaintServiceLevels.Default));
        }

        if (BusinessHours is { } hours)
        {
            problems.AddRange(hours.Validate("BusinessHours"));
        }

        return problems;
    }

    private DateTimeOffset After(DateTimeOffset start, TimeSpan target) =>
        BusinessHours is { } hours ? hours.Add(start, target) : start + target;

    private static void CheckLevels(List<string> problems, string prefix, ComplaintServiceLevels l)
    {
        (string Name, TimeSpan Value)[] all =
        [
            (nameof(l.ResponseCritical), l.ResponseCritical), (nameof(l.ResponseHigh), l.ResponseHigh),
            (nameof(l.ResponseMedium), l.ResponseMedium), (nameof(l.ResponseLow), l.ResponseLow),
            (nameof(l.ResolutionCritical), l.ResolutionCritical), (nameof(l.ResolutionHigh), l.ResolutionHigh),
            (nameof(l.ResolutionMedium), l.ResolutionMedium), (nameof(l.ResolutionLow), l.ResolutionLow),
            (nameof(l.FollowUpDelay), l.FollowUpDelay),
        ];
        foreach (var (name, value) in all)
        {
            if (value <= TimeSpan.Zero || value > TimeSpan.FromDays(365))
            {
                problems.Add($"{prefix}:{name} must be more than zero and at most 365 days (is {value})");
            }
        }
    }
}
