using CustomerNeeds.Domain.Kano;
using static CustomerNeeds.Domain.Kano.KanoAnswer;
using static CustomerNeeds.Domain.Kano.KanoClass;

namespace CustomerNeeds.Domain.Tests.Kano;

public sealed class KanoEvaluatorTests
{
    [Theory]
    [InlineData(Like, Like, Questionable)]
    [InlineData(Like, KanoAnswer.MustBe, Attractive)]
    [InlineData(Like, Neutral, Attractive)]
    [InlineData(Like, LiveWith, Attractive)]
    [InlineData(Like, Dislike, OneDimensional)]
    [InlineData(KanoAnswer.MustBe, Like, Reverse)]
    [InlineData(KanoAnswer.MustBe, KanoAnswer.MustBe, Indifferent)]
    [InlineData(KanoAnswer.MustBe, Neutral, Indifferent)]
    [InlineData(KanoAnswer.MustBe, LiveWith, Indifferent)]
    [InlineData(KanoAnswer.MustBe, Dislike, KanoClass.MustBe)]
    [InlineData(Neutral, Like, Reverse)]
    [InlineData(Neutral, KanoAnswer.MustBe, Indifferent)]
    [InlineData(Neutral, Neutral, Indifferent)]
    [InlineData(Neutral, LiveWith, Indifferent)]
    [InlineData(Neutral, Dislike, KanoClass.MustBe)]
    [InlineData(LiveWith, Like, Reverse)]
    [InlineData(LiveWith, KanoAnswer.MustBe, Indifferent)]
    [InlineData(LiveWith, Neutral, Indifferent)]
    [InlineData(LiveWith, LiveWith, Indifferent)]
    [InlineData(LiveWith, Dislike, KanoClass.MustBe)]
    [InlineData(Dislike, Like, Reverse)]
    [InlineData(Dislike, KanoAnswer.MustBe, Reverse)]
    [InlineData(Dislike, Neutral, Reverse)]
    [InlineData(Dislike, LiveWith, Reverse)]
    [InlineData(Dislike, Dislike, Questionable)]
    public void Evaluation_table(KanoAnswer functional, KanoAnswer dysfunctional, KanoClass expected) =>
        Assert.Equal(expected, KanoEvaluator.Classify(functional, dysfunctional));

    [Theory]
    [InlineData(KanoAnswer.Unspecified, Like)]
    [InlineData(Like, KanoAnswer.Unspecified)]
    [InlineData((KanoAnswer)6, Like)]
    public void Answers_off_the_scale_are_refused(KanoAnswer functional, KanoAnswer dysfunctional) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => KanoEvaluator.Classify(functional, dysfunctional));

    // counts: A, O, M, I, R, Q -> class, better, worse (null = no A/O/M/I answer)
    [Theory]
    [InlineData(3, 2, 1, 4, 0, 0, Indifferent, 0.5, -0.3)]     // (3+2)/10, -(2+1)/10
    [InlineData(1, 2, 2, 0, 0, 0, KanoClass.MustBe, 0.6, -0.8)] // tie M/O: M wins; 3/5, -4/5
    [InlineData(2, 2, 0, 0, 0, 0, OneDimensional, 1.0, -0.5)]  // tie O/A: O wins
    [InlineData(2, 0, 0, 2, 0, 0, Attractive, 0.5, 0.0)]       // tie A/I: A wins
    [InlineData(0, 0, 0, 1, 1, 0, Indifferent, 0.0, 0.0)]      // tie I/R: I wins
    [InlineData(0, 0, 0, 0, 3, 1, Reverse, null, null)]
    [InlineData(0, 0, 0, 0, 0, 2, Questionable, null, null)]
    [InlineData(0, 0, 0, 0, 0, 0, KanoClass.Unspecified, null, null)]
    [InlineData(5, 1, 0, 1, 2, 1, Attractive, 0.857142857, -0.142857143)] // 6/7, -1/7
    [InlineData(0, 4, 4, 0, 0, 0, KanoClass.MustBe, 0.5, -1.0)]
    public void Aggregation(int a, int o, int m, int i, int r, int q, KanoClass expected, double? better, double? worse)
    {
        var classes = Enumerable.Repeat(Attractive, a)
            .Concat(Enumerable.Repeat(OneDimensional, o))
            .Concat(Enumerable.Repeat(KanoClass.MustBe, m))
            .Concat(Enumerable.Repeat(Indifferent, i))
            .Concat(Enumerable.Repeat(Reverse, r))
            .Concat(Enumerable.Repeat(Questionable, q))
            .Append(KanoClass.Unspecified); // ignored

        var result = KanoEvaluator.Aggregate(classes);

        Assert.Equal(expected, result.Class);
        Assert.Equal((a, o, m, i, r, q), (result.Attractive, result.OneDimensional, result.MustBe, result.Indifferent, result.Reverse, result.Questionable));
        Assert.Equal(a + o + m + i + r + q, result.Total);
        AssertClose(better, result.Better);
        AssertClose(worse, result.Worse);
    }

    [Fact]
    public void Responses_are_classified_then_aggregated()
    {
        KanoResponse[] responses =
        [
            new(Like, Dislike),      // O
            new(Like, Neutral),      // A
            new(Neutral, Dislike),   // M
            new(Neutral, Neutral),   // I
            new(Dislike, Like),      // R
            new(LiveWith, Dislike),  // M
        ];

        var result = KanoEvaluator.Evaluate(responses);

        Assert.Equal(KanoClass.MustBe, result.Class);
        Assert.Equal(0.4, result.Better!.Value, 9);  // (1+1)/5
        Assert.Equal(-0.6, result.Worse!.Value, 9);  // -(1+2)/5
    }

    private static void AssertClose(double? expected, double? actual)
    {
        if (expected is null)
        {
            Assert.Null(actual);
        }
        else
        {
            Assert.NotNull(actual);
            Assert.Equal(expected.Value, actual.Value, 6);
        }
    }
}
