namespace CustomerNeeds.Domain.Complaints;

/// <summary>
/// Working time in one time zone: on each working day (a local calendar day) from
/// <see cref="Opens"/> to <see cref="Closes"/>, local time. SLA targets then count only this time.
/// </summary>
public sealed record BusinessHours
{
    /// <summary>The longest stretch searched for the end of a target (about ten years).</summary>
    private const int MaxDays = 3700;

    /// <summary>IANA (or Windows) time zone id, e.g. "Europe/Berlin".</summary>
    public string TimeZoneId { get; init; } = "UTC";

    /// <summary>Working days; empty in configuration means Monday to Friday.</summary>
    public IReadOnlyList<DayOfWeek> WorkingDays { get; init; } = [];

    /// <summary>Opening time of day, local.</summary>
    public TimeSpan Opens { get; init; } = TimeSpan.FromHours(8);

    /// <summary>Closing time of day, local; after <see cref="Opens"/>.</summary>
    public TimeSpan Closes { get; init; } = TimeSpan.FromHours(18);

    /// <summary>The working days in effect (Monday to Friday when none are configured).</summary>
    public IReadOnlyList<DayOfWeek> EffectiveWorkingDays() => WorkingDays.Count > 0
        ? WorkingDays
        : [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    /// <summary>What is wrong with these hours; empty when usable.</summary>
    public IReadOnlyList<string> Validate(string prefix)
    {
        var problems = new List<string>();
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZoneId, out _))
        {
            problems.Add($"{prefix}:TimeZoneId '{TimeZoneId}' is not a known time zone");
        }

        if (Opens < TimeSpan.Zero || Closes > TimeSpan.FromDays(1) || Opens >= Closes)
        {
            problems.Add($"{prefix}: Opens ({Opens}) must be before Closes ({Closes}), both within one day");
        }

        if (WorkingDays.Any(d => !Enum.IsDefined(d)) || WorkingDays.Distinct().Count() != WorkingDays.Count)
        {
            problems.Add($"{prefix}:WorkingDays must be distinct day names (Monday ... Sunday)");
        }

        return problems;
    }

    /// <summary>
    /// The instant at which <paramref name="duration"/> of working time has passed since
    /// <paramref name="start"/> (counting from the next opening when <paramref name="start"/> is
    /// outside working time). Daylight-saving changes shift the UTC instants of opening and
    /// closing; a local time that does not exist (spring forward) counts from the first valid one.
    /// </summary>
    public DateTimeOffset Add(DateTimeOffset start, TimeSpan duration)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);
        var days = EffectiveWorkingDays();
        var remaining = duration;
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(start, zone).DateTime);
        for (var i = 0; i < MaxDays; i++, day = day.AddDays(1))
        {
            if (!days.Contains(day.DayOfWeek))
            {
                continue;
            }

            var open = ToInstant(zone, day, Opens);
            var close = ToInstant(zone, day, Closes);
            var from = open > start ? open : start;
            if (from >= close)
            {
                continue;
            }

            var available = close - from;
            if (remaining <= available)
            {
                return (from + remaining).ToUniversalTime();
            }

            remaining -= available;
        }

        throw new InvalidOperationException($"No working time within {MaxDays} days in {TimeZoneId}.");
    }

    private static DateTimeOffset ToInstant(TimeZoneInfo zone, DateOnly day, TimeSpan timeOfDay)
    {
        var local = day.ToDateTime(TimeOnly.MinValue).Add(timeOfDay);
        while (zone.IsInvalidTime(local))
        {
            // Skipped by a spring-forward change: the first valid minute after the gap.
            local = local.AddMinutes(1);
        }

        // An ambiguous time (fall back) takes its first occurrence, the larger offset.
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }
}
