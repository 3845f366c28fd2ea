namespace CustomerNeeds.Domain.Privacy;

/// <summary>
/// One purpose's consent when a customer absorbs a merged customer that decided about it too: the
/// later recorded decision is the status (of equal times the absorbing customer's), and each date
/// is the later of the two, so no grant, denial or revocation of either is forgotten.
/// </summary>
public static class ConsentMerge
{
    public static Consent Of(Consent held, Consent absorbed)
    {
        ArgumentNullException.ThrowIfNull(held);
        ArgumentNullException.ThrowIfNull(absorbed);
        var latest = absorbed.UpdatedAt > held.UpdatedAt ? absorbed : held;
        return latest with
        {
            GrantedAt = Later(held.GrantedAt, absorbed.GrantedAt),
            DeniedAt = Later(held.DeniedAt, absorbed.DeniedAt),
            RevokedAt = Later(held.RevokedAt, absorbed.RevokedAt),
        };
    }

    private static DateTimeOffset? Later(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a > b ? a : b;
}
