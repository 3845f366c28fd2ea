using System.Globalization;
using CustomerNeeds.Domain.Kano;
using CustomerNeeds.Server.Validation;
using CustomerNeeds.Storage.Analytics;
using Contract = CustomerNeeds.Api.V1;

namespace CustomerNeeds.Server.Mapping;

/// <summary>KANO questionnaire rows and analysis results → proto; KANO answers proto ↔ domain.</summary>
public static class KanoMapper
{
    public static KanoAnswer ToDomain(Contract.KanoAnswer value) => value switch
    {
        Contract.KanoAnswer.Unspecified => KanoAnswer.Unspecified,
        Contract.KanoAnswer.Like => KanoAnswer.Like,
        Contract.KanoAnswer.MustBe => KanoAnswer.MustBe,
        Contract.KanoAnswer.Neutral => KanoAnswer.Neutral,
        Contract.KanoAnswer.LiveWith => KanoAnswer.LiveWith,
        Contract.KanoAnswer.Dislike => KanoAnswer.Dislike,
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, "No domain value for this KanoAnswer."),
    };

    public static Contract.KanoAnswer ToProto(KanoAnswer value) => value switch
    {
        KanoAnswer.Like => Contract.KanoAnswer.Like,
        KanoAnswer.MustBe => Contract.KanoAnswer.MustBe,
        KanoAnswer.Neutral => Contract.KanoAnswer.Neutral,
        KanoAnswer.LiveWith => Contract.KanoAnswer.LiveWith,
        KanoAnswer.Dislike => Contract.KanoAnswer.Dislike,
        _ => Contract.KanoAnswer.Unspecified,
    };

    /// <summary>A domain answer pair as the proto message, feature named <c>kanoFeatures/{feature}</c>.</summary>
    public static Contract.KanoFeatureAnswer ToProto(KanoFeatureAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return new Contract.KanoFeatureAnswer
        {
            Feature = Validation.ResourceName.ForKanoFeature(answer.FeatureId),
            Functional = ToProto(answer.Functional),
            Dysfunctional = ToProto(answer.Dysfunctional),
        };
    }

    /// <summary>The etag of a feature row: its version number as decimal text.</summary>
    public static string Etag(long version) => version.ToString(CultureInfo.InvariantCulture);

    /// <summary>Parses an etag written by <see cref="Etag"/>.</summary>
    public static bool TryParseEtag(string etag, out long version) =>
        long.TryParse(etag, NumberStyles.None, CultureInfo.InvariantCulture, out version) && version > 0;

    public static Contract.KanoFeature ToProto(KanoFeatureRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new Contract.KanoFeature
        {
            Name = ResourceName.ForKanoFeature(row.FeatureId),
            DisplayName = row.DisplayName,
            FunctionalQuestion = row.FunctionalQuestion,
            DysfunctionalQuestion = row.DysfunctionalQuestion,
            CreateTime = TimeMapper.ToProto(row.CreatedAt),
            UpdateTime = TimeMapper.ToProto(row.UpdatedAt),
            Etag = Etag(row.Etag),
        };
    }

    public static Contract.KanoStaffBelief ToProto(KanoStaffBeliefRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new Contract.KanoStaffBelief
        {
            Name = AnalyticsNames.ForStaffBelief(row.FeatureId, row.StaffId),
            Functional = ToProto((KanoAnswer)row.Functional),
            Dysfunctional = ToProto((KanoAnswer)row.Dysfunctional),
            AnswerClass = EnumMapper.ToProto((KanoClass)row.AnswerClass),
            RecordTime = TimeMapper.ToProto(row.RecordedAt),
        };
    }

    /// <summary>The analysis of one feature: both sides classified and aggregated by the domain, and their gap.</summary>
    public static Contract.KanoFeatureAnalysis ToProto(KanoAnswerCounts counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var customers = KanoEvaluator.Evaluate(Responses(counts.Customers));
        var staff = KanoEvaluator.Evaluate(Responses(counts.Staff));
        var gap = KanoGap.Between(customers, staff);
        var protoGap = new Contract.KanoGap { Comparable = gap.Comparable, ClassDiffers = gap.ClassDiffers };
        if (gap.BetterDifference is { } better)
        {
            protoGap.BetterDifference = better;
        }

        if (gap.WorseDifference is { } worse)
        {
            protoGap.WorseDifference = worse;
        }

        return new Contract.KanoFeatureAnalysis
        {
            Feature = ResourceName.ForKanoFeature(counts.Feature.FeatureId),
            DisplayName = counts.Feature.DisplayName,
            Customers = ToProto(customers),
            Staff = ToProto(staff),
            Gap = protoGap,
        };
    }

    private static Contract.KanoResult ToProto(KanoFeatureResult result)
    {
        var proto = new Contract.KanoResult
        {
            RespondentCount = result.Total,
            AttractiveCount = result.Attractive,
            OneDimensionalCount = result.OneDimensional,
            MustBeCount = result.MustBe,
            IndifferentCount = result.Indifferent,
            ReverseCount = result.Reverse,
            QuestionableCount = result.Questionable,
            KanoClass = EnumMapper.ToProto(result.Class),
        };
        if (result.Better is { } better)
        {
            proto.Better = better;
        }

        if (result.Worse is { } worse)
        {
            proto.Worse = worse;
        }

        return proto;
    }

    private static Dictionary<KanoResponse, int> Responses(IReadOnlyList<KanoPairCount> pairs) =>
        pairs.ToDictionary(p => new KanoResponse((KanoAnswer)p.Functional, (KanoAnswer)p.Dysfunctional), p => checked((int)p.Count));
}
