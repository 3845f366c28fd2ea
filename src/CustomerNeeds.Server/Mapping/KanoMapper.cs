using CustomerNeeds.Domain.Kano;
using Contract = CustomerNeeds.Api.V1;

namespace CustomerNeeds.Server.Mapping;

/// <summary>KANO answers: proto ↔ domain (explicit, never casts; see <see cref="EnumMapper"/>).</summary>
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
}
