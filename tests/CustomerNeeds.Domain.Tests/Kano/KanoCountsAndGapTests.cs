using CustomerNeeds.Domain.Kano;
using static CustomerNeeds.Domain.Kano.KanoAnswer;
using static CustomerNeeds.Domain.Kano.KanoClass;

namespace CustomerNeeds.Domain.Tests.Kano;

/// <summary>Aggregation from counted answer pairs and class counts, and the customer-staff gap.</summary>
public sealed class KanoCountsAndGapTests
{
    [Fact]
    public void Counted_pairs_aggregate_like_the_same_responses_one_by_one()
    {
        var counted = new Dictionary<KanoResponse, int>
        {
            [new KanoResponse(Like, Dislike)] = 3, // O
            [new KanoResponse(Like, Neutral)] = 2, // A
            [new KanoResponse(Like, LiveWith)] = 1, // A
            [new KanoResponse(Neutral, Dislike)] = 1, // M
            [new KanoResponse(Dislike, Dislike)] = 4, // Q
        };

        var result = KanoEvaluator.Evaluate(counted);

        // A 3, O 3, M 1, I 0, R 0, Q 4: Q is most frequent but loses no tie; better 6/7, worse -4/7.
        Assert.Equal(new KanoFeatureResult(Questionable, 3, 3, 1, 0, 0, 4, 6.0 / 7, -4.0 / 7), result);
        Assert.Equal(result, KanoEvaluator.Evaluate(counted.SelectMany(p => Enumerable.Repeat(p.Key, p.Value))));
    }

    [Fact]
    public void Class_counts_with_a_tie_take_the_class_of_stronger_effect()
    {
        var result = KanoEvaluator.Aggregate(new Dictionary<KanoClass, int> { [Attractive] = 2, [OneDimensional] = 2, [Indifferent] = 1, [KanoClass.Unspecified] = 9 });

        Assert.Equal(new KanoFeatureResult(OneDimensional, 2, 2, 0, 1, 0, 0, 4.0 / 5, -2.0 / 5), result);
    }

    [Fact]
    public void The_gap_compares_classes_and_subtracts_staff_from_customers()
    {
        var customers = new KanoFeatureResult(Attractive, 6, 2, 1, 1, 0, 0, 0.8, -0.3);
        var staff = new KanoFeatureResult(KanoClass.MustBe, 0, 1, 3, 0, 0, 0, 0.25, -1.0);

        var gap = KanoGap.Between(customers, staff);

        Assert.True(gap.Comparable);
        Assert.True(gap.ClassDiffers);
        Assert.Equal(0.55, gap.BetterDifference!.Value, 12);
        Assert.Equal(0.7, gap.WorseDifference!.Value, 12);
    }

    [Fact]
    public void Without_answers_on_one_side_the_gap_is_not_comparable_and_has_no_differences()
    {
        var customers = new KanoFeatureResult(Attractive, 1, 0, 0, 0, 0, 0, 1, 0);
        var none = KanoEvaluator.Aggregate(new Dictionary<KanoClass, int>());

        var gap = KanoGap.Between(customers, none);

        Assert.Equal(new KanoGap(false, false, null, null), gap);
    }

    [Fact]
    public void Same_class_on_both_sides_does_not_differ()
    {
        var customers = new KanoFeatureResult(Reverse, 0, 0, 0, 0, 2, 0, null, null);
        var staff = new KanoFeatureResult(Reverse, 0, 0, 0, 0, 1, 0, null, null);

        Assert.Equal(new KanoGap(true, false, null, null), KanoGap.Between(customers, staff));
    }
}
