namespace CustomerNeeds.Domain.Kano;

/// <summary>
/// A feature's KANO result across many respondents: the count per class, the resulting
/// class, and the satisfaction coefficients (null when A + O + M + I is 0).
/// </summary>
public sealed record KanoFeatureResult(
    KanoClass Class,
    int Attractive,
    int OneDimensional,
    int MustBe,
    int Indifferent,
    int Reverse,
    int Questionable,
    double? Better,
    double? Worse)
{
    /// <summary>All classified answers.</summary>
    public int Total => Attractive + OneDimensional + MustBe + Indifferent + Reverse + Questionable;
}
