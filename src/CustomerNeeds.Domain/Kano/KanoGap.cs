namespace CustomerNeeds.Domain.Kano;

/// <summary>
/// The gap between what customers say about a feature and what staff believe they would say
/// (DOMAIN.md section 6). Comparable when both sides have at least one answer; the class differs
/// only then. The differences are customers minus staff, null when either coefficient is null.
/// </summary>
public sealed record KanoGap(bool Comparable, bool ClassDiffers, double? BetterDifference, double? WorseDifference)
{
    /// <summary>The gap of the customers' result against the staff's.</summary>
    public static KanoGap Between(KanoFeatureResult customers, KanoFeatureResult staff)
    {
        ArgumentNullException.ThrowIfNull(customers);
        ArgumentNullException.ThrowIfNull(staff);
        var comparable = customers.Total > 0 && staff.Total > 0;
        return new KanoGap(
            comparable,
            comparable && customers.Class != staff.Class,
            customers.Better - staff.Better,
            customers.Worse - staff.Worse);
    }
}
