using CustomerNeeds.Domain.Complaints;

namespace CustomerNeeds.Domain.Tests.Complaints;

/// <summary>Business-time arithmetic, expectations computed by hand (Europe/Berlin: UTC+1, UTC+2 in summer).</summary>
public sealed class BusinessHoursTests
{
    private static readonly BusinessHours Berlin = new() { TimeZoneId = "Europe/Berlin", Opens = TimeSpan.FromHours(8), Closes = TimeSpan.FromHours(18) };

    [Theory]
    // Wednesday 2025-01-15 10:00 local (09:00Z) + 1 h -> 11:00 local.
    [InlineData("2025-01-15T09:00:00Z", 1.0, "2025-01-15T10:00:00Z")]
    // Wednesday 17:30 local + 1 h -> Thursday 08:30 local (across the night).
    [InlineData("2025-01-15T16:30:00Z", 1.0, "2025-01-16T07:30:00Z")]
    // Friday 17:30 local + 1 h -> Monday 08:30 local (across the weekend).
    [InlineData("2025-01-17T16:30:00Z", 1.0, "2025-01-20T07:30:00Z")]
    // Saturday noon: counting starts Monday 08:00; + 4 h -> Monday 12:00 local.
    [InlineData("2025-01-18T11:00:00Z", 4.0, "2025-01-20T11:00:00Z")]
    // Tuesday 03:00 local (before opening) + 10 h -> Tuesday 18:00 local exactly (closing).
    [InlineData("2025-01-14T02:00:00Z", 10.0, "2025-01-14T17:00:00Z")]
    // Monday 08:00 local + 24 h = 2.4 working days -> Wednesday 12:00 local.
    [InlineData("2025-01-13T07:00:00Z", 24.0, "2025-01-15T11:00:00Z")]
    // Friday 2025-03-28 17:00 local (UTC+1) + 2 h: the clocks go forward on Sunday;
    // Monday 09:00 local is now UTC+2 -> 07:00Z.
    [InlineData("2025-03-28T16:00:00Z", 2.0, "2025-03-31T07:00:00Z")]
    // Friday 2025-10-24 17:00 local (UTC+2) + 2 h -> Monday 09:00 local in winter time (UTC+1) = 08:00Z.
    [InlineData("2025-10-24T15:00:00Z", 2.0, "2025-10-27T08:00:00Z")]
    public void Counts_only_working_time(string start, double hours, string expected)
    {
        var deadline = Berlin.Add(DateTimeOffset.Parse(start), TimeSpan.FromHours(hours));

        Assert.Equal(DateTimeOffset.Parse(expected), deadline);
    }

    [Fact]
    public void A_night_shift_across_the_spring_forward_change_has_an_hour_less()
    {
        // Open 01:00-05:00 local every day; on Sunday 2025-03-30 02:00 local does not exist
        // (01:00 = 00:00Z, 05:00 = 03:00Z): that night has 3 working hours, not 4.
        var night = new BusinessHours
        {
            TimeZoneId = "Europe/Berlin",
            Opens = TimeSpan.FromHours(1),
            Closes = TimeSpan.FromHours(5),
            WorkingDays = Enum.GetValues<DayOfWeek>(),
        };
        var start = DateTimeOffset.Parse("2025-03-30T00:00:00Z");

        Assert.Equal(DateTimeOffset.Parse("2025-03-30T03:00:00Z"), night.Add(start, TimeSpan.FromHours(3)));
        // The fourth hour is the first of the next night: Monday 01:00 local (UTC+2) = Sunday 23:00Z, + 1 h.
        Assert.Equal(DateTimeOffset.Parse("2025-03-31T00:00:00Z"), night.Add(start, TimeSpan.FromHours(4)));
    }

    [Fact]
    public void Configured_working_days_replace_monday_to_friday()
    {
        var weekend = Berlin with { WorkingDays = [DayOfWeek.Saturday] };

        // Wednesday noon + 1 h -> Saturday 09:00 local.
        Assert.Equal(
            DateTimeOffset.Parse("2025-01-18T08:00:00Z"),
            weekend.Add(DateTimeOffset.Parse("2025-01-15T11:00:00Z"), TimeSpan.FromHours(1)));
    }

    [Theory]
    [InlineData("Nowhere/City", 8, 18, "TimeZoneId")]
    [InlineData("Europe/Berlin", 18, 8, "Opens")]
    [InlineData("Europe/Berlin", 8, 8, "Opens")]
    [InlineData("Europe/Berlin", 8, 25, "Opens")]
    public void Invalid_hours_are_named(string zone, int opens, int closes, string expected)
    {
        var hours = new BusinessHours { TimeZoneId = zone, Opens = TimeSpan.FromHours(opens), Closes = TimeSpan.FromHours(closes) };

        var problem = Assert.Single(hours.Validate("BusinessHours"));
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Repeated_working_days_are_invalid()
    {
        var hours = Berlin with { WorkingDays = [DayOfWeek.Monday, DayOfWeek.Monday] };

        Assert.Contains("WorkingDays", Assert.Single(hours.Validate("BusinessHours")), StringComparison.Ordinal);
    }
}
