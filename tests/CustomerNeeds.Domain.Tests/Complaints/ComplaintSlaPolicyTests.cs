using CustomerNeeds.Domain.Complaints;
using CustomerNeeds.Domain.Customers;
using CustomerNeeds.Domain.Events;

namespace CustomerNeeds.Domain.Tests.Complaints;

public sealed class ComplaintSlaPolicyTests
{
    private static readonly ComplaintSlaPolicy GoldFaster = new()
    {
        Tiers = new Dictionary<string, ComplaintSlaOverride>
        {
            ["gold"] = new() { ResponseHigh = TimeSpan.FromMinutes(30), FollowUpDelay = TimeSpan.FromDays(1) },
        },
    };

    [Theory]
    [InlineData(null, ComplaintSeverity.High, 4, 72)]
    [InlineData("bronze", ComplaintSeverity.High, 4, 72)]
    [InlineData("gold", ComplaintSeverity.High, 0.5, 72)]
    [InlineData("gold", ComplaintSeverity.Critical, 1, 24)]
    public void A_tier_override_falls_back_to_the_severity_default(string? tier, ComplaintSeverity severity, double responseHours, double resolutionHours)
    {
        Assert.Equal(Scenario.T0.AddHours(responseHours), GoldFaster.ResponseDeadline(Scenario.T0, severity, tier));
        Assert.Equal(Scenario.T0.AddHours(resolutionHours), GoldFaster.ResolutionDeadline(Scenario.T0, severity, tier));
    }

    [Fact]
    public void The_follow_up_delay_may_differ_by_tier()
    {
        Assert.Equal(Scenario.T0.AddDays(1), GoldFaster.FollowUpDue(Scenario.T0, "gold"));
        Assert.Equal(Scenario.T0.AddDays(3), GoldFaster.FollowUpDue(Scenario.T0, "silver"));
    }

    [Fact]
    public void Business_hours_apply_to_response_and_resolution_but_not_to_the_follow_up()
    {
        var policy = new ComplaintSlaPolicy { BusinessHours = new BusinessHours { TimeZoneId = "UTC" } };
        var friday = new DateTimeOffset(2025, 1, 17, 17, 30, 0, TimeSpan.Zero);

        Assert.Equal(new DateTimeOffset(2025, 1, 20, 8, 30, 0, TimeSpan.Zero), policy.ResponseDeadline(friday, ComplaintSeverity.Critical, null));
        // 24 working hours from Friday 17:30: 0.5 h Friday + 10 h Monday + 10 h Tuesday + 3.5 h Wednesday.
        Assert.Equal(new DateTimeOffset(2025, 1, 22, 11, 30, 0, TimeSpan.Zero), policy.ResolutionDeadline(friday, ComplaintSeverity.Critical, null));
        Assert.Equal(friday.AddDays(3), policy.FollowUpDue(friday, null));
    }

    [Fact]
    public void A_complaint_takes_the_deadlines_of_its_customers_tier()
    {
        var s = new Scenario(CustomerPolicy.Default with { ComplaintSla = GoldFaster });
        s.Create();
        s.State.Loyalty.Tier = "gold";

        var opened = s.Complain(ComplaintSeverity.High).OfType<ComplaintOpened>().Single();

        Assert.Equal(Scenario.T0.AddMinutes(30), opened.ResponseDeadline);
        Assert.Equal(Scenario.T0.AddHours(72), opened.ResolutionDeadline);
    }

    [Fact]
    public void Invalid_targets_and_unknown_tiers_are_reported()
    {
        var policy = CustomerPolicy.Default with
        {
            ComplaintSla = new ComplaintSlaPolicy
            {
                Defaults = ComplaintServiceLevels.Default with { ResponseLow = TimeSpan.Zero },
                Tiers = new Dictionary<string, ComplaintSlaOverride> { ["diamond"] = new() },
            },
        };

        var problems = policy.Validate();

        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p.Contains("Defaults:ResponseLow", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Tiers:diamond", StringComparison.Ordinal));
        Assert.Empty(CustomerPolicy.Default.Validate());
    }
}
