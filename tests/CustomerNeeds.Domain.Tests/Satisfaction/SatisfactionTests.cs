using CustomerNeeds.Domain.Satisfaction;

namespace CustomerNeeds.Domain.Tests.Satisfaction;

public sealed class SatisfactionTests
{
    [Theory]
    [InlineData(0, NpsCategory.Detractor)]
    [InlineData(1, NpsCategory.Detractor)]
    [InlineData(2, NpsCategory.Detractor)]
    [InlineData(3, NpsCategory.Detractor)]
    [InlineData(4, NpsCategory.Detractor)]
    [InlineData(5, NpsCategory.Detractor)]
    [InlineData(6, NpsCategory.Detractor)]
    [InlineData(7, NpsCategory.Passive)]
    [InlineData(8, NpsCategory.Passive)]
    [InlineData(9, NpsCategory.Promoter)]
    [InlineData(10, NpsCategory.Promoter)]
    public void Nps_categories(int answer, NpsCategory category) => Assert.Equal(category, NpsScore.Categorize(answer));

    [Theory]
    [InlineData(-1)]
    [InlineData(11)]
    public void Nps_answers_off_the_scale_are_refused(int answer) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => NpsScore.Categorize(answer));

    [Theory]
    [InlineData("10,9,8,7,6,0", 2, 2, 2, 0.0)]
    [InlineData("10,10,10,6", 3, 0, 1, 50.0)]
    [InlineData("0", 0, 0, 1, -100.0)]
    [InlineData("9,9,7,3,10", 3, 1, 1, 40.0)]
    [InlineData("7,8", 0, 2, 0, 0.0)]
    [InlineData("10,10,10,10", 4, 0, 0, 100.0)]
    [InlineData("9,6,6", 1, 0, 2, -33.333333)]
    public void Nps_is_percent_promoters_minus_percent_detractors(string answers, long promoters, long passives, long detractors, double nps)
    {
        var score = NpsScore.Of(answers.Split(',').Select(int.Parse));

        Assert.Equal((promoters, passives, detractors), (score.Promoters, score.Passives, score.Detractors));
        Assert.Equal(nps, score.Value!.Value, 5);
    }

    [Fact]
    public void Nps_without_answers_is_null() => Assert.Null(NpsScore.Of([]).Value);

    [Theory]
    [InlineData("5,4", 4.5)]
    [InlineData("1", 1.0)]
    [InlineData("3,4,4", 3.666667)]
    [InlineData("5,5,5,5", 5.0)]
    [InlineData("1,2,3,4,5", 3.0)]
    public void Csat_mean(string scores, double mean) =>
        Assert.Equal(mean, CsatMean.Of(scores.Split(',').Select(int.Parse)).Value!.Value, 5);

    [Fact]
    public void Csat_without_scores_is_null() => Assert.Null(CsatMean.Of([]).Value);

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    public void Csat_scores_off_the_scale_are_refused(int score) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => default(CsatMean).Add(score));
}
