using CustomerNeeds.Domain.Customers;
using CustomerNeeds.Domain.Loyalty;
using CustomerNeeds.Domain.Tests.Customers;

namespace CustomerNeeds.Domain.Tests.Loyalty;

public sealed class TierOutcomeTests
{
    public static TheoryData<string> Policies() => ["default", "immediate", "none", "grace"];

    [Theory]
    [MemberData(nameof(Policies))]
    public void Decides_what_the_evaluator_decides_after_every_event_of_the_busy_year_and_on_every_later_day(string name)
    {
        var policy = name switch
        {
            "immediate" => TierPolicy.Default with { DowngradeMode = DowngradeMode.Immediate },
            "none" => TierPolicy.Default with { DowngradeMode = DowngradeMode.None },
            "grace" => TierPolicy.Default with { GracePeriodDays = 5, RollingWindowDays = 60 },
            _ => TierPolicy.Default,
        };
        var events = ReplayTests.BusyYear().Events;
        var state = new CustomerState();
        var compared = 0;
        foreach (var e in events)
        {
            CustomerEvolution.Apply(state, e);
            for (var day = 0; day < 400; day += 7)
            {
                var at = e.OccurredAt.AddDays(day).AddHours(day % 24);
                var expected = TierEvaluator.Evaluate(state, policy, at);
                Assert.Equal((expected.Tier, expected.BelowTierSince), TierOutcome.Of(state, policy, at));
                compared++;
            }
        }

        Assert.True(compared > 1000, $"only {compared} comparisons");
    }
}
