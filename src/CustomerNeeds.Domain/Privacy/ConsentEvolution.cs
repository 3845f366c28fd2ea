using CustomerNeeds.Domain.Customers;
using CustomerNeeds.Domain.Events;

namespace CustomerNeeds.Domain.Privacy;

/// <summary>How a <see cref="ConsentChanged"/> changes the customer's consents (called by <see cref="CustomerEvolution"/>).</summary>
internal static class ConsentEvolution
{
    public static void Apply(CustomerState state, ConsentChanged e)
    {
        var held = state.Consents.GetValueOrDefault(e.Purpose);
        state.Consents[e.Purpose] = new Consent(
            e.Purpose,
            e.ToStatus,
            e.ToStatus == ConsentStatus.Granted ? e.DecidedAt : held?.GrantedAt,
            e.ToStatus == ConsentStatus.Denied ? e.DecidedAt : held?.DeniedAt,
            e.ToStatus == ConsentStatus.Revoked ? e.DecidedAt : held?.RevokedAt,
            e.Source,
            e.OccurredAt);
    }
}
