using System.Globalization;
using CustomerNeeds.Domain.Loyalty;
using CustomerNeeds.Domain.Satisfaction;

namespace CustomerNeeds.Domain.Tests.Loyalty;

public sealed class ChurnRiskTests
{
    private static readonly DateTimeOffset Now = States.Now;

    // Weights: recency 0.40, trend 0.20, open complaints 0.15, repeated complaints 0.15, NPS detractor 0.10.
    [Theory]
    // purchases (daysAgo:amount)    lastInteraction csat series      open complaintsDaysAgo nps   recency trend  open   repeat detr   score  level
    [InlineData("100:1,80:1,60:1,40:1", null, "", 0, "", null, 0.2, 0, 0, 0, 0, 0.2, ChurnRiskLevel.Low)]          // gap 20, 40 days: 2x -> half
    [InlineData("120:1,100:1,80:1,60:1", null, "", 0, "", 6, 0.4, 0, 0, 0, 0.1, 0.5, ChurnRiskLevel.Medium)]      // 3x -> full; detractor
    [InlineData("70:1,50:1,30:1,10:1", null, "", 1, "10,20", null, 0, 0, 0.075, 0.15, 0, 0.225, ChurnRiskLevel.Low)] // 0.5x -> 0
    [InlineData("", 135, "", 0, "", null, 0.1, 0, 0, 0, 0, 0.1, ChurnRiskLevel.Low)]                              // no purchase: default gap 90, 1.5x
    [InlineData("270:50", null, "", 0, "", null, 0.4, 0, 0, 0, 0, 0.4, ChurnRiskLevel.Medium)]                     // one purchase: default gap, 3x
    [InlineData("", null, "5,5,5,5,2,2,2", 0, "", null, 0, 0.2, 0, 0, 0, 0.2, ChurnRiskLevel.Low)]                // drop 3 >= 2 -> full
    [InlineData("", null, "5,4,3,3,3", 0, "", null, 0, 0.15, 0, 0, 0, 0.15, ChurnRiskLevel.Low)]                  // 4.5 -> 3: drop 1.5
    [InlineData("", null, "2,2,5,5,5", 0, "", null, 0, 0, 0, 0, 0, 0, ChurnRiskLevel.Low)]                         // improving
    [InlineData("", null, "5,1,1", 0, "", null, 0, 0, 0, 0, 0, 0, ChurnRiskLevel.Low)]                             // too few scores
    [InlineData("", null, "", 0, "10,91", null, 0, 0, 0, 0, 0, 0, ChurnRiskLevel.Low)]                             // only one within 90 days
    [InlineData("", null, "", 0, "10,90", null, 0, 0, 0, 0.15, 0, 0.15, ChurnRiskLevel.Low)]                       // 90 days is within
    [InlineData("200:1,100:1", null, "", 0, "", 7, 0, 0, 0, 0, 0, 0, ChurnRiskLevel.Low)]                         // exactly 1x; passive
    [InlineData("90:1,70:1,50:1", null, "", 1, "", 3, 0.3, 0, 0.075, 0, 0.1, 0.475, ChurnRiskLevel.Medium)]       // 2.5x -> 0.75
    [InlineData("60:1,40:1", null, "", 2, "", null, 0.2, 0, 0.15, 0, 0, 0.35, ChurnRiskLevel.Medium)]
    [InlineData("400:1,300:1", null, "5,5,5,1,1,1", 3, "1,2,3", 0, 0.4, 0.2, 0.15, 0.15, 0.1, 1.0, ChurnRiskLevel.High)]
    public void Score_table(
        string purchases, int? lastInteractionDaysAgo, string csat, int open, string complaintDaysAgo, int? lastNps,
        double recency, double trend, double openContribution, double repeated, double detractor, double score, ChurnRiskLevel level)
    {
        var state = States.Existing().WithPurchases(purchases, Now).WithOpenComplaints(open);
        var a = state.Aggregates;
        if (lastInteractionDaysAgo is { } d)
        {
            a.LastInteractionAt = Now.AddDays(-d);
        }

        var scores = csat.Length == 0 ? [] : csat.Split(',').Select(x => int.Parse(x, CultureInfo.InvariantCulture)).ToArray();
        a.RecentCsat = scores.Select((x, i) => new CsatAnswer(x, Now.AddDays(i - scores.Length))).ToList();
        a.RecentComplaintTimes = complaintDaysAgo.Length == 0
            ? []
            : complaintDaysAgo.Split(',').Select(x => Now.AddDays(-int.Parse(x, CultureInfo.InvariantCulture))).OrderBy(t => t).ToList();
        a.LastNps = lastNps;

        var result = ChurnRisk.Assess(state, ChurnRiskModel.Default, Now);

        Assert.Equal(
            ["recency", "satisfaction_trend", "open_complaints", "repeated_complaints", "nps_detractor"],
            result.Factors.Select(f => f.Name));
        Assert.Equal(recency, result.Factors[0].Contribution, 4);
        Assert.Equal(trend, result.Factors[1].Contribution, 4);
        Assert.Equal(openContribution, result.Factors[2].Contribution, 4);
        Assert.Equal(repeated, result.Factors[3].Contribution, 4);
        Assert.Equal(detractor, result.Factors[4].Contribution, 4);
        Assert.Equal(score, result.Score, 4);
        Assert.Equal(level, result.Level);
    }

    [Theory]
    [InlineData(0.0, ChurnRiskLevel.Low)]
    [InlineData(0.3299, ChurnRiskLevel.Low)]
    [InlineData(0.33, ChurnRiskLevel.Medium)]
    [InlineData(0.6599, ChurnRiskLevel.Medium)]
    [InlineData(0.66, ChurnRiskLevel.High)]
    [InlineData(1.0, ChurnRiskLevel.High)]
    public void Level_bands(double score, ChurnRiskLevel level) => Assert.Equal(level, ChurnRisk.LevelOf(score));

    [Fact]
    public void The_score_is_clamped_to_one()
    {
        var state = States.Existing().WithPurchases("400:1,300:1", Now).WithOpenComplaints(2);
        state.Aggregates.LastNps = 0;
        var model = ChurnRiskModel.Default with { RecencyWeight = 0.8, OpenComplaintsWeight = 0.5 };

        var result = ChurnRisk.Assess(state, model, Now);
        Assert.Equal(1.0, result.Score);
        Assert.Equal(1.4, result.Factors.Sum(f => f.Contribution), 4);
    }

    [Fact]
    public void Factors_explain_themselves()
    {
        var state = States.Existing().WithPurchases("100:1,80:1,60:1,40:1", Now);
        var recency = ChurnRisk.Assess(state, ChurnRiskModel.Default, Now).Factors[0];

        Assert.Equal("40 days since last purchase, 2.0x the usual gap of 20 days", recency.Explanation);
        Assert.Equal(0.4, recency.Weight);
    }

    [Fact]
    public void A_customer_without_activity_has_no_recency_risk()
    {
        var result = ChurnRisk.Assess(States.Existing(), ChurnRiskModel.Default, Now);
        Assert.Equal(0, result.Score);
        Assert.Equal("no activity yet", result.Factors[0].Explanation);
    }
}
